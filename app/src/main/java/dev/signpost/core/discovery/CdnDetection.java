package dev.signpost.core.discovery;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.HttpResponse;

import java.util.Locale;
import java.util.Optional;

/**
 * Names a CDN or proxy service in front of a web server from what its answer gives away: its own headers
 * ({@code CF-Ray}, {@code X-Amz-Cf-Id}, {@code Server: cloudflare}…) or the issuer of its certificate. Such
 * services forward HTTPS on 443 (Cloudflare also on a few other ports such as 8443) but not port 8448.
 */
final class CdnDetection {

    /**
     * @param name the service, e.g. "Cloudflare"
     * @param sign what gave it away, e.g. "CF-Ray header"
     */
    record Cdn(String name, String sign) {
    }

    private CdnDetection() {
    }

    static Optional<Cdn> of(HttpResponse response, CertificateVerdict verdict) {
        if (response != null && response.responded()) {
            Optional<Cdn> byHeader = byHeaders(response);
            if (byHeader.isPresent()) {
                return byHeader;
            }
        }
        if (verdict != null && verdict.evidence() != null && !verdict.evidence().chain().isEmpty()) {
            Evidence.CertificateInfo leaf = verdict.evidence().chain().get(0);
            String issuer = String.valueOf(leaf.issuer()).toLowerCase(Locale.ROOT);
            if (issuer.contains("cloudflare")) {
                return Optional.of(new Cdn("Cloudflare", "certificate issuer"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Cdn> byHeaders(HttpResponse r) {
        String server = r.header("Server").orElse("").toLowerCase(Locale.ROOT);
        String via = r.header("Via").orElse("").toLowerCase(Locale.ROOT);
        if (r.header("CF-Ray").isPresent()) {
            return Optional.of(new Cdn("Cloudflare", "CF-Ray header"));
        }
        if (server.startsWith("cloudflare")) {
            return Optional.of(new Cdn("Cloudflare", "Server: cloudflare"));
        }
        if (r.header("X-Amz-Cf-Id").isPresent() || via.contains("cloudfront")) {
            return Optional.of(new Cdn("Amazon CloudFront", "X-Amz-Cf-Id / Via header"));
        }
        if (r.header("X-Fastly-Request-ID").isPresent() || r.header("Fastly-Debug-Digest").isPresent()) {
            return Optional.of(new Cdn("Fastly", "X-Fastly-Request-ID header"));
        }
        if (server.startsWith("akamaighost") || server.startsWith("akamainetstorage")) {
            return Optional.of(new Cdn("Akamai", "Server: " + server));
        }
        if (server.startsWith("bunnycdn")) {
            return Optional.of(new Cdn("Bunny CDN", "Server: " + server));
        }
        if (r.header("X-Azure-Ref").isPresent()) {
            return Optional.of(new Cdn("Azure Front Door", "X-Azure-Ref header"));
        }
        if (r.header("X-Sucuri-ID").isPresent()) {
            return Optional.of(new Cdn("Sucuri", "X-Sucuri-ID header"));
        }
        return Optional.empty();
    }
}
