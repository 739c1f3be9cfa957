package dev.signpost.core.model;

import java.util.List;

/**
 * The network a check ran in, as the engine used it: the DNS server asked, the extra CA certificates trusted and
 * the addresses pinned for {@code host:port}. Recorded in every report so a reader knows when the verdict came
 * from a staging view of the world rather than the one every other server sees.
 *
 * @param dnsServer the DNS server every query went to ({@code 127.0.0.1:5353}, IPv6 in brackets), or null for the
 *                  system's resolvers
 * @param caFiles   the extra CA files, in the order given, with the certificates each added
 * @param resolve   the resolve overrides, ordered by {@code host:port}
 */
public record CheckNetwork(String dnsServer, List<CaFile> caFiles, List<ResolveOverride> resolve) {

    /** The system's resolvers and trust store, nothing pinned: what a check uses unless told otherwise. */
    public static final CheckNetwork SYSTEM = new CheckNetwork(null, List.of(), List.of());

    public CheckNetwork {
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        resolve = resolve == null ? List.of() : List.copyOf(resolve);
    }

    /** True when nothing differs from the system's network. */
    public boolean isSystem() {
        return dnsServer == null && caFiles.isEmpty() && resolve.isEmpty();
    }

    /**
     * True when the check looked up or reached the server differently from the rest of the world (a private DNS
     * server or a pinned address), so remote servers may come to another verdict. Extra CAs alone do not: they
     * only change which certificates this computer trusts, and the verdict on them says so itself.
     */
    public boolean mayDifferFromOutside() {
        return dnsServer != null || !resolve.isEmpty();
    }

    /** How many CA certificates the extra files added. */
    public int extraCaCount() {
        return caFiles.stream().mapToInt(f -> f.certificates().size()).sum();
    }

    /**
     * One extra CA file.
     *
     * @param path         the path as the user gave it
     * @param certificates the certificates read from it
     */
    public record CaFile(String path, List<CaCertificate> certificates) {
        public CaFile {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /**
     * One trusted certificate from an extra CA file.
     *
     * @param subject the subject's distinguished name (RFC 2253)
     * @param sha256  the SHA-256 fingerprint of the DER encoding, upper-case hex pairs joined by colons
     */
    public record CaCertificate(String subject, String sha256) {
    }

    /**
     * One resolve override: connections to {@code hostPort} went to {@code address} instead.
     *
     * @param hostPort {@code name:port} (IPv6 in brackets)
     * @param address  the address connected to, with its port when it differs
     */
    public record ResolveOverride(String hostPort, String address) {
    }
}
