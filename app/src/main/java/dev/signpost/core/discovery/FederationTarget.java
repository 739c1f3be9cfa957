package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.SrvEntry;

import java.util.List;

/**
 * Where the spec sends federation traffic, once decided.
 *
 * @param parentHop    the hop the target hangs from in the chain
 * @param rule         the spec rule that chose it, as a sentence
 * @param fromSrv      true when an SRV record named it
 * @param otherTargets further SRV targets, tried in order when this one has no address
 */
record FederationTarget(FederationMethod method, String connectHost, int port, String hostHeader, String tlsName,
                        String sni, String parentHop, String rule, boolean fromSrv, List<SrvEntry> otherTargets) {

    /** {@code host:port}, with brackets around an IPv6 literal. */
    String label() {
        return connectHost.indexOf(':') >= 0 ? "[" + connectHost + "]:" + port : connectHost + ":" + port;
    }

    /** The next SRV target in line, keeping what the spec decided about names. */
    FederationTarget next(SrvEntry entry, List<SrvEntry> rest) {
        return new FederationTarget(method, entry.target(), entry.port(), hostHeader, tlsName, sni, parentHop, rule,
                true, rest);
    }
}
