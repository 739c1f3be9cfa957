package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.testkit.OutsideWorlds;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dns.outside-view}: what this computer sees (here: {@code --resolve} entries, the hosts-file of the test kit,
 * so no system resolver is asked) against what a public resolver answers over DNS-over-HTTPS (the test kit's
 * resolver on loopback). The delegation uses an explicit port, so the check resolves its names without SRV.
 */
class OutsideViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static TestWorld delegation() {
        return OutsideWorlds.delegation();
    }

    /** The world's settings without its DNS server (a lab run never compares), asking {@code doh}. */
    private static NetOptions comparing(TestWorld world, List<String> resolvers) {
        NetOptions lab = world.netOptions(TIMEOUT);
        return new NetOptions(null, lab.caFiles(), lab.resolve(), TIMEOUT, lab.userAgent(),
                resolvers.stream().map(URI::create).toList());
    }

    private static Report run(NetOptions options) throws IOException {
        return DiscoveryEngine.create(options, Locale.ENGLISH).check("example.test");
    }

    private static String loopback(TestWorld world) {
        return world.https().address().getAddress().getHostAddress();
    }

    @Test
    void theSameAnswersPass() throws Exception {
        try (TestWorld world = delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            doh.zone().a("example.test", loopback(world)).a("matrix.example.test", loopback(world));
            Report report = run(comparing(world, List.of(doh.url())));
            Check outside = check(report, OutsideView.CHECK_ID);
            assertThat(outside.status()).as(describe(report)).isEqualTo(Status.PASS);
            assertThat(outside.summary()).contains("example.test", "matrix.example.test", "127.0.0.1");
            assertThat(doh.queries()).contains("example.test A", "example.test AAAA", "matrix.example.test A");
            assertThat(report.checks().stream().map(Check::id)).containsOnlyOnce(OutsideView.CHECK_ID);
        }
    }

    @Test
    void aSplitHorizonWarnsWithBothAnswersInTheUsersNames() throws Exception {
        try (TestWorld world = delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            doh.zone().a("example.test", "127.0.0.3").a("matrix.example.test", loopback(world));
            Report report = run(comparing(world, List.of(doh.url())));
            Check outside = check(report, OutsideView.CHECK_ID);
            assertThat(outside.status()).as(describe(report)).isEqualTo(Status.WARN);
            assertThat(outside.summary()).isEqualTo("Remote servers see 127.0.0.3 for example.test, this computer "
                    + "sees " + loopback(world) + " (from a resolve override).");
            assertThat(outside.fix()).contains("example.test").doesNotContain("matrix.example.test", "example.com");
            assertThat(outside.evidence()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Evidence.Dns.class,
                    dns -> {
                        assertThat(dns.server()).isEqualTo(doh.url());
                        assertThat(dns.records()).anySatisfy(r -> assertThat(r.data()).isEqualTo("127.0.0.3"));
                    }));
            assertThat(outside.evidence()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Evidence.Note.class,
                    note -> assertThat(note.label()).isEqualTo("matrix.example.test")));
        }
    }

    @Test
    void aNameOnlyThisComputerKnowsIsADifferenceToo() throws Exception {
        try (TestWorld world = delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            doh.zone().a("matrix.example.test", loopback(world));
            Check outside = check(run(comparing(world, List.of(doh.url()))), OutsideView.CHECK_ID);
            assertThat(outside.status()).isEqualTo(Status.WARN);
            assertThat(outside.summary()).startsWith("Remote servers see no address for example.test, this computer "
                    + "sees " + loopback(world));
        }
    }

    @Test
    void aBrokenResolverIsASkipWithItsReasonAndTheRunStaysBounded() throws Exception {
        List<String> without;
        try (TestWorld world = delegation()) {
            without = verdictsBesideOutside(run(comparing(world, List.of())));
        }
        for (TestDohServer.Mode mode : List.of(TestDohServer.Mode.ERROR_500, TestDohServer.Mode.GARBAGE,
                TestDohServer.Mode.HANG)) {
            try (TestWorld world = delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
                doh.mode(mode);
                Report report = run(comparing(world, List.of(doh.url())));
                Check outside = check(report, OutsideView.CHECK_ID);
                assertThat(outside.status()).as(mode + ": " + describe(report)).isEqualTo(Status.SKIP);
                assertThat(outside.summary()).as(mode.name()).startsWith("Not compared with public DNS: the public "
                        + "resolver " + doh.url()).contains(switch (mode) {
                            case ERROR_500 -> "500";
                            case GARBAGE -> "no usable DNS answer";
                            default -> "did not answer in time";
                        });
                // Never a failure of the domain: the other checks are what they are without the resolver.
                assertThat(verdictsBesideOutside(report)).as(mode.name()).isEqualTo(without);
                assertThat(report.elapsed()).as(mode.name()).isLessThan(TIMEOUT.multipliedBy(2));
            }
        }
    }

    private static List<String> verdictsBesideOutside(Report report) {
        return report.checks().stream().filter(c -> !c.id().equals(OutsideView.CHECK_ID))
                .map(c -> c.id() + "=" + c.status()).toList();
    }

    @Test
    void oneResolverDownAndOneAnsweringStillCompares() throws Exception {
        try (TestWorld world = delegation(); TestDohServer good = new TestDohServer(world.ca());
             TestDohServer bad = new TestDohServer(world.ca())) {
            good.zone().a("example.test", "127.0.0.3").a("matrix.example.test", loopback(world));
            bad.mode(TestDohServer.Mode.ERROR_500);
            Check outside = check(run(comparing(world, List.of(bad.url(), good.url()))), OutsideView.CHECK_ID);
            assertThat(outside.status()).isEqualTo(Status.WARN);
            assertThat(outside.evidence()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Evidence.Note.class,
                    note -> assertThat(note.label()).isEqualTo(bad.url())));
        }
    }

    @Test
    void resolversThatDisagreeAmongThemselvesAreNotHeldAgainstThisComputer() throws Exception {
        try (TestWorld world = delegation(); TestDohServer here = new TestDohServer(world.ca());
             TestDohServer there = new TestDohServer(world.ca())) {
            here.zone().a("example.test", "127.0.0.3").a("matrix.example.test", loopback(world));
            there.zone().a("example.test", "127.0.0.4").a("matrix.example.test", loopback(world));
            Check outside = check(run(comparing(world, List.of(here.url(), there.url()))), OutsideView.CHECK_ID);
            assertThat(outside.status()).isEqualTo(Status.PASS);
            assertThat(outside.evidence()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Evidence.Note.class,
                    note -> assertThat(note.text()).contains("127.0.0.3", "127.0.0.4", "CDN")));
        }
    }

    @Test
    void turnedOffAndLabRunsSkipWithoutAskingAnyone() throws Exception {
        try (TestWorld world = delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            Check off = check(run(comparing(world, List.of())), OutsideView.CHECK_ID);
            assertThat(off.status()).isEqualTo(Status.SKIP);
            assertThat(off.summary()).contains("turned off");
            Check lab = check(run(world.netOptions(TIMEOUT).withPublicDns(List.of(URI.create(doh.url())))),
                    OutsideView.CHECK_ID);
            assertThat(lab.status()).isEqualTo(Status.SKIP);
            assertThat(lab.summary()).contains("its own DNS server " + world.dns().hostPort(), "lab");
            assertThat(doh.requests()).isEmpty();
        }
    }

    @Test
    void anInvalidServerNameStillCarriesTheCheck() throws Exception {
        try (TestWorld world = new TestWorld()) {
            Report report = DiscoveryEngine.create(comparing(world, List.of("https://127.0.0.1:9/dns-query")),
                    Locale.ENGLISH).check("not a name");
            assertThat(check(report, OutsideView.CHECK_ID).status()).isEqualTo(Status.SKIP);
        }
    }
}
