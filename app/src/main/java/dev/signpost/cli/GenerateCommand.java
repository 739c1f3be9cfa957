package dev.signpost.cli;

import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.generate.GeneratedFile;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanBuilder;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code signpost generate}: builds a plan from options, validates it, and writes (or prints) the well-known
 * files and the web-server and homeserver config. Bad input exits with status 2 and writes nothing.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = SignpostCommand.VersionProvider.class,
        description = "Generate the well-known files and web-server / homeserver config for a delegation.")
public final class GenerateCommand implements Callable<Integer> {

    /** Exit status when a file could not be written. */
    public static final int EXIT_IO = 1;

    private static final String BUNDLE = "dev.signpost.cli.generate";

    @Spec
    private CommandSpec spec;

    @Option(names = "--server-name", required = true, paramLabel = "NAME",
            description = "The server name: the part after the colon in @alice:example.com.")
    private String serverName;

    @Option(names = "--delegate", paramLabel = "HOST[:PORT]",
            description = "Where federation goes (default matrix.<server name>:8448; port 8448 when omitted).")
    private String delegate;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "well-known",
            description = "How federation is delegated: well-known (default), srv or direct.")
    private String mode;

    @Option(names = "--client-base-url", paramLabel = "URL",
            description = "m.homeserver.base_url (default https://<delegated host>).")
    private String clientBaseUrl;

    @Option(names = "--identity-server", paramLabel = "URL", description = "m.identity_server.base_url.")
    private String identityServer;

    @Option(names = "--support-page", paramLabel = "URL", description = "support_page of /.well-known/matrix/support.")
    private String supportPage;

    @Option(names = "--admin-contact", paramLabel = "MXID|EMAIL",
            description = "An m.role.admin contact for /.well-known/matrix/support: @user:server or an email. Repeatable.")
    private List<String> adminContacts = new ArrayList<>();

    @Option(names = "--security-contact", paramLabel = "MXID|EMAIL",
            description = "An m.role.security contact for /.well-known/matrix/support. Repeatable.")
    private List<String> securityContacts = new ArrayList<>();

    @Option(names = "--client-key", paramLabel = "KEY=JSON",
            description = "An extra namespaced key for the client file, e.g. org.example.key={\"a\":1}. Repeatable.")
    private Map<String, String> clientKeys = new LinkedHashMap<>();

    @Option(names = "--web-server", paramLabel = "KIND", defaultValue = "nginx",
            description = "nginx (default), caddy, apache, haproxy, static or homeserver.")
    private String webServer;

    @Option(names = "--homeserver", paramLabel = "KIND", defaultValue = "synapse",
            description = "synapse (default), dendrite or conduit (also conduwuit, continuwuity).")
    private String homeserver;

    @Option(names = "--federation-proxy",
            description = "Also generate the reverse proxy that serves federation and forwards /_matrix/.")
    private boolean federationProxy;

    @Option(names = "--upstream", paramLabel = "URL",
            description = "Where the proxy forwards to (default http://127.0.0.1:8008).")
    private String upstream;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the files under DIR instead of printing them.")
    private Path out;

    @Option(names = "--force", description = "Overwrite files that already exist under --out.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Locale locale = Locale.getDefault();
        Texts texts = new Texts(BUNDLE, locale);
        List<String> usageErrors = new ArrayList<>();
        DelegationPlan plan = buildPlan(texts, usageErrors);
        if (!usageErrors.isEmpty()) {
            usageErrors.forEach(e -> stderr.println(texts.get("error", e)));
            return SignpostCommand.EXIT_USAGE;
        }
        List<GeneratedFile> files;
        try {
            files = new ConfigGenerator(locale).generate(plan);
        } catch (InvalidPlanException e) {
            for (PlanProblem problem : e.problems()) {
                stderr.println(texts.get(problem.isError() ? "error" : "warning", problem.message()));
            }
            return SignpostCommand.EXIT_USAGE;
        }
        for (PlanProblem problem : PlanValidator.validate(plan, locale)) {
            stderr.println(texts.get("warning", problem.message()));
        }
        if (out == null) {
            for (GeneratedFile file : files) {
                stdout.println(texts.get("print.header", file.path()));
                stdout.println(texts.get("print.purpose", file.purpose()));
                stdout.print(file.content());
                stdout.println();
            }
            stdout.flush();
            return 0;
        }
        return write(files, texts, stdout, stderr);
    }

    private DelegationPlan buildPlan(Texts texts, List<String> usageErrors) {
        PlanBuilder builder = DelegationPlan.defaultsFor(serverName).toBuilder();
        FederationMode federationMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "well-known", "wellknown" -> FederationMode.WELL_KNOWN;
            case "srv" -> FederationMode.SRV;
            case "direct", "none" -> FederationMode.DIRECT;
            default -> {
                usageErrors.add(texts.get("badMode", mode));
                yield FederationMode.WELL_KNOWN;
            }
        };
        builder.federationMode(federationMode);
        String delegatedHost = DelegationPlan.defaultsFor(serverName).federationHost();
        if (delegate != null) {
            try {
                ServerName target = ServerName.parse(delegate, Locale.getDefault());
                delegatedHost = target.hostForUrl();
                builder.federation(delegatedHost, target.hasPort() ? target.port()
                        : DelegationPlan.DEFAULT_FEDERATION_PORT);
            } catch (InvalidServerNameException e) {
                // The validator explains it with the plan's own sentence (a scheme, a bad port, ...).
                builder.federation(delegate, DelegationPlan.DEFAULT_FEDERATION_PORT);
                delegatedHost = null;
            }
        }
        if (clientBaseUrl != null) {
            builder.clientBaseUrl(clientBaseUrl);
        } else if (delegatedHost != null && !delegatedHost.isBlank()) {
            builder.clientBaseUrl("https://" + delegatedHost);
        }
        builder.identityServerUrl(identityServer).supportPage(supportPage).extraClientKeys(clientKeys);
        adminContacts.forEach(c -> builder.addSupportContact(contact(SupportContact.ROLE_ADMIN, c)));
        securityContacts.forEach(c -> builder.addSupportContact(contact(SupportContact.ROLE_SECURITY, c)));
        builder.webServer(parseEnum(WebServerKind.class, webServer, "badWebServer", texts, usageErrors));
        builder.homeserver(parseHomeserver(texts, usageErrors));
        builder.federationProxy(federationProxy);
        if (upstream != null) {
            builder.homeserverUpstream(upstream);
        }
        return builder.build();
    }

    private static SupportContact contact(String role, String address) {
        String trimmed = address.strip();
        return trimmed.startsWith("@") ? new SupportContact(role, trimmed, null) : new SupportContact(role, null, trimmed);
    }

    private HomeserverKind parseHomeserver(Texts texts, List<String> usageErrors) {
        String name = homeserver.toLowerCase(Locale.ROOT);
        if (name.equals("conduwuit") || name.equals("continuwuity")) {
            return HomeserverKind.CONDUIT;
        }
        return parseEnum(HomeserverKind.class, homeserver, "badHomeserver", texts, usageErrors);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String key, Texts texts,
            List<String> usageErrors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            usageErrors.add(texts.get(key, value));
            return null;
        }
    }

    private int write(List<GeneratedFile> files, Texts texts, PrintWriter stdout, PrintWriter stderr) {
        Path root = out.toAbsolutePath().normalize();
        Map<GeneratedFile, Path> targets = new LinkedHashMap<>();
        List<Path> existing = new ArrayList<>();
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalStateException("A generated path escapes the output directory: " + file.path());
            }
            targets.put(file, target);
            if (Files.exists(target)) {
                existing.add(target);
            }
        }
        if (!existing.isEmpty() && !force) {
            existing.forEach(p -> stderr.println(texts.get("error", texts.get("exists", p))));
            stderr.println(texts.get("existsHint"));
            return SignpostCommand.EXIT_USAGE;
        }
        for (Map.Entry<GeneratedFile, Path> entry : targets.entrySet()) {
            try {
                writeAtomically(entry.getValue(), entry.getKey().content());
            } catch (IOException e) {
                stderr.println(texts.get("error", texts.get("writeFailed", entry.getValue(), e.getMessage())));
                return EXIT_IO;
            }
        }
        stdout.println(texts.get("wrote", files.size(), root));
        for (GeneratedFile file : files) {
            stdout.println("  " + file.path());
            stdout.println("      " + file.purpose());
        }
        stdout.flush();
        return 0;
    }

    /** Writes to a temporary file in the same directory and renames it into place: never a half-written file. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".signpost-tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
