package dev.signpost;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language the user asked for in the environment, by POSIX precedence: {@code LC_ALL}, then
 * {@code LC_MESSAGES}, then {@code LANG}. The JVM reads these through the C library and falls back to English when
 * the named locale is not installed there (common on servers and in containers), although Signpost carries its
 * own German texts and needs nothing from the system to show them.
 */
public final class EnvironmentLocale {

    private EnvironmentLocale() {
    }

    /** The locale named by the environment, or empty for none, {@code C} or {@code POSIX}. */
    public static Optional<Locale> of(Map<String, String> environment) {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return parse(value.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * Makes the environment's language the default, when it names one, and prints UTF-8 when it asks for UTF-8
     * but the JVM chose another encoding (the same fallback turns umlauts into question marks).
     */
    public static void apply(Map<String, String> environment) {
        of(environment).ifPresent(locale -> {
            if (!locale.getLanguage().equals(Locale.getDefault().getLanguage())) {
                Locale.setDefault(locale);
            }
        });
        if (!outputCharset(environment).equals(Charset.defaultCharset())
                && System.getProperty("sun.stdout.encoding") == null) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }

    /** The encoding for the terminal: UTF-8 when the environment asks for it, else the JVM's choice. */
    public static Charset outputCharset(Map<String, String> environment) {
        return wantsUtf8(environment) ? StandardCharsets.UTF_8 : Charset.defaultCharset();
    }

    /** True when the variable that decides (by POSIX precedence) names the UTF-8 codeset. */
    static boolean wantsUtf8(Map<String, String> environment) {
        for (String variable : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                String codeset = value.contains(".") ? value.substring(value.indexOf('.') + 1).split("@")[0] : "";
                return codeset.equalsIgnoreCase("UTF-8") || codeset.equalsIgnoreCase("utf8");
            }
        }
        return false;
    }

    /** {@code language[_TERRITORY][.codeset][@modifier]}. */
    static Optional<Locale> parse(String value) {
        String name = value;
        int cut = indexOfAny(name, '.', '@');
        if (cut >= 0) {
            name = name.substring(0, cut);
        }
        if (name.isEmpty() || name.equals("C") || name.equals("POSIX")) {
            return Optional.empty();
        }
        String[] parts = name.split("_", 2);
        if (!parts[0].matches("[a-zA-Z]{2,3}")) {
            return Optional.empty();
        }
        String country = parts.length > 1 && parts[1].matches("[a-zA-Z]{2}|[0-9]{3}") ? parts[1] : "";
        return Optional.of(new Locale(parts[0].toLowerCase(Locale.ROOT), country.toUpperCase(Locale.ROOT)));
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
