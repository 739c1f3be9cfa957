package dev.signpost.core.discovery;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.HostSyntax;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.core.net.HttpTarget;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GETs a URL the way the engine's clients do: the host's addresses resolved (and overridden), each address tried
 * until one answers, the certificate judged for the URL's host, and 30x redirects followed up to a limit with loop
 * detection. Every request is kept as evidence.
 */
final class Fetcher {

    /** Go's Matrix libraries stop at 10 redirects; Synapse allows more. The stricter bound is the safe one. */
    static final int SERVER_REDIRECTS = 10;

    /** Browsers and Node's fetch (Element Web, js-sdk) follow 20 redirects; the client files are theirs. */
    static final int CLIENT_REDIRECTS = 20;

    /** Why a fetch did not give a usable response. */
    enum Problem {
        NONE,
        DNS_FAILED,
        NO_ADDRESS,
        NETWORK,
        CERTIFICATE,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        INSECURE_REDIRECT,
        BAD_REDIRECT
    }

    /** One request on the way. */
    record Step(URI url, HttpResponse response, CertificateVerdict verdict) {
    }

    /**
     * @param requested the first URL
     * @param steps     every request that got as far as an address, in order
     * @param problem   why the result is not usable, or NONE
     * @param detail    the technical detail of the problem (host, redirect target), or null
     * @param evidence  DNS answers, HTTP exchanges and certificates, in order
     * @param redirectLimit how many redirects this fetch would follow
     */
    record Result(URI requested, List<Step> steps, Problem problem, String detail, List<Evidence> evidence,
                  int redirectLimit) {

        Step last() {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1);
        }

        HttpResponse response() {
            Step last = last();
            return last == null ? null : last.response();
        }

        /** The final status code, or null. */
        Integer status() {
            HttpResponse r = response();
            return r == null || !r.responded() ? null : r.statusCode();
        }

        boolean usable() {
            return problem == Problem.NONE;
        }

        /** Responses that were redirects, in order. */
        List<HttpResponse> redirects() {
            return steps.stream().map(Step::response).filter(r -> r.responded() && isRedirect(r.statusCode()))
                    .toList();
        }

        URI finalUrl() {
            Step last = last();
            return last == null ? requested : last.url();
        }
    }

    private final RunContext ctx;
    private final AddressResolver resolver;
    private final int maxRedirects;
    private final HttpsClient http;

    /** A fetcher for the federation side: {@link #SERVER_REDIRECTS}. */
    Fetcher(RunContext ctx) {
        this(ctx, SERVER_REDIRECTS);
    }

    Fetcher(RunContext ctx, int maxRedirects) {
        this(ctx, maxRedirects, ctx.http);
    }

    /** @param http the client to send with (its User-Agent) */
    Fetcher(RunContext ctx, int maxRedirects, HttpsClient http) {
        this.ctx = ctx;
        this.resolver = new AddressResolver(ctx);
        this.maxRedirects = maxRedirects;
        this.http = http;
    }

    Result fetch(URI url, int bodyCap) {
        String unusable = HostSyntax.problem(url.getHost(), ctx.locale);
        if (unusable != null) {
            // Every first URL was checked where it was read (server name, base_url); reaching here is a fault.
            throw new IllegalArgumentException("unchecked host in " + url + ": " + unusable);
        }
        List<Step> steps = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            visited.add(normalize(current));
            Result single = once(url, current, bodyCap, steps, evidence);
            if (single != null) {
                return single;
            }
            HttpResponse response = steps.get(steps.size() - 1).response();
            if (!isRedirect(response.statusCode())) {
                return new Result(url, steps, Problem.NONE, null, evidence, maxRedirects);
            }
            String location = response.header("Location").orElse("");
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence, maxRedirects);
            }
            if (location.isBlank() || next.getHost() == null) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence, maxRedirects);
            }
            String badHost = HostSyntax.problem(next.getHost(), ctx.locale);
            if (badHost != null) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location + " (" + badHost + ")", evidence,
                        maxRedirects);
            }
            String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
            if ("http".equals(scheme) && "https".equalsIgnoreCase(current.getScheme())) {
                return new Result(url, steps, Problem.INSECURE_REDIRECT, next.toString(), evidence, maxRedirects);
            }
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence, maxRedirects);
            }
            if (visited.contains(normalize(next))) {
                return new Result(url, steps, Problem.REDIRECT_LOOP, next.toString(), evidence, maxRedirects);
            }
            if (redirects + 1 > maxRedirects) {
                return new Result(url, steps, Problem.TOO_MANY_REDIRECTS, next.toString(), evidence, maxRedirects);
            }
            current = next;
        }
    }

    /** One request (trying each address); returns a final Result on failure, or null when a response arrived. */
    private Result once(URI first, URI url, int bodyCap, List<Step> steps, List<Evidence> evidence) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        String host = url.getHost();
        String bareHost = AddressResolver.unbracket(host).toLowerCase(Locale.ROOT);
        int defaultPort = tls ? 443 : 80;
        int port = url.getPort() > 0 ? url.getPort() : defaultPort;
        AddressResolver.Addresses addresses = resolver.resolve(bareHost, port);
        evidence.addAll(addresses.evidence());
        if (addresses.ways().isEmpty()) {
            if (addresses.lookupFailed()) {
                return new Result(first, steps, Problem.DNS_FAILED, bareHost + " (A: " + addresses.a().rcode()
                        + ", AAAA: " + addresses.aaaa().rcode() + ")", evidence, maxRedirects);
            }
            return new Result(first, steps, Problem.NO_ADDRESS, bareHost, evidence, maxRedirects);
        }
        String hostHeader = url.getPort() > 0 && url.getPort() != defaultPort ? host + ":" + port : host;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String sni = AddressResolver.isIpLiteral(bareHost) ? null : bareHost;
        HttpResponse response = null;
        for (AddressResolver.Way way : addresses.ways()) {
            HttpTarget target = new HttpTarget(tls, way.connect(), sni, hostHeader, path);
            response = http.get(target, bodyCap, ctx.cancel, ctx.deadline);
            evidence.add(response.evidence(url.toString()));
            CertificateVerdict verdict = null;
            if (tls && !response.peerChain().isEmpty()) {
                verdict = ctx.certificates.validate(response.peerChain(), bareHost, Instant.now(),
                        response.tlsVersion(), response.cipherSuite());
                evidence.add(verdict.evidence());
            }
            steps.add(new Step(url, response, verdict));
            boolean connectFailed = !response.responded() && response.failedPhase() == HttpResponse.Phase.CONNECT;
            if (!connectFailed) {
                if (verdict != null && !verdict.ok()) {
                    return new Result(first, steps, Problem.CERTIFICATE, bareHost, evidence, maxRedirects);
                }
                return response.responded() ? null
                        : new Result(first, steps, Problem.NETWORK, bareHost, evidence, maxRedirects);
            }
        }
        return new Result(first, steps, Problem.NETWORK, bareHost, evidence, maxRedirects);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String normalize(URI uri) {
        return uri.normalize().toString().toLowerCase(Locale.ROOT);
    }
}
