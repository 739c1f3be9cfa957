package dev.signpost.core.report;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonProperties {

    @Property(tries = 300)
    void readingWhatWasWrittenGivesAnEqualReport(@ForAll("reports") Report report) throws Exception {
        String json = ReportJson.write(report);
        assertThat(ReportJson.read(json)).isEqualTo(report);
        assertThat(ReportJson.write(ReportJson.read(json))).isEqualTo(json);
    }

    @Property(tries = 1000)
    void anyTextIsAReportOrRefusedWithASentence(@ForAll("jsonish") String text) {
        try {
            ReportJson.read(text, Locale.ENGLISH);
        } catch (ReportFormatException e) {
            assertThat(e.getMessage()).startsWith("not a Signpost report: ").hasSizeGreaterThan(25);
        }
    }

    @Property(tries = 300)
    void corruptedReportsAreReportsOrRefusedWithASentence(@ForAll("reports") Report report,
                                                           @ForAll("positions") int position,
                                                           @ForAll("garbage") String garbage) {
        String json = ReportJson.write(report);
        int at = Math.min(position, json.length());
        String corrupted = json.substring(0, at) + garbage + json.substring(Math.min(json.length(), at + 3));
        try {
            ReportJson.read(corrupted, Locale.GERMAN);
        } catch (ReportFormatException e) {
            assertThat(e.getMessage()).startsWith("kein Signpost-Bericht: ");
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 4000);
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.-etruanl ").ofMaxLength(4);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.-server_namechks ").ofMaxLength(60)
                .map(s -> Arbitraries.of("", "{\"server_name\":\"a\",\"checks\":[").sample() + s);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(12);
    }

    private static Arbitrary<String> nullableText() {
        return text().injectNull(0.2);
    }

    private static Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 100_000).map(Duration::ofMillis),
                Arbitraries.longs().map(Duration::ofNanos),
                Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(Duration::ofSeconds))
                .injectNull(0.2);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-10_000_000_000L, 100_000_000_000L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)))
                .injectNull(0.1);
    }

    private static Arbitrary<Integer> nullableInt() {
        return Arbitraries.integers().injectNull(0.3);
    }

    private static Arbitrary<Evidence> evidence() {
        Arbitrary<Evidence> http = Combinators.combine(
                Combinators.combine(nullableText(), nullableText(), nullableText(), Arbitraries.integers(),
                        nullableText(), nullableText(), nullableInt(), nullableText()).as(java.util.Arrays::asList),
                Arbitraries.lazy(() -> Combinators.combine(nullableText(), nullableText())
                        .as(Evidence.Header::new)).list().ofMaxSize(3),
                nullableText(), Arbitraries.of(true, false), durations(), nullableText())
                .as((head, headers, body, truncated, elapsed, error) -> new Evidence.Http(
                        (String) head.get(0), (String) head.get(1), (String) head.get(2), (Integer) head.get(3),
                        (String) head.get(4), (String) head.get(5), (Integer) head.get(6), (String) head.get(7),
                        headers, body, truncated, elapsed, error));
        Arbitrary<Evidence> dns = Combinators.combine(nullableText(), nullableText(), nullableText(), nullableText(),
                Combinators.combine(nullableText(), nullableText(), Arbitraries.longs(), nullableText())
                        .as(Evidence.DnsRecord::new).list().ofMaxSize(3), durations())
                .as(Evidence.Dns::new);
        Arbitrary<Evidence> certificates = Combinators.combine(
                Combinators.combine(nullableText(), text().list().ofMaxSize(3), nullableText(), instants(),
                        instants(), nullableText(), Arbitraries.of(true, false)).as(Evidence.CertificateInfo::new)
                        .list().ofMaxSize(3), nullableText(), nullableText())
                .as(Evidence.Certificates::new);
        Arbitrary<Evidence> note = Combinators.combine(nullableText(), nullableText()).as(Evidence.Note::new);
        return Arbitraries.oneOf(http, dns, certificates, note);
    }

    private static Arbitrary<FederationResult> federation() {
        Arbitrary<WellKnownResult> wellKnown = Combinators.combine(nullableText(), nullableInt(), nullableText(),
                nullableText()).as(WellKnownResult::new).injectNull(0.3);
        Arbitrary<SrvEntry> srv = Combinators.combine(text(), nullableText(), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.longs()).as(SrvEntry::new);
        Arbitrary<ServerVersion> version = Combinators.combine(nullableText(), nullableText())
                .as(ServerVersion::new).injectNull(0.3);
        Arbitrary<ConnectionResult> connection = Combinators.combine(text(), Arbitraries.integers(),
                Arbitraries.of(true, false), nullableText(), version).as(ConnectionResult::new);
        return Combinators.combine(Arbitraries.of(FederationMethod.class).injectNull(0.2), wellKnown,
                srv.list().ofMaxSize(3), nullableText(), nullableInt(), nullableText(), nullableText(),
                text().list().ofMaxSize(3))
                .as((method, wk, records, host, port, hostHeader, tls, addresses) -> List.of(
                        method == null ? "" : method, wk == null ? "" : wk, records, host == null ? "" : host,
                        port == null ? "" : port, hostHeader == null ? "" : hostHeader, tls == null ? "" : tls,
                        addresses))
                .flatMap(parts -> connection.list().ofMaxSize(3).map(connections -> new FederationResult(
                        parts.get(0) instanceof FederationMethod m ? m : null,
                        parts.get(1) instanceof WellKnownResult w ? w : null,
                        castList(parts.get(2)),
                        parts.get(3) instanceof String s && !s.isEmpty() ? s : null,
                        parts.get(4) instanceof Integer i ? i : null,
                        parts.get(5) instanceof String s && !s.isEmpty() ? s : null,
                        parts.get(6) instanceof String s && !s.isEmpty() ? s : null,
                        castList(parts.get(7)),
                        connections)))
                .injectNull(0.1);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object list) {
        return (List<T>) list;
    }

    private static Arbitrary<Hop> hops() {
        return Combinators.combine(
                Combinators.combine(text(), Arbitraries.of(Lane.class).injectNull(0.1),
                        Arbitraries.of(HopKind.class).injectNull(0.1), nullableText(), nullableText(),
                        Arbitraries.of(Status.class).injectNull(0.1), nullableText(), Arbitraries.of(true, false))
                        .as(java.util.Arrays::asList),
                nullableText(), evidence().list().ofMaxSize(2), durations())
                .as((head, detail, evidence, elapsed) -> new Hop((String) head.get(0), (Lane) head.get(1),
                        (HopKind) head.get(2), (String) head.get(3), (String) head.get(4), (Status) head.get(5),
                        (String) head.get(6), (Boolean) head.get(7), detail, evidence, elapsed));
    }

    private static Arbitrary<Check> checks() {
        return Combinators.combine(text(), Arbitraries.of(Status.class).injectNull(0.1), nullableText(),
                nullableText(), text().list().ofMaxSize(3), evidence().list().ofMaxSize(2)).as(Check::new);
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<ClientResult> client = Combinators.combine(Arbitraries.of(ClientState.class).injectNull(0.1),
                nullableText(), nullableInt(), nullableText(), nullableText()).as(ClientResult::new).injectNull(0.1);
        return Combinators.combine(text(), nullableText(), instants(), durations(), nullableText(), federation(),
                client, hops().list().ofMaxSize(4))
                .as((name, ascii, at, elapsed, version, federation, c, hops) -> List.of(name,
                        ascii == null ? "" : ascii, at == null ? "" : at, elapsed == null ? "" : elapsed,
                        version == null ? "" : version, federation == null ? "" : federation, c == null ? "" : c,
                        hops))
                .flatMap(parts -> checks().list().ofMaxSize(4).map(checks -> new Report(
                        (String) parts.get(0),
                        parts.get(1) instanceof String s && !s.isEmpty() ? s : null,
                        parts.get(2) instanceof Instant i ? i : null,
                        parts.get(3) instanceof Duration d ? d : null,
                        parts.get(4) instanceof String s && !s.isEmpty() ? s : null,
                        parts.get(5) instanceof FederationResult f ? f : null,
                        parts.get(6) instanceof ClientResult r ? r : null,
                        castList(parts.get(7)),
                        checks)))
                .flatMap(report -> apps().list().ofMaxSize(4).map(report::withApps))
                .flatMap(report -> networks().map(report::withNetwork));
    }

    /** Any network a report may record, the system's one (written as nothing) included. */
    private static Arbitrary<CheckNetwork> networks() {
        Arbitrary<CheckNetwork.CaFile> files = Combinators.combine(text(), Combinators.combine(nullableText(),
                nullableText()).as(CheckNetwork.CaCertificate::new).list().ofMaxSize(2)).as(CheckNetwork.CaFile::new);
        Arbitrary<CheckNetwork.ResolveOverride> overrides = Combinators.combine(text(), text())
                .as(CheckNetwork.ResolveOverride::new);
        return Combinators.combine(nullableText(), files.list().ofMaxSize(2), overrides.list().ofMaxSize(3))
                .as(CheckNetwork::new);
    }

    private static Arbitrary<AppVerdict> apps() {
        return Combinators.combine(text(), Arbitraries.of(Status.class).injectNull(0.1), nullableText(),
                text().list().ofMaxSize(3)).as(AppVerdict::new);
    }
}
