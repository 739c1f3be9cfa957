package dev.signpost.core.discovery;

import dev.signpost.core.generate.WellKnownSnippets;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.report.CheckGroups;
import dev.signpost.core.report.HtmlReport;
import dev.signpost.core.report.MarkdownReport;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.report.TextReport;
import dev.signpost.testkit.AdviceWorlds;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static dev.signpost.testkit.AdviceWorlds.HOMESERVER;
import static dev.signpost.testkit.AdviceWorlds.NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice a user reads, on the shapes self-hosters really meet: one root cause with one fix in their own names,
 * the checks it kept from running shown as not reached under it, and the user's own network told apart from the
 * domain.
 */
class AdviceTest {

    @Test
    void withNoDnsServerReachableTheReportSaysSoOnceAndBlamesNothingOfTheDomain() throws IOException {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            NetOptions unreachable = new NetOptions(new InetSocketAddress("127.0.0.1", AdviceWorlds.closedUdpPort()),
                    w.netOptions().caFiles(), java.util.Map.of(), Duration.ofSeconds(1), "Signpost-test");
            Report r = DiscoveryEngine.create(unreachable, Locale.ENGLISH).check(NAME);

            Check network = check(r, "local.network");
            assertThat(network.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(network.summary()).contains("could not reach any DNS server").contains("is this computer online?");
            assertThat(r.checks().get(0).id()).isEqualTo("local.network");
            assertThat(r.hasFailure()).isTrue();
            // Nothing else is a failure of its own, and no fix blames the DNS provider or the domain.
            for (Check c : r.checks()) {
                if (c != network && c.status() != Status.PASS) {
                    assertThat(c.blockedBy()).as(c.id()).isEqualTo("local.network");
                    assertThat(c.fix()).as(c.id()).isNull();
                }
            }
            assertThat(r.checks()).extracting(Check::fix).filteredOn(f -> f != null)
                    .noneMatch(f -> f.contains("DNS provider"));
            assertThat(CheckGroups.of(r.checks())).filteredOn(g -> !g.notReached().isEmpty()).hasSize(1);
        }
    }

    @Test
    void aDnsServerSilentOnlyAboutThisDomainIsTheDomainsProblemNotTheComputers() {
        try (TestWorld w = new TestWorld()) {
            for (String name : List.of(NAME, "_matrix-fed._tcp." + NAME, "_matrix._tcp." + NAME)) {
                w.dns().drop(name);
            }
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check(NAME);
            assertThat(r.check("local.network")).as(describe(r)).isEmpty();
            assertThat(status(r, "federation.srv")).isEqualTo(Status.FAIL);
            assertThat(w.dns().queries()).anyMatch(q -> q.contains("arpa"));
        }
    }

    @Test
    void everyConnectionRefusedOnSeveralAddressesIsThisComputersNetwork() {
        try (TestWorld w = AdviceWorlds.everyConnectionRefused()) {
            Report r = EngineTestSupport.check(w, NAME);
            Check network = check(r, "local.network");
            assertThat(network.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(network.summary()).contains("127.0.0.2").contains("127.0.0.3").contains("Is this computer online");
            assertThat(check(r, "federation.tls").blockedBy()).isEqualTo("local.network");
            assertThat(check(r, "client.well-known").blockedBy()).isEqualTo("local.network");
        }
    }

    @Test
    void oneServerRefusingIsThatServersProblemNotTheNetwork() {
        try (TestWorld w = AdviceWorlds.mServerWithoutPort()) {
            Report r = EngineTestSupport.check(w, NAME);
            assertThat(r.check("local.network")).as(describe(r)).isEmpty();
        }
    }

    @Test
    void noDelegationYetWithTheHomeserversCertificateSaysDelegateToIt() {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            Report r = EngineTestSupport.check(w, NAME);
            Check tls = check(r, "federation.tls");
            assertThat(tls.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(tls.summary()).contains(NAME + ":8448").contains("certificate for " + HOMESERVER)
                    .contains("does not delegate");
            assertThat(tls.fix()).startsWith("Delegate " + NAME + " to " + HOMESERVER)
                    .contains("https://" + NAME + "/.well-known/matrix/server")
                    .contains("{\"m.server\": \"" + HOMESERVER + ":8448\"}")
                    .doesNotContain("certificate that includes");
            // Version and keys behind the failed TLS hop: not reached, grouped under it, one fix.
            for (String id : List.of("federation.version", "federation.keys")) {
                assertThat(status(r, id)).as(id).isEqualTo(Status.SKIP);
                assertThat(check(r, id).blockedBy()).as(id).isEqualTo("federation.tls");
                assertThat(check(r, id).fix()).as(id).isNull();
                assertThat(check(r, id).summary()).as(id).contains(NAME + ":8448");
            }
            CheckGroups.Group group = CheckGroups.of(r.checks()).stream()
                    .filter(g -> g.check().id().equals("federation.tls")).findFirst().orElseThrow();
            assertThat(group.notReached()).extracting(Check::id)
                    .containsExactly("federation.version", "federation.keys");
            assertThat(r.check("local.network")).isEmpty();
            assertThat(r.hasFailure()).isTrue();
        }
    }

    @Test
    void everyRendererShowsNotReachedUnderTheRootCause() throws Exception {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            Report r = EngineTestSupport.check(w, NAME);
            String text = new TextReport(Locale.ENGLISH, false).render(r);
            int tlsLine = text.indexOf("[FAIL] federation.tls");
            assertThat(tlsLine).as(text).isPositive();
            String afterTls = text.substring(tlsLine);
            assertThat(afterTls).contains("↳ not reached (federation.version):")
                    .contains("↳ not reached (federation.keys):");
            assertThat(text).doesNotContain("[skip] federation.version").contains("2 not reached.");
            assertThat(MarkdownReport.write(r, Locale.ENGLISH))
                    .contains("Not reached because of this: federation.version, federation.keys")
                    .contains("↳ Not reached");
            assertThat(HtmlReport.write(r, Locale.ENGLISH))
                    .contains("Not reached because of this: federation.version, federation.keys")
                    .contains("class=\"st-skip not-reached\"");
            String json = ReportJson.write(r);
            assertThat(json).contains("\"blocked_by\" : \"federation.tls\"");
            Report back = ReportJson.read(json, Locale.ENGLISH);
            assertThat(back.check("federation.keys").orElseThrow().blockedBy()).isEqualTo("federation.tls");
            String german = new TextReport(Locale.GERMAN, false).render(r);
            assertThat(german).contains("nicht erreicht (federation.version):");
        }
    }

