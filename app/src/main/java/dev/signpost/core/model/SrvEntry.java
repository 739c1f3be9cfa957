package dev.signpost.core.model;

/** One SRV record as answered, e.g. {@code _matrix-fed._tcp.example.com → matrix.example.com:8448}. */
public record SrvEntry(String name, String target, int port, int priority, int weight, long ttl) {
}
