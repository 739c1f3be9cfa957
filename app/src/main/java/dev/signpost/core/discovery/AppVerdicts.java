package dev.signpost.core.discovery;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Status;
import dev.signpost.core.text.Texts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Which apps will work": one verdict per app, made from the checks each app depends on. The dependencies are
 * what the apps actually do (CLIENTS.md): Element Web runs in a browser (CORS matters), Element X needs sliding
 * sync but no CORS, Element Call needs the call service and a federation-reachable homeserver (the LiveKit JWT
 * service checks users over federation), and other servers need the federation checks.
 */
public final class AppVerdicts {

    /** The apps judged, in the order they are shown, with the checks each rests on (most basic first). */
    public static final Map<String, List<String>> APPS = orderedApps();

    /** Checks whose warning needs other words than their failure. */
    static final List<String> WARN_REASONS = List.of("client.well-known", "client.auth", "client.rtc",
            "client.media", "client.sliding-sync", "federation.tls", "federation.media");

    private AppVerdicts() {
    }

    private static Map<String, List<String>> orderedApps() {
        java.util.LinkedHashMap<String, List<String>> apps = new java.util.LinkedHashMap<>();
        apps.put("element-web", List.of("client.well-known", "client.versions", "client.cors", "client.auth",
                "client.media"));
        apps.put("element-x", List.of("client.well-known", "client.versions", "client.sliding-sync", "client.auth",
                "client.media"));
        apps.put("element-call", List.of("client.rtc", "client.well-known", "client.versions", "federation.version"));
        apps.put("federation", List.of("federation.server-name", "federation.well-known", "federation.srv",
                "federation.tls", "federation.version", "federation.keys", "federation.media"));
        return java.util.Collections.unmodifiableMap(apps);
    }

    /** The verdicts for a report's checks, in {@code locale}. */
    public static List<AppVerdict> of(List<Check> checks, Locale locale) {
        return of(checks, Map.of(), locale);
    }

    /**
     * @param blocking apps that cannot work at all because of a check that is only a warning overall (Element X
     *                 without sliding sync): app id → check id
     */
    static List<AppVerdict> of(List<Check> checks, Map<String, String> blocking, Locale locale) {
        Texts texts = new Texts(AppsProbe.BUNDLE, locale);
        Map<String, Check> byId = checks.stream().collect(Collectors.toMap(Check::id, Function.identity(),
                (a, b) -> a));
        return APPS.entrySet().stream().map(app -> verdict(app.getKey(), app.getValue(), byId,
                blocking.get(app.getKey()), texts)).toList();
    }

    private static AppVerdict verdict(String id, List<String> wanted, Map<String, Check> byId, String blocker,
                                      Texts texts) {
        List<String> present = wanted.stream().filter(byId::containsKey).toList();
        String app = texts.get("app.name." + id);
        if ("element-call".equals(id) && byId.containsKey("client.rtc")
                && byId.get("client.rtc").status() == Status.SKIP) {
            return new AppVerdict(id, Status.SKIP, texts.get("app.skip.element-call", app), present);
        }
        // An app's outcome on a check is its implementation's where that differs from the spec (Check#statusFor):
        // the rule is written once, where the check is made.
        String implementation = "federation".equals(id) ? ImplementationVerdict.SYNAPSE : id;
        Function<String, Status> statusOf = c -> byId.get(c).statusFor(implementation);
        Status worst = present.stream().map(statusOf).filter(s -> s != null)
                .reduce(Status.SKIP, Status::worst);
        if (worst == Status.RUNNING) {
            worst = Status.FAIL;
        }
        Optional<String> culprit;
        if (worst != Status.FAIL && blocker != null && byId.containsKey(blocker)
                && byId.get(blocker).status() == Status.WARN) {
            worst = Status.FAIL;
            culprit = Optional.of(blocker);
        } else {
            Status found = worst;
            culprit = present.stream().filter(c -> statusOf.apply(c) == found).findFirst();
        }
        Status status = worst;
        boolean escalated = culprit.isPresent() && byId.get(culprit.get()).status() != status;
        Optional<String> ownWords = culprit.flatMap(c -> byId.get(c).implementations().stream()
                .filter(v -> v.id().equals(implementation)).map(ImplementationVerdict::summary).findFirst());
        String why = ownWords.isPresent() ? ownWords.get()
                : escalated ? texts.get("reason." + culprit.get()) : reason(culprit, byId, texts);
        String summary = switch (status) {
            case PASS -> texts.get("app.pass", app);
            case WARN -> texts.get("app.warn", app, why);
            case FAIL, RUNNING -> texts.get("app.fail." + id, app, why);
            case SKIP -> texts.get("app.skip", app);
        };
        return new AppVerdict(id, status, summary, present);
    }

    /** The reason in a few words; a warning may have its own, milder wording ({@code reason.<id>.warn}). */
    private static String reason(Optional<String> checkId, Map<String, Check> byId, Texts texts) {
        return checkId.map(id -> {
            String warnKey = "reason." + id + ".warn";
            return byId.get(id).status() == Status.WARN && WARN_REASONS.contains(id) ? texts.get(warnKey)
                    : texts.get("reason." + id);
        }).orElse("");
    }
}
