package dev.signpost.core.deploy;

import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.generate.GenerateOptions;
import dev.signpost.core.generate.WellKnownGenerator;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code signpost deploy} does for a plan, as numbered steps for someone who puts the files there by hand:
 * the same places, the same include line and the same commands as {@link SetupInstaller} uses (Debian/Ubuntu
 * defaults), so the wizard's manual path and the automatic one say one thing.
 */
public final class ManualSteps {

    /** One step: a sentence, and the command or line to copy (null when there is none). */
    public record Step(String text, String command) {
    }

    private ManualSteps() {
    }

    /** The steps for {@code plan}; {@code webRoot} is where Apache and static hosting serve files from (or null). */
    public static List<Step> forPlan(DelegationPlan plan, String webRoot, Locale locale) {
        Texts texts = new Texts("dev.signpost.core.deploy.messages", locale);
        WebServerKind kind = plan.webServer();
        ServerLayout layout = ServerLayout.defaults(kind, ServerLayout.Distribution.DEBIAN);
        String host = host(plan);
        String root = webRoot == null || webRoot.isBlank() ? GenerateOptions.DEFAULT_WEB_ROOT : webRoot.strip();
        List<Step> steps = new ArrayList<>();
        String snippetFile = ConfigGenerator.snippetPath(kind).orElse(null);
        switch (kind) {
            case NGINX, APACHE, CADDY -> {
                steps.add(new Step(texts.get("manual.copySnippet", snippetFile, layout.snippetPath()),
                        "sudo install -m 0644 -D " + RemoteFiles.name(snippetFile) + " " + layout.snippetPath()));
                String where = layout.configPath() != null ? layout.configPath() : layout.searchPaths().get(0);
                steps.add(includeStep(kind, texts, host, where, layout.snippetPath()));
                ConfigGenerator.routesDropIn(plan, GenerateOptions.defaults(), locale).ifPresent(routes -> {
                    String remote = RemoteFiles.parent(layout.snippetPath()) + "/" + RemoteFiles.name(routes.path());
                    steps.add(new Step(texts.get("manual.copySnippet", routes.path(), remote),
                            "sudo install -m 0644 -D " + RemoteFiles.name(routes.path()) + " " + remote));
                    steps.add(includeStep(kind, texts, routes.clientHost(), where, remote));
                });
                if (kind == WebServerKind.APACHE) {
                    addDocuments(plan, root, texts, steps);
                }
            }
            case HAPROXY -> steps.add(new Step(texts.get("manual.haproxy", snippetFile, host, layout.configPath()),
                    null));
            case STATIC -> {
                addDocuments(plan, root, texts, steps);
                steps.add(new Step(texts.get("manual.copy", ".well-known/matrix/.htaccess", root),
                        "install -m 0644 -D .well-known/matrix/.htaccess " + root + "/.well-known/matrix/.htaccess"));
            }
            case HOMESERVER -> steps.add(new Step(texts.get("manual.homeserver"), null));
        }
        if (layout.testCommand() != null) {
            steps.add(new Step(texts.get("manual.test"), "sudo " + layout.testCommand()));
        }
        if (layout.reloadCommand() != null) {
            steps.add(new Step(texts.get("manual.reload"), "sudo " + layout.reloadCommand()));
        }
        steps.add(new Step(texts.get("manual.verify", host), null));
        return List.copyOf(steps);
    }

    private static Step includeStep(WebServerKind kind, Texts texts, String host, String where, String snippet) {
        return switch (kind) {
            case NGINX -> new Step(texts.get("manual.include.nginx", host, where), "include " + snippet + ";");
            case APACHE -> new Step(texts.get("manual.include.apache", host, where), "Include " + snippet);
            default -> new Step(texts.get("manual.include.caddy", host, where), "import " + snippet);
        };
    }

    private static void addDocuments(DelegationPlan plan, String root, Texts texts, List<Step> steps) {
        for (var document : WellKnownGenerator.documents(plan)) {
            String path = document.relativePath();
            steps.add(new Step(texts.get("manual.copy", path, root),
                    "sudo install -m 0644 -D " + path + " " + root + "/" + path));
        }
    }

    private static String host(DelegationPlan plan) {
        try {
            return ServerName.parse(plan.serverName(), Locale.ROOT).host();
        } catch (InvalidServerNameException e) {
            return plan.serverName();
        }
    }
}
