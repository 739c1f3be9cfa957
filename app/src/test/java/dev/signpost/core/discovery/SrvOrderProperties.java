package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.TestWorld;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;

import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine asks {@code _matrix-fed._tcp} and {@code _matrix._tcp} at once, to save a round trip. Over generated
 * DNS worlds (each name absent, without SRV data, failing, "not available" or with up to three records), the
 * verdict must be exactly the one the spec's sequential order gives: the legacy answer counts only when
 * {@code _matrix-fed} does not exist, a failed {@code _matrix-fed} lookup never falls back, and the chosen target
 * is the lowest priority, highest weight of the answer that counts.
 */
class SrvOrderProperties {

    private static final String NAME = "example.com";
    private static final List<String> TARGETS = List.of("t1.example.com", "t2.example.com", "t3.example.com");
    private static final List<Integer> PORTS = List.of(8448, 8449);

    private static TestWorld world;
    private static int closed;

    /** What DNS has under one SRV name. */
    enum Kind { NXDOMAIN, NODATA, SERVFAIL, DOT, RECORDS }

    record Srv(int priority, int weight, int port, String target) {
    }

    record Side(Kind kind, List<Srv> records) {
    }

    /** The outcome the spec's sequential order gives. */
    record Expected(FederationMethod method, String host, int port, Status srvCheck, boolean legacyConsulted) {
    }

    @BeforeContainer
    static void start() {
        world = new TestWorld();
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void stop() {
        world.close();
    }

    @Property(tries = 100)
    void theVerdictIsTheSequentialOnes(@ForAll("sides") Side fed, @ForAll("sides") Side legacy) {
        world.dns().clear();
        world.dns().a(NAME, "203.0.113.1");
        for (int i = 0; i < TARGETS.size(); i++) {
            world.dns().a(TARGETS.get(i), "203.0.113." + (10 + i));
        }
        publish("_matrix-fed._tcp." + NAME, fed);
        publish("_matrix._tcp." + NAME, legacy);
        // Nothing listens behind the addresses: only the resolution is judged here, and it must not wait for TLS.
        world.resolve(NAME, 443, "127.0.0.1:" + closed);
        for (int i = 0; i < TARGETS.size(); i++) {
            for (int port : PORTS) {
                world.resolve("203.0.113." + (10 + i), port, "127.0.0.1:" + closed);
            }
        }
        world.resolve("203.0.113.1", 8448, "127.0.0.1:" + closed);

        Report r = EngineTestSupport.check(world, NAME);
        Expected expected = sequential(fed, legacy);
        assertThat(r.federation().method()).as(describe(r)).isEqualTo(expected.method());
        assertThat(EngineTestSupport.status(r, "federation.srv")).as(describe(r)).isEqualTo(expected.srvCheck());
        if (expected.method() != null) {
            assertThat(r.federation().host()).isEqualTo(expected.host());
            assertThat(r.federation().port()).isEqualTo(expected.port());
        }
        boolean legacyTaken = r.hop("fed.srv.matrix").map(Hop::taken).orElse(false);
        assertThat(legacyTaken).as(describe(r)).isEqualTo(expected.legacyConsulted());
    }

    /** The spec, step by step: ask _matrix-fed; only when it does not exist, ask _matrix; else the default port. */
    static Expected sequential(Side fed, Side legacy) {
        Expected first = decide(fed, FederationMethod.SRV_MATRIX_FED, Status.PASS, false);
        if (first != null) {
            return first;
        }
        Expected second = decide(legacy, FederationMethod.SRV_MATRIX, Status.WARN, true);
        if (second != null) {
            return second;
        }
        return new Expected(FederationMethod.DEFAULT_PORT, NAME, 8448, Status.PASS, true);
    }

    private static Expected decide(Side side, FederationMethod via, Status found, boolean legacy) {
        return switch (side.kind()) {
            case NXDOMAIN, NODATA -> null;
            case SERVFAIL, DOT -> new Expected(null, null, 0, Status.FAIL, legacy);
            case RECORDS -> {
                Srv chosen = side.records().stream().min(Comparator.comparingInt(Srv::priority)
                        .thenComparing(Srv::weight, Comparator.reverseOrder())).orElseThrow();
                yield new Expected(via, chosen.target(), chosen.port(), found, legacy);
            }
        };
    }

    private static void publish(String name, Side side) {
        switch (side.kind()) {
            case NXDOMAIN -> { }
            // The name exists with other data: NOERROR without SRV records.
            case NODATA -> world.dns().a(name, "203.0.113.99");
            case SERVFAIL -> world.dns().servfail(name);
            case DOT -> world.dns().srv(name, 0, 0, 0, ".");
            case RECORDS -> side.records().forEach(s -> world.dns().srv(name, s.priority(), s.weight(), s.port(),
                    s.target()));
        }
    }

    @Provide
    Arbitrary<Side> sides() {
        Arbitrary<Srv> record = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3), Arbitraries.of(PORTS), Arbitraries.of(TARGETS))
                .as(Srv::new);
        // Distinct (priority, weight) pairs: a tie is a weighted-random choice in RFC 2782, not part of the order.
        Arbitrary<List<Srv>> records = record.list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(s -> s.priority() * 10 + s.weight());
        return Arbitraries.of(Kind.class).flatMap(kind -> kind == Kind.RECORDS
                ? records.map(list -> new Side(kind, list))
                : Arbitraries.just(new Side(kind, List.of())));
    }
}
