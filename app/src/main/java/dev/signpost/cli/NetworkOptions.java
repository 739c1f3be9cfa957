package dev.signpost.cli;

import dev.signpost.Version;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.net.DohClient;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.net.ResolveOverrides;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --dns}, {@code --ca-file}, {@code --resolve} and the public resolvers compared with: the network a check runs in (a staging DNS server, a
 * private CA, addresses pinned as curl pins them). Shared by {@code check} and {@code deploy}'s live check, so both
 * accept and explain them the same way. Descriptions: {@code dev/signpost/cli/help*.properties}.
 */
final class NetworkOptions {

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", descriptionKey = "network.dns")
    String dns;

    @Option(names = "--ca-file", paramLabel = "PEM", descriptionKey = "network.ca-file")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDR", descriptionKey = "network.resolve")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--public-dns", paramLabel = "URL", descriptionKey = "network.public-dns")
    List<String> publicDns = new ArrayList<>();

    @Option(names = "--no-public-dns", descriptionKey = "network.no-public-dns")
    boolean noPublicDns;

    /** The network options with {@code timeout} per operation; a bad value is one sentence to fix. */
    NetOptions netOptions(Duration timeout, Locale locale) throws UsageException {
        Texts texts = texts(locale);
        InetSocketAddress dnsServer = null;
        if (dns != null) {
            try {
                dnsServer = ResolveOverrides.parseTarget(dns, 53);
            } catch (IllegalArgumentException e) {
                throw new UsageException(texts.get("badDns", dns));
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String entry : resolve) {
            String[] parsed = ResolveOverrides.parseEntry(entry);
            if (parsed == null) {
                throw new UsageException(texts.get("badResolve", entry));
            }
            overrides.put(parsed[0], parsed[1]);
        }
        for (Path file : caFiles) {
            if (!Files.isReadable(file)) {
                throw new UsageException(texts.get("badCaFile", file));
            }
        }
        return new NetOptions(dnsServer, caFiles, overrides, timeout, Version.userAgent(), publicResolvers(texts));
    }

    /** The resolvers the check compares with: the defaults, those given, or none. */
    private List<URI> publicResolvers(Texts texts) throws UsageException {
        if (noPublicDns) {
            if (!publicDns.isEmpty()) {
                throw new UsageException(texts.get("publicDnsConflict"));
            }
            return List.of();
        }
        if (publicDns.isEmpty()) {
            return NetOptions.DEFAULT_PUBLIC_DNS;
        }
        List<URI> endpoints = new ArrayList<>();
        for (String url : publicDns) {
            try {
                endpoints.add(DohClient.endpoint(url));
            } catch (IllegalArgumentException e) {
                throw new UsageException(texts.get("badPublicDns", url));
            }
        }
        return endpoints;
    }

    /** The check engine for these options; a CA file that is no PEM certificate is a usage error too. */
    DiscoveryEngine engine(Duration timeout, Locale locale) throws UsageException {
        NetOptions options = netOptions(timeout, locale);
        try {
            return DiscoveryEngine.create(options, locale);
        } catch (IOException e) {
            throw new UsageException(texts(locale).get("badCaFileContent", e.getMessage()));
        }
    }

    private static Texts texts(Locale locale) {
        return new Texts("dev.signpost.cli.options", locale);
    }
}
