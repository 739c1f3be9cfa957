package dev.signpost.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one check found, immutable. The chain diagram, the CLI text, JSON, Markdown and HTML are all
 * renderings of this one model.
 *
 * @param serverName      the server name as the user gave it
 * @param asciiServerName the same name with internationalised labels in punycode (what DNS is asked)
 * @param checkedAt       when the check started
 * @param elapsed         how long it took
 * @param signpostVersion the version of Signpost that made the report
 * @param federation      the federation outcome
 * @param client          the client discovery outcome
 * @param hops            both lanes' hops, in the order they were started
 * @param checks          all verdicts, in a stable order
 * @param apps            which Matrix apps will work, one verdict per app (empty in reports made before apps
 *                        were judged)
 * @param network         the network the check ran in ({@link CheckNetwork#SYSTEM} unless told otherwise, and in
 *                        reports made before it was recorded)
 */
public record Report(
        String serverName,
        String asciiServerName,
        Instant checkedAt,
        Duration elapsed,
        String signpostVersion,
        FederationResult federation,
        ClientResult client,
        List<Hop> hops,
        List<Check> checks,
        List<AppVerdict> apps,
        CheckNetwork network) {

    public Report {
        hops = List.copyOf(hops);
        checks = List.copyOf(checks);
        apps = apps == null ? List.of() : List.copyOf(apps);
        network = network == null ? CheckNetwork.SYSTEM : network;
    }

    /** A report made on the system's network. */
    public Report(String serverName, String asciiServerName, Instant checkedAt, Duration elapsed,
                  String signpostVersion, FederationResult federation, ClientResult client, List<Hop> hops,
                  List<Check> checks, List<AppVerdict> apps) {
        this(serverName, asciiServerName, checkedAt, elapsed, signpostVersion, federation, client, hops, checks,
                apps, CheckNetwork.SYSTEM);
    }

    /** A report without app verdicts. */
    public Report(String serverName, String asciiServerName, Instant checkedAt, Duration elapsed,
                  String signpostVersion, FederationResult federation, ClientResult client, List<Hop> hops,
                  List<Check> checks) {
        this(serverName, asciiServerName, checkedAt, elapsed, signpostVersion, federation, client, hops, checks,
                List.of());
    }

    /** A copy with these app verdicts. */
    public Report withApps(List<AppVerdict> verdicts) {
        return new Report(serverName, asciiServerName, checkedAt, elapsed, signpostVersion, federation, client,
                hops, checks, verdicts, network);
    }

    /** A copy recording that the check ran in this network. */
    public Report withNetwork(CheckNetwork used) {
        return new Report(serverName, asciiServerName, checkedAt, elapsed, signpostVersion, federation, client,
                hops, checks, apps, used);
    }

    /** The check with this id, if present. */
    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The hop with this id, if present. */
    public Optional<Hop> hop(String id) {
        return hops.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The hops of one lane, in order. */
    public List<Hop> hops(Lane lane) {
        return hops.stream().filter(h -> h.lane() == lane).toList();
    }

    /** True when any check failed (the CLI's exit status 1). */
    public boolean hasFailure() {
        return checks.stream().anyMatch(c -> c.status() == Status.FAIL);
    }

    /** How many checks ended how. */
    public CheckCounts counts() {
        return CheckCounts.of(checks);
    }

    /** The worst status over all checks (a check read from a file without a status counts for nothing). */
    public Status overall() {
        return checks.stream().map(Check::status).filter(Objects::nonNull).reduce(Status.SKIP, Status::worst);
    }
}
