package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.ServerWellKnownParser;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * Split brain: every address of the server name should give the same server well-known. A missing IPv6 virtual
 * host is the usual cause of one address answering 404 while the other delegates.
 */
final class WellKnownConsistencyProbe {

    private static final String PATH = "/.well-known/matrix/server";

    private final RunContext ctx;
    private final ServerName name;
    private final AddressResolver resolver;

    WellKnownConsistencyProbe(RunContext ctx, ServerName name) {
        this.ctx = ctx;
        this.name = name;
        this.resolver = new AddressResolver(ctx);
    }

    /** Asks every address (a bounded number at once); publishes a verdict only when there are at least two. */
    void run() {
        AddressResolver.Addresses found = resolver.resolve(name.host(), 443);
        if (found.ways().size() < 2) {
            return;
        }
        List<HttpResponse> answers = BoundedFanOut.map(ctx, found.ways(), way -> ctx.http.get(
                new HttpTarget(true, way.connect(), name.host(), name.host(), PATH),
                ServerWellKnownParser.MAX_WELL_KNOWN_BYTES, ctx.cancel, ctx.deadline));
        List<String> seen = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse response = answers.get(i);
            evidence.add(response.evidence("https://" + name.hostForUrl() + PATH));
            String answer = !response.responded() ? response.failure().name()
                    : response.statusCode() + " " + (Fetcher.isRedirect(response.statusCode())
                    ? response.header("Location").orElse("") : response.bodyText().strip());
            seen.add(found.ways().get(i).ip() + " → " + (answer.length() > 80 ? answer.substring(0, 80) + "…" : answer));
        }
        boolean same = seen.stream().map(x -> x.substring(x.indexOf(" → "))).distinct().count() == 1;
        if (same) {
            ctx.check("federation.well-known-consistency", Status.PASS, ctx.t("check.wkConsistency.pass",
                    found.ways().size()), null, List.of(FederationHops.WELL_KNOWN), evidence);
        } else {
            ctx.check("federation.well-known-consistency", Status.FAIL, ctx.t("check.wkConsistency.fail",
                    String.join("; ", seen)), ctx.t("fix.wkConsistency"), List.of(FederationHops.WELL_KNOWN),
                    evidence);
        }
    }
}
