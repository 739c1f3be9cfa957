package dev.signpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Signpost's own version, filled in by the build. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** E.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    /** The User-Agent sent with every request: honest and named, since some hosts block anonymous ones. */
    public static String userAgent() {
        return "Signpost/" + VERSION + " (Matrix delegation checker)";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
