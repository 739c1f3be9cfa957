package dev.signpost.core.discovery;

import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.net.CertificateVerdict;

import java.util.List;

/**
 * What one address of the federation target gave.
 *
 * @param verdict        the certificate verdict, or null when no handshake got that far
 * @param keysServerName the server name the keys answer claimed, or null when it was not read
 * @param nothingListens true when the TCP connection itself was refused or timed out: no service on that port
 */
record AddressOutcome(ConnectionResult connection, boolean ipv6, String ip, CertificateVerdict verdict,
                      String tlsProblem, String versionProblem, String keysProblem, List<String> keysWarnings,
                      String keysServerName, boolean nothingListens) {
}
