package dev.signpost.core.generate;

import dev.signpost.core.matrix.ClientWellKnown;
import dev.signpost.core.matrix.ClientWellKnownParser;
import dev.signpost.core.matrix.ServerWellKnown;
import dev.signpost.core.matrix.ServerWellKnownParser;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestCa;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid plans: every generated config is accepted by the real server's own config test, and the
 * well-known files read back, through Signpost's own spec parsers, as exactly what was planned.
 * Config tests spawn a process each, so those properties run few tries.
 */
class GeneratedConfigProperties {

    private static TestCa ca;
    private static Path certificates;
    private static ServerIdentity.PemFiles pem;

    @BeforeContainer
    static void makeCertificates() throws IOException {
        ca = new TestCa("properties");
        certificates = Files.createTempDirectory("signpost-properties");
        pem = ca.leaf("example.com").writePem(certificates);
    }

    @AfterContainer
    static void removeCertificates() throws IOException {
        ca.close();
        try (Stream<Path> walk = Files.walk(certificates)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Provide
    Arbitrary<DelegationPlan> nginxPlans() {
        return PlanArbitraries.plans(WebServerKind.NGINX);
    }

    @Provide
    Arbitrary<DelegationPlan> caddyPlans() {
        return PlanArbitraries.plans(WebServerKind.CADDY);
    }

    @Provide
    Arbitrary<DelegationPlan> apachePlans() {
        return PlanArbitraries.plans(WebServerKind.APACHE);
    }

    @Provide
    Arbitrary<DelegationPlan> haproxyPlans() {
        return PlanArbitraries.plans(WebServerKind.HAPROXY);
    }

    @Property(tries = 20)
    @AddLifecycleHook(NeedsServer.Check.class)
    @NeedsServer(RealServer.Nginx.class)
    void nginxAcceptsEveryValidPlan(@ForAll("nginxPlans") DelegationPlan plan) throws Exception {
        acceptedBy(new RealServer.Nginx(), plan);
    }

    @Property(tries = 20)
    @AddLifecycleHook(NeedsServer.Check.class)
    @NeedsServer(RealServer.Caddy.class)
    void caddyAcceptsEveryValidPlan(@ForAll("caddyPlans") DelegationPlan plan) throws Exception {
        acceptedBy(new RealServer.Caddy(), plan);
    }

    @Property(tries = 20)
    @AddLifecycleHook(NeedsServer.Check.class)
    @NeedsServer(RealServer.Apache.class)
    void apacheAcceptsEveryValidPlan(@ForAll("apachePlans") DelegationPlan plan) throws Exception {
        acceptedBy(new RealServer.Apache(), plan);
    }

    @Property(tries = 20)
    @AddLifecycleHook(NeedsServer.Check.class)
    @NeedsServer(RealServer.Haproxy.class)
    void haproxyAcceptsEveryValidPlan(@ForAll("haproxyPlans") DelegationPlan plan) throws Exception {
        acceptedBy(new RealServer.Haproxy(), plan);
    }

    @Property(tries = 300)
    void wellKnownsReadBackAsPlanned(@ForAll("nginxPlans") DelegationPlan plan) throws Exception {
        assertThat(PlanValidator.validate(plan, Locale.ENGLISH)).noneMatch(PlanProblem::isError);
        DelegationPlan normalized = PlanValidator.normalize(plan, Locale.ENGLISH);
        List<WellKnownDocument> documents = WellKnownGenerator.documents(normalized);
        for (WellKnownDocument document : documents) {
            byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
            assertThat(body.length).isLessThan(ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
            if (document.name().equals("server")) {
                ServerWellKnown server = ServerWellKnownParser.parse(body, Locale.ENGLISH);
                assertThat(server.error()).isNull();
                assertThat(server.mServer().host()).isEqualTo(normalized.federationHost());
                assertThat(server.mServer().port()).isEqualTo(normalized.federationPort());
            }
            if (document.name().equals("client")) {
                ClientWellKnown client = ClientWellKnownParser.parse(body, Locale.ENGLISH);
                assertThat(client.state()).as(client.problems().toString()).isEqualTo(ClientState.SUCCESS);
                assertThat(client.baseUrl() + "/").startsWith(normalized.clientBaseUrl().replaceAll("/$", ""));
            }
        }
        assertThat(documents.stream().anyMatch(d -> d.name().equals("server")))
                .isEqualTo(plan.federationMode() == FederationMode.WELL_KNOWN);
    }

    private static void acceptedBy(RealServer server, DelegationPlan plan) throws Exception {
        // NeedsServer skipped the property if the program were missing; a missing one here is a failure.
        assertThat(server.executable()).as(server.binary + " on the PATH").isNotNull();
        Path work = Files.createTempDirectory("signpost-prop-" + server.binary);
        try {
            GenerateOptions options = new GenerateOptions("127.0.0.1", 443, 0, pem.fullchain().toString(),
                    pem.key().toString(), pem.combined().toString(), work.resolve("www").toString());
            Path out = work.resolve("out");
            for (GeneratedFile file : new ConfigGenerator(Locale.ENGLISH).generate(plan, options)) {
                RealServer.write(out.resolve(file.path()), file.content());
            }
            Path config = server.mainConfig(work, out, 18080);
            ServerProcess.Result result = ServerProcess.run(server.testCommand(config), server.environment(work),
                    work.resolve("config-test.log"), Duration.ofSeconds(30));
            assertThat(result.status()).as(server.binary + " rejected the config for " + PlanJsonText.of(plan)
                    + ":\n" + result.output()).isZero();
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The plan as JSON, to reproduce a failure. */
    private static final class PlanJsonText {
        static String of(DelegationPlan plan) {
            return dev.signpost.core.plan.PlanJson.write(plan);
        }
    }
}
