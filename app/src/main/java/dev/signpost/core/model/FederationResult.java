package dev.signpost.core.model;

import java.util.List;

/**
 * Where other homeservers send federation traffic for a server name.
 *
 * @param method        the resolution row that decided, or null when resolution failed
 * @param wellKnown     the server well-known fetch, or null when it was not consulted (IP literal, explicit port)
 * @param srv           SRV records that were answered (possibly from a lookup whose result was not used)
 * @param host          the name whose addresses were used (the SRV target when SRV decided), or null
 * @param port          the port connected to, or null
 * @param hostHeader    the Host header sent to the homeserver, or null
 * @param tlsServerName the name the certificate must match (an IP for IP literals), or null
 * @param addresses     every address of {@code host}, IPv4 first
 * @param connections   one result per address
 */
public record FederationResult(
        FederationMethod method,
        WellKnownResult wellKnown,
        List<SrvEntry> srv,
        String host,
        Integer port,
        String hostHeader,
        String tlsServerName,
        List<String> addresses,
        List<ConnectionResult> connections) {

    public FederationResult {
        srv = List.copyOf(srv);
        addresses = List.copyOf(addresses);
        connections = List.copyOf(connections);
    }
}
