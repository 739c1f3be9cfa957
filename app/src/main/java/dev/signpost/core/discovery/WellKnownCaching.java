package dev.signpost.core.discovery;

import dev.signpost.core.net.HttpResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a remote Synapse keeps the server well-known it fetched (synapse/http/federation/well_known_resolver):
 * {@code Cache-Control: no-store} or {@code max-age}, else {@code Expires}, clamped to 5 minutes … 48 hours; 24 hours
 * when the answer says nothing; a failed or missing file is remembered for about an hour.
 */
final class WellKnownCaching {

    static final Duration MIN = Duration.ofMinutes(5);
    static final Duration MAX = Duration.ofHours(48);
    static final Duration DEFAULT = Duration.ofHours(24);
    static final Duration ERRORS = Duration.ofHours(1);

    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,12})");
    private static final Pattern NO_STORE = Pattern.compile("(?i)(?:^|[,\\s])no-store(?:$|[,\\s])");

    /**
     * @param kept     how long remote servers keep the answer
     * @param asked    what the headers asked for, or empty when they said nothing usable
     * @param clamped  true when Synapse's bounds changed what was asked
     */
    record Period(Duration kept, Optional<Duration> asked, boolean clamped) {
    }

    private WellKnownCaching() {
    }

    /** The period for a usable answer with these headers, judged at {@code now}. */
    static Period of(HttpResponse response, Instant now) {
        Optional<Duration> asked = asked(response, now);
        if (asked.isEmpty()) {
            return new Period(DEFAULT, asked, false);
        }
        Duration d = asked.get();
        Duration kept = d.compareTo(MIN) < 0 ? MIN : d.compareTo(MAX) > 0 ? MAX : d;
        return new Period(kept, asked, !kept.equals(d));
    }

    private static Optional<Duration> asked(HttpResponse response, Instant now) {
        Optional<String> control = response.header("Cache-Control");
        if (control.isPresent()) {
            if (NO_STORE.matcher(control.get()).find()) {
                return Optional.of(Duration.ZERO);
            }
            Matcher m = MAX_AGE.matcher(control.get());
            if (m.find()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
            }
        }
        return response.header("Expires").flatMap(value -> {
            try {
                Instant expires = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration left = Duration.between(now, expires);
                return Optional.of(left.isNegative() ? Duration.ZERO : left);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** A duration as people read it: "10 min", "48 h", "7 d". */
    static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 2 * 24 * 60 + 1 && minutes % (24 * 60) == 0) {
            return String.format(Locale.ROOT, "%d d", minutes / (24 * 60));
        }
        if (minutes >= 60 && minutes % 60 == 0) {
            return String.format(Locale.ROOT, "%d h", minutes / 60);
        }
        return minutes >= 1 ? String.format(Locale.ROOT, "%d min", minutes)
                : String.format(Locale.ROOT, "%d s", d.toSeconds());
    }
}