    @Test
    void missingCorsAndTheDefaultTypeNameTheSnippetSignpostGenerates() {
        try (TestWorld w = AdviceWorlds.wellKnownWithoutSnippet()) {
            Report r = EngineTestSupport.check(w, NAME);
            String snippet = WellKnownSnippets.fileNameFor(WebServerKind.NGINX).orElseThrow();
            assertThat(snippet).isEqualTo("signpost-wellknown.conf");
            Check cors = check(r, "client.cors");
            assertThat(cors.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(cors.fix()).startsWith("Install " + snippet)
                    .contains("signpost generate --server-name " + NAME + " --web-server nginx")
                    .contains("reload nginx");
            Check type = check(r, "client.content-type");
            assertThat(type.status()).isEqualTo(Status.WARN);
            assertThat(type.summary()).contains("application/octet-stream").contains("default");
            assertThat(type.fix()).contains("nginx sends the file as application/octet-stream").contains(snippet);
        }
    }

    @Test
    void mServerWithoutAPortWhile8448IsClosedSaysWhichPortToWrite() {
        try (TestWorld w = AdviceWorlds.mServerWithoutPort()) {
            Report r = EngineTestSupport.check(w, NAME);
            Check tls = check(r, "federation.tls");
            assertThat(tls.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(tls.fix()).contains("names " + HOMESERVER + " without a port")
                    .contains("{\"m.server\": \"" + HOMESERVER + ":443\"}")
                    .contains("--delegate " + HOMESERVER + ":443");
            assertThat(check(r, "federation.version").blockedBy()).isEqualTo("federation.tls");
        }
    }

    @Test
    void aTargetWithoutAddressNamesWhatWasNotCheckedOnceEach() {
        try (TestWorld w = new TestWorld()) {
            w.serve(NAME, 443);
            w.https().route(NAME, "/.well-known/matrix/server",
                    dev.signpost.testkit.Response.json("{\"m.server\":\"" + HOMESERVER + ":8448\"}"));
            Report r = EngineTestSupport.check(w, NAME);
            assertThat(status(r, "federation.dns")).as(describe(r)).isEqualTo(Status.FAIL);
            List<Check> underDns = r.checks().stream().filter(c -> "federation.dns".equals(c.blockedBy())).toList();
            assertThat(underDns).extracting(Check::id)
                    .containsExactly("federation.tls", "federation.version", "federation.keys");
            assertThat(underDns).extracting(Check::summary).doesNotHaveDuplicates()
                    .allMatch(s -> s.contains(HOMESERVER + " has no address"));
            assertThat(underDns.get(0).summary()).contains("TLS");
            assertThat(underDns.get(1).summary()).contains("federation version");
            assertThat(underDns.get(2).summary()).contains("server keys");
        }
    }
}
