package dev.signpost.text;

import dev.signpost.core.text.Texts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pattern of every bundle family under {@code src/main/resources}, in English and German, rendered the way
 * the application renders it ({@link Texts}) with sample arguments: no doubled apostrophe left, no placeholder left
 * unfilled, no apostrophe that silently quotes text away, no example domain where the user's own names belong, and
 * the same keys and placeholders in both languages. New bundle families are picked up without editing this test.
 */
class EveryMessageRendersTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern EXAMPLE_DOMAIN =
            Pattern.compile("(?i)(example\\.(com|org|net)|matrix\\.example|@alice:)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final List<Locale> LANGUAGES = List.of(Locale.ROOT, Locale.GERMAN);

    static Stream<Arguments> everyPattern() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String family : families().toList()) {
            for (Locale locale : LANGUAGES) {
                Properties p = load(family, locale);
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    all.add(Arguments.of(family, locale.getLanguage().isEmpty() ? "en" : locale.getLanguage(), key,
                            p.getProperty(key)));
                }
            }
        }
        return all.stream();
    }

    static Stream<String> families() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<String> found = files.map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".properties") && !p.matches(".*_[a-z]{2}\\.properties"))
                    .map(p -> p.substring(0, p.length() - ".properties".length()))
                    .sorted().toList();
            assertThat(found).as("bundle families").hasSizeGreaterThanOrEqualTo(10);
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0} [{1}] {2}")
    @MethodSource("everyPattern")
    void rendersCleanly(String family, String language, String key, String pattern) {
        Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.forLanguageTag(language);
        String rendered = new Texts(family.replace('/', '.'), locale).get(key, sampleArguments(pattern));
        assertThat(rendered).as("%s [%s] %s renders a doubled apostrophe", family, language, key)
                .doesNotContain("''");
        assertThat(rendered).as("%s [%s] %s leaves a placeholder unfilled", family, language, key)
                .doesNotContainPattern("\\{\\d");
        assertThat(quotedWithoutBraces(pattern)).as("%s [%s] %s: an apostrophe quotes text away; write ''",
                family, language, key).isEmpty();
        Matcher example = EXAMPLE_DOMAIN.matcher(rendered);
        assertThat(example.find() ? example.group() : null)
                .as("%s [%s] %s carries an example name instead of the user's own", family, language, key)
                .isNull();
    }

    @ParameterizedTest
    @MethodSource("families")
    void germanHasTheSameKeysAndPlaceholders(String family) throws IOException {
        Properties en = load(family, Locale.ROOT);
        Properties de = load(family, Locale.GERMAN);
        assertThat(new TreeSet<>(de.stringPropertyNames())).as(family).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(de.getProperty(key))).as(family + " " + key)
                    .isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    /** The quoted sections of a pattern that quote no brace: a lone apostrophe that MessageFormat swallows. */
    static List<String> quotedWithoutBraces(String pattern) {
        String[] parts = pattern.replace("''", "").split("'", -1);
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < parts.length; i += 2) {
            if (i == parts.length - 1 || !(parts[i].contains("{") || parts[i].contains("}"))) {
                bad.add("'" + parts[i]);
            }
        }
        return bad;
    }

    private static Object[] sampleArguments(String pattern) {
        Format[] formats = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(10, formats.length)];
        for (int i = 0; i < args.length; i++) {
            Format f = i < formats.length ? formats[i] : null;
            args[i] = f instanceof ChoiceFormat || f instanceof NumberFormat ? (Object) 2
                    : f instanceof DateFormat ? new Date(0) : "arg" + i;
        }
        return args;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String family, Locale locale) throws IOException {
        String suffix = locale.getLanguage().isEmpty() ? "" : "_" + locale.getLanguage();
        Properties p = new Properties();
        try (InputStream in = EveryMessageRendersTest.class.getResourceAsStream("/" + family + suffix
                + ".properties")) {
            assertThat(in).as(family + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
