package dev.signpost.core.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A known_hosts file read the way OpenSSH's {@code ssh} reads it: plain host patterns (with {@code *}, {@code ?}
 * and {@code !}), hashed {@code |1|} names, {@code [host]:port} for ports other than 22 (never falling back to the
 * same host on port 22), and the {@code @revoked} and {@code @cert-authority} markers. JSch's own parser ignores the
 * markers and falls back across ports, which turns a certificate authority or another port's key into a "changed"
 * key.
 */
final class KnownHostsFile {

    /** One usable line. {@code number} is the 1-based line number, as OpenSSH names an offending line. */
    record Entry(Marker marker, String keyType, byte[] key, int number) {
    }

    enum Marker { NONE, REVOKED, CERT_AUTHORITY }

    /** How a presented key relates to the file. */
    enum Status { KNOWN, CHANGED, REVOKED, UNKNOWN }

    /**
     * @param status       the verdict
     * @param line         the line that decided it (the known key's line for CHANGED), or 0
     * @param hasAuthority true when a {@code @cert-authority} line names this host
     */
    record Lookup(Status status, int line, boolean hasAuthority) {
    }

    private static final String HASH_MAGIC = "|1|";

    private final List<String[]> lines;

    private KnownHostsFile(List<String[]> lines) {
        this.lines = lines;
    }

    /** Reads {@code file}; a missing file knows no hosts. */
    static KnownHostsFile read(Path file) throws IOException {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = List.of();
        }
        List<String[]> parsed = new ArrayList<>();
        for (String line : text) {
            parsed.add(line.strip().split("[ \t]+"));
        }
        return new KnownHostsFile(parsed);
    }

    /** The name OpenSSH looks up: the lower-case host, as {@code [host]:port} unless the port is 22. */
    static String lookupName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 || port <= 0 ? h : "[" + h + "]:" + port;
    }

    /** Every usable line whose host field matches {@code name} (a {@link #lookupName}). */
    List<Entry> entriesFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<Entry> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i);
            if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) {
                continue;
            }
            int at = 0;
            Marker marker = Marker.NONE;
            if (f[0].startsWith("@")) {
                marker = switch (f[0]) {
                    case "@revoked" -> Marker.REVOKED;
                    case "@cert-authority" -> Marker.CERT_AUTHORITY;
                    default -> null;
                };
                at = 1;
            }
            if (marker == null || f.length < at + 3 || !hostMatches(f[at], lower)) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(f[at + 2]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            found.add(new Entry(marker, f[at + 1], key, i + 1));
        }
        return found;
    }

    /** Decides about {@code key} (an SSH public key blob) presented by {@code name}, as OpenSSH would. */
    Lookup check(String name, byte[] key) {
        String type = Fingerprints.keyType(key);
        List<Entry> entries = entriesFor(name);
        boolean authority = false;
        int changedLine = 0;
        Entry known = null;
        for (Entry e : entries) {
            if (e.marker() == Marker.REVOKED && Arrays.equals(e.key(), key)) {
                return new Lookup(Status.REVOKED, e.number(), false);
            }
            if (e.marker() == Marker.CERT_AUTHORITY) {
                authority = true;
            } else if (e.marker() == Marker.NONE && e.keyType().equals(type)) {
                if (Arrays.equals(e.key(), key)) {
                    known = known == null ? e : known;
                } else if (changedLine == 0) {
                    changedLine = e.number();
                }
            }
        }
        if (known != null) {
            return new Lookup(Status.KNOWN, known.number(), authority);
        }
        if (changedLine != 0) {
            return new Lookup(Status.CHANGED, changedLine, authority);
        }
        return new Lookup(Status.UNKNOWN, 0, authority);
    }

    /** The key types this host is known by (plain lines only), in file order: what to ask the server for first. */
    Set<String> knownTypes(String name) {
        Set<String> types = new LinkedHashSet<>();
        for (Entry e : entriesFor(name)) {
            if (e.marker() == Marker.NONE) {
                types.add(e.keyType());
            }
        }
        return types;
    }

    private static boolean hostMatches(String field, String name) {
        if (field.startsWith(HASH_MAGIC)) {
            return hashedMatches(field, name);
        }
        boolean matched = false;
        for (String pattern : field.split(",")) {
            boolean negated = pattern.startsWith("!");
            String p = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
            if (wildcard(p, 0, name, 0)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** {@code |1|salt|hash}: HMAC-SHA1 of the name keyed with the salt, both base64. */
    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.substring(HASH_MAGIC.length()).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** OpenSSH's glob: {@code *} any run, {@code ?} one character. */
    private static boolean wildcard(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (wildcard(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
