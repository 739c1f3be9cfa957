package dev.signpost.core.discovery;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.HostSyntax;
import dev.signpost.core.net.HttpResponse;
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
 * until one answers, the certificate judged for the URL's host, and 30x redirects followed up to
 * {@link #MAX_REDIRECTS} with loop detection. Every request is kept as evidence.
 */
final class Fetcher {

    /** Go's Matrix libraries stop at 10 redirects; Synapse allows more. The stricter bound is the safe one. */
    static final int MAX_REDIRECTS = 10;

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
     */
    record Result(URI requested, List<Step> steps, Problem problem, String detail, List<Evidence> evidence) {

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

    Fetcher(RunContext ctx) {
        this.ctx = ctx;
        this.resolver = new AddressResolver(ctx);
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
                return new Result(url, steps, Problem.NONE, null, evidence);
            }
            String location = response.header("Location").orElse("");
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence);
            }
            if (location.isBlank() || next.getHost() == null) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence);
            }
            String badHost = HostSyntax.problem(next.getHost(), ctx.locale);
            if (badHost != null) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location + " (" + badHost + ")", evidence);
            }
            String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
            if ("http".equals(scheme) && "https".equalsIgnoreCase(current.getScheme())) {
                return new Result(url, steps, Problem.INSECURE_REDIRECT, next.toString(), evidence);
            }
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                return new Result(url, steps, Problem.BAD_REDIRECT, location, evidence);
            }
            if (visited.contains(normalize(next))) {
                return new Result(url, steps, Problem.REDIRECT_LOOP, next.toString(), evidence);
            }
            if (redirects + 1 > MAX_REDIRECTS) {
                return new Result(url, steps, Problem.TOO_MANY_REDIRECTS, next.toString(), evidence);
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
                        + ", AAAA: " + addresses.aaaa().rcode() + ")", evidence);
            }
            return new Result(first, steps, Problem.NO_ADDRESS, bareHost, evidence);
        }
        String hostHeader = url.getPort() > 0 && url.getPort() != defaultPort ? host + ":" + port : host;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String sni = AddressResolver.isIpLiteral(bareHost) ? null : bareHost;
        HttpResponse response = null;
        for (AddressResolver.Way way : addresses.ways()) {
            HttpTarget target = new HttpTarget(tls, way.connect(), sni, hostHeader, path);
            response = ctx.http.get(target, bodyCap, ctx.cancel, ctx.deadline);
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
                    return new Result(first, steps, Problem.CERTIFICATE, bareHost, evidence);
                }
                return response.responded() ? null : new Result(first, steps, Problem.NETWORK, bareHost, evidence);
            }
        }
        return new Result(first, steps, Problem.NETWORK, bareHost, evidence);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String normalize(URI uri) {
        return uri.normalize().toString().toLowerCase(Locale.ROOT);
    }
}
