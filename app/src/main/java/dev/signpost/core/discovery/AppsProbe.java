package dev.signpost.core.discovery;

import dev.signpost.core.matrix.MatrixAnswer;
import dev.signpost.core.matrix.MatrixAnswerParser;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The requests of the apps lane: unauthenticated GETs bounded by the run's deadline, each answer sorted into "the
 * homeserver's JSON", "some JSON document" or "not Matrix at all", and every outcome put into one sentence.
 */
final class AppsProbe {

    static final String BUNDLE = "dev.signpost.core.discovery.apps";

    /** Auth metadata and error bodies are small; a larger answer is a web page or an attack. */
    static final int BODY_CAP = 64 * 1024;

    /**
     * One probed URL.
     *
     * @param url    the URL asked
     * @param fetch  everything the request went through
     * @param answer the kind of body, or null when no usable response arrived
     */
    record Answer(URI url, Fetcher.Result fetch, MatrixAnswer answer) {

        boolean usable() {
            return fetch.usable();
        }

        /** The final status, or -1 when no usable response arrived. */
        int status() {
            Integer status = fetch.status();
            return usable() && status != null ? status : -1;
        }

        /** JSON 404 {@code M_UNRECOGNIZED}: "not offered here", the only answer clients read as "no". */
        boolean unrecognized() {
            return status() == 404 && answer != null && answer.unrecognized();
        }

        /** The homeserver's own JSON error for a request without a token: the route reaches the homeserver. */
        boolean refusedWithoutToken() {
            return (status() == 401 || status() == 403) && answer != null
                    && answer.kind() == MatrixAnswer.Kind.MATRIX_ERROR;
        }

        boolean notMatrix() {
            return usable() && (answer == null || answer.kind() == MatrixAnswer.Kind.NOT_MATRIX);
        }

        HttpResponse response() {
            return fetch.response();
        }

        Duration elapsed() {
            return fetch.steps().stream().map(s -> s.response().elapsed()).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final RunContext ctx;
    private final Fetcher fetcher;
    private final Words words;
    private final Texts texts;

    AppsProbe(RunContext ctx) {
        this.ctx = ctx;
        this.fetcher = new Fetcher(ctx, Fetcher.CLIENT_REDIRECTS);
        this.words = new Words(ctx);
        this.texts = new Texts(BUNDLE, ctx.locale);
    }

    /** A sentence from the apps bundle; numbers are written plainly (ports, status codes). */
    String t(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return texts.get(key, plain);
    }

    /** Starts a GET of {@code url} on the run's executor. */
    CompletableFuture<Answer> get(URI url) {
        return ctx.async(() -> fetch(url));
    }

    Answer fetch(URI url) {
        Fetcher.Result r = fetcher.fetch(url, BODY_CAP);
        MatrixAnswer answer = r.usable() ? MatrixAnswerParser.parse(r.response().body(), "GET " + url.getRawPath(),
                ctx.locale) : null;
        return new Answer(url, r, answer);
    }

    /** What came back, in words: "HTTP/1.1 404 Not Found with an HTML page", or why nothing usable came back. */
    String describe(Answer a) {
        if (!a.usable()) {
            return unusable(a.fetch(), "GET " + a.url());
        }
        String line = a.response().statusLine();
        if (a.answer() == null || a.answer().kind() == MatrixAnswer.Kind.NOT_MATRIX) {
            return t("answer.notMatrix", line, a.answer() == null ? "" : a.answer().problem());
        }
        if (a.answer().kind() == MatrixAnswer.Kind.MATRIX_ERROR) {
            return t("answer.matrixError", line, a.answer().errcode());
        }
        return t("answer.json", line);
    }

    /** Why a fetch gave no usable response, naming the request. */
    String unusable(Fetcher.Result r, String what) {
        String host = r.detail();
        return switch (r.problem()) {
            case NONE -> t("answer.none", what);
            case DNS_FAILED -> ctx.t("fetch.dnsFailed", host);
            case NO_ADDRESS -> ctx.t("fetch.noAddress", host);
            case NETWORK -> r.response() == null ? t("answer.none", what) : words.failure(r.response(), what);
            case CERTIFICATE -> ctx.t("fetch.certificate", host, words.certificateProblem(r.last().verdict()));
            case REDIRECT_LOOP -> ctx.t("fetch.loop", r.detail());
            case TOO_MANY_REDIRECTS -> ctx.t("fetch.tooMany", r.redirectLimit());
            case INSECURE_REDIRECT -> ctx.t("fetch.insecure", r.detail());
            case BAD_REDIRECT -> ctx.t("fetch.badRedirect", r.detail());
        };
    }

    /** The fix for a fetch that gave no usable response, or {@code general} when the request itself is fine. */
    String unusableFix(Fetcher.Result r, String general) {
        return switch (r.problem()) {
            case CERTIFICATE -> {
                String fix = words.certificateFix(r.last().verdict());
                yield fix == null ? general : fix;
            }
            case REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT -> ctx.t("fix.redirect");
            case INSECURE_REDIRECT -> ctx.t("fix.insecureRedirect");
            case DNS_FAILED -> ctx.t("fix.dnsFailed");
            default -> general;
        };
    }
}
