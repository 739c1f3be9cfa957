package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.text.Texts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words of the report exports, and the names of lanes, hop kinds and statuses that the chain diagram shows
 * too, so every front-end calls things the same.
 */
public final class ExportTexts {

    /** Base name of the bundle ({@code dev/signpost/core/report/exports.properties}). */
    public static final String BUNDLE = "dev.signpost.core.report.exports";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The symbol of a check not reached: it hangs from the check that failed first. */
    public static final String NOT_REACHED_SYMBOL = "↳";

    private final Texts texts;

    public ExportTexts(Locale locale) {
        this.texts = new Texts(BUNDLE, locale);
    }

    /** The sentence for {@code key} with {@code args} filled in. */
    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    public Locale locale() {
        return texts.locale();
    }

    /** The lane's title, e.g. "Federation: how other servers reach this homeserver". */
    public String lane(Lane lane) {
        return texts.get("lane." + lane.name());
    }

    /** The lane's one-word name. */
    public String laneShort(Lane lane) {
        return texts.get("laneShort." + lane.name());
    }

    /** What a kind of hop is called, e.g. "SRV lookup". */
    public String kind(HopKind kind) {
        return texts.get("kind." + kind.name());
    }

    /** A status in words, e.g. "Warning". */
    public String status(Status status) {
        return texts.get("status." + status.name());
    }

    /** A check's status in words: "Not reached" for a check an earlier failure kept from running. */
    public String status(Check check) {
        return check.isNotReached() ? texts.get("status.NOT_REACHED") : status(check.status());
    }

    /** A check's text symbol, with its own one for "not reached". */
    public static String symbol(Check check) {
        return check.isNotReached() ? NOT_REACHED_SYMBOL : symbol(check.status());
    }

    /** "Not reached: TLS, version" — the checks grouped under a root cause, by id. */
    public String notReachedUnder(List<Check> notReached) {
        return texts.get("notReached.under", String.join(", ", notReached.stream().map(Check::id).toList()));
    }

    /**
     * One line per implementation where they disagree on a check ("Element Web (Warning): logs in and shows a
     * warning about the identity server"), empty when they agree: every renderer shows the same lines.
     */
    public List<String> implementationLines(Check check) {
        return check.implementations().stream().map(v -> texts.get("impl.line", texts.get("impl.name." + v.id()),
                v.status() == null ? "" : status(v.status()), v.summary())).toList();
    }

    /** "IPv4", "IPv6", or empty. */
    public String family(AddressFamily family) {
        return texts.get("family." + family.name());
    }

    /** A text symbol for a status, so plain text and Markdown do not rely on colour. */
    public static String symbol(Status status) {
        return switch (status) {
            case PASS -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case SKIP -> "–";
            case RUNNING -> "…";
        };
    }

    /** An instant as people read it in any language: {@code 2026-11-20 10:00:00 UTC}. */
    public static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    /** A duration in milliseconds below a second and seconds above, e.g. {@code 42 ms}, {@code 1.2 s}. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
