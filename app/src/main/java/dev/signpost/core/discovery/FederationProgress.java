package dev.signpost.core.discovery;

import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.WellKnownResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What the federation lane has found so far. The steps write to it as they go, so a run cut short by its deadline
 * still reports the part it reached.
 */
final class FederationProgress {

    private FederationMethod method;
    private WellKnownResult wellKnown;
    private final List<SrvEntry> srvSeen = new ArrayList<>();
    private FederationTarget target;
    private List<String> addresses = List.of();
    private final List<ConnectionResult> connections = new ArrayList<>();

    synchronized void wellKnown(WellKnownResult result) {
        wellKnown = result;
    }

    synchronized void srvSeen(List<SrvEntry> entries) {
        srvSeen.addAll(entries);
    }

    /** The target the spec chose; the method follows it. */
    synchronized void decided(FederationTarget chosen) {
        target = chosen;
        method = chosen.method();
    }

    /** A later SRV target replaced the first one, which had no address. */
    synchronized void movedTo(FederationTarget next) {
        target = next;
    }

    synchronized void addresses(List<String> found) {
        addresses = List.copyOf(found);
    }

    synchronized void connection(ConnectionResult result) {
        connections.add(result);
    }

    /**
     * No address means resolution did not finish: the JSON contract reports the method as null, while host and
     * port stay to show where it looked.
     */
    synchronized void unresolvedWithoutAddress() {
        if (addresses.isEmpty()) {
            method = null;
        }
    }

    synchronized FederationResult result() {
        FederationTarget t = target;
        return new FederationResult(method, wellKnown, new ArrayList<>(srvSeen),
                t == null ? null : t.connectHost(), t == null ? null : t.port(),
                t == null ? null : t.hostHeader(), t == null ? null : t.tlsName(), addresses,
                new ArrayList<>(connections));
    }
}
