package dev.signpost.ui.settings;

import java.util.List;

/**
 * The wizard's advanced network settings, the command line's {@code --dns}, {@code --ca-file} and {@code --resolve},
 * for checking a staging setup. Kept as typed; the core parses them. No secrets: CA files are public certificates.
 *
 * @param dnsServer an IP address with an optional port, or empty for the system's resolvers
 * @param caFiles   PEM files of extra trusted CAs
 * @param resolve   {@code HOST:PORT:ADDR} entries
 * @param noPublicDns true when checks do not compare this computer's DNS answers with public resolvers (the command
 *                  line's {@code --no-public-dns}); stored negated so that settings saved before it existed compare
 */
public record NetworkSettings(String dnsServer, List<String> caFiles, List<String> resolve, boolean noPublicDns) {

    public NetworkSettings {
        dnsServer = dnsServer == null ? "" : dnsServer.strip();
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        resolve = resolve == null ? List.of() : List.copyOf(resolve);
    }

    /** Settings that compare with public resolvers. */
    public NetworkSettings(String dnsServer, List<String> caFiles, List<String> resolve) {
        this(dnsServer, caFiles, resolve, false);
    }

    /** The system's resolvers and trust store, no overrides, compared with public resolvers. */
    public static NetworkSettings none() {
        return new NetworkSettings("", List.of(), List.of(), false);
    }

    /** True when nothing differs from the system's network. */
    public boolean usesSystemNetwork() {
        return dnsServer.isEmpty() && caFiles.isEmpty() && resolve.isEmpty() && !noPublicDns;
    }
}
