package dev.signpost.core.model;

/**
 * The federation endpoint as reached through one address.
 *
 * @param address the IP address connected to (IPv6 without brackets)
 * @param port    the port connected to
 * @param tlsOk   whether TCP and TLS (trust, name, dates) succeeded
 * @param error   what went wrong on this address, or null
 * @param version the federation version answer, or null
 */
public record ConnectionResult(String address, int port, boolean tlsOk, String error, ServerVersion version) {
}
