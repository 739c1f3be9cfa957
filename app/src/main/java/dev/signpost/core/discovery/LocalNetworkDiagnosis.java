package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.DnsAnswer;
import dev.signpost.core.net.HttpResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells a problem on the user's side apart from a problem of the domain. When no DNS question got any answer, or
 * no connection got past TCP to any of several addresses, every other failure is a consequence: the report then
 * leads with one check, {@value #CHECK_ID}, with one fix, and the checks it kept from running are not reached
 * under it instead of each blaming the domain.
 *
 * <p>Judged from the evidence the report already carries, so what the user reads and what was decided agree, plus
 * one question about a zone every resolver knows ({@link RunContext#dnsQuery}): a resolver that times out on one
 * dead domain while it works for everything else is the domain's problem.
 */
final class LocalNetworkDiagnosis {

    static final String CHECK_ID = "local.network";

    private static final Set<String> NO_ANSWER = Set.of(DnsAnswer.TIMEOUT, DnsAnswer.ERROR);
    private static final String CONNECT = " during " + HttpResponse.Phase.CONNECT.name().toLowerCase(Locale.ROOT);

    private LocalNetworkDiagnosis() {
    }

    /** The checks, led by the local-network check and with the rest under it when the network is the cause. */
    static List<Check> apply(RunContext ctx, List<Hop> hops, List<Check> checks) {
        List<Evidence> evidence = Stream.concat(hops.stream().flatMap(h -> h.evidence().stream()),
                checks.stream().flatMap(c -> c.evidence().stream())).toList();
        List<Evidence.Dns> dns = evidence.stream().filter(Evidence.Dns.class::isInstance)
                .map(Evidence.Dns.class::cast).toList();
        List<Evidence.Http> http = evidence.stream().filter(Evidence.Http.class::isInstance)
                .map(Evidence.Http.class::cast).toList();
        Check cause = null;
        if (!dns.isEmpty() && dns.stream().allMatch(d -> NO_ANSWER.contains(d.rcode())) && !ctx.dnsServerAnswers()) {
            String servers = String.join(", ", dns.stream().map(Evidence.Dns::server)
                    .filter(s -> s != null && !s.isBlank()).collect(java.util.stream.Collectors
                            .toCollection(LinkedHashSet::new)));
            cause = new Check(CHECK_ID, Status.FAIL, ctx.t("check.offline.dns", servers),
                    ctx.t("fix.offline.dns", servers), List.of(), List.copyOf(dns.subList(0, Math.min(2, dns.size()))));
        } else if (!http.isEmpty() && http.stream().allMatch(LocalNetworkDiagnosis::stoppedAtConnect)) {
            Set<String> addresses = new LinkedHashSet<>();
            http.forEach(h -> addresses.add(h.connectedAddress()));
            boolean noRoute = http.stream().anyMatch(h -> h.error().startsWith(
                    HttpResponse.Failure.UNREACHABLE.name().toLowerCase(Locale.ROOT) + CONNECT));
            // One address refusing is that server's problem; several different ones all refusing is the path.
            if (addresses.size() >= 2 || noRoute) {
                String list = String.join(", ", addresses);
                cause = new Check(CHECK_ID, Status.FAIL, ctx.t("check.offline.connect", addresses.size(), list),
                        ctx.t("fix.offline.connect", list), List.of(), List.copyOf(http.subList(0, Math.min(2, http.size()))));
            }
        }
        if (cause == null) {
            return checks;
        }
        List<Check> result = new ArrayList<>();
        result.add(cause);
        for (Check check : checks) {
            result.add(check.status() == Status.PASS ? check : check.notReachedBecause(CHECK_ID, check.summary()));
        }
        return result;
    }

    private static boolean stoppedAtConnect(Evidence.Http h) {
        if (h.error() == null) {
            return false;
        }
        for (HttpResponse.Failure f : List.of(HttpResponse.Failure.REFUSED, HttpResponse.Failure.TIMEOUT,
                HttpResponse.Failure.UNREACHABLE)) {
            if (h.error().startsWith(f.name().toLowerCase(Locale.ROOT) + CONNECT)) {
                return true;
            }
        }
        return false;
    }
}
