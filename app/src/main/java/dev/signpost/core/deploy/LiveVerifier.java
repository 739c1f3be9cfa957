package dev.signpost.core.deploy;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * After an upload, checks the live server exactly as Matrix servers and clients would, and compares what they
 * find with the plan: the one step the wizard and the command line run once the files are in place.
 */
public final class LiveVerifier {

    private final Discovery discovery;
    private final Texts texts;

    public LiveVerifier(Discovery discovery, Locale locale) {
        this.discovery = discovery;
        this.texts = new Texts("dev.signpost.core.deploy.messages", locale);
    }

    /** Runs a check of the plan's server name (blocking, at most {@code timeout}) and compares it with the plan. */
    public LiveCheckResult verify(DelegationPlan plan, ReportListener listener, Duration timeout,
                                  Cancellation cancellation) {
        CheckRun run = discovery.start(plan.serverName(), listener == null ? ReportListener.NONE : listener);
        try (AutoCloseable ignored = cancellation.onCancel(run::cancel)) {
            return compare(plan, run.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            run.cancel();
            return new LiveCheckResult(null, List.of(), texts.get("live.timeout", timeout.toSeconds()));
        } catch (CancellationException e) {
            return new LiveCheckResult(null, List.of(), texts.get("cancelled"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
            return new LiveCheckResult(null, List.of(), texts.get("cancelled"));
        } catch (ExecutionException e) {
            return new LiveCheckResult(null, List.of(), texts.get("live.failed", String.valueOf(e.getCause())));
        } catch (Exception e) {
            return new LiveCheckResult(null, List.of(), texts.get("live.failed", e.toString()));
        }
    }

    /** Compares a finished report with the plan; pure, so it is tested without a network. */
    public LiveCheckResult compare(DelegationPlan plan, Report report) {
        List<String> differences = new ArrayList<>();
        if (plan.federationMode() == FederationMode.WELL_KNOWN) {
            String expected = authority(plan.federationHost(), plan.federationPort());
            FederationResult federation = report.federation();
            WellKnownResult wellKnown = federation == null ? null : federation.wellKnown();
            String served = wellKnown == null ? null : wellKnown.mServer();
            if (served == null) {
                differences.add(texts.get("live.server.missing", report.serverName(), expected,
                        wellKnown == null || wellKnown.error() == null ? "-" : wellKnown.error()));
            } else if (!sameAuthority(served, expected)) {
                differences.add(texts.get("live.server.differs", served, expected));
            }
        }
        if (plan.clientBaseUrl() != null) {
            ClientResult client = report.client();
            String served = client == null ? null : client.baseUrl();
            if (served == null) {
                differences.add(texts.get("live.client.missing", report.serverName(), plan.clientBaseUrl()));
            } else if (!stripSlash(served).equalsIgnoreCase(stripSlash(plan.clientBaseUrl()))) {
                differences.add(texts.get("live.client.differs", served, plan.clientBaseUrl()));
            }
        }
        if (report.hasFailure()) {
            differences.add(texts.get("live.failures"));
        }
        return new LiveCheckResult(report, differences, null);
    }

    private static String authority(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + (port == 0 ? DelegationPlan.DEFAULT_FEDERATION_PORT : port);
    }

    /** {@code example.org} and {@code example.org:8448} name the same place for servers. */
    private static boolean sameAuthority(String served, String expected) {
        String s = served.strip().toLowerCase(Locale.ROOT);
        String e = expected.toLowerCase(Locale.ROOT);
        if (s.equals(e)) {
            return true;
        }
        return !s.endsWith("]") && s.lastIndexOf(':') < 0 && (s + ":" + DelegationPlan.DEFAULT_FEDERATION_PORT).equals(e);
    }

    private static String stripSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
