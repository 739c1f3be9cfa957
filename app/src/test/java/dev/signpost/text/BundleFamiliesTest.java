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
 * The one test of every bundle family under {@code src/main/resources}, in English and German, each family found on
 * disk (a new one is covered without editing this test):
 * <ul>
 * <li>missing: both languages have the same keys, and every key the code asks a bundle for exists in one;</li>
 * <li>unused: every key is named in the code (literally, or by a literal prefix the code completes);</li>
 * <li>duplicate: no key appears twice in a file (the later would silently win);</li>
 * <li>placeholder parity: a German pattern has the English one's placeholders;</li>
 * <li>every pattern formats the way the application formats it ({@link Texts}) with sample arguments: no doubled
 * apostrophe left, no placeholder unfilled, no apostrophe that quotes text away, no example domain where the
 * user's own names belong. The command line's help bundle is formatted by picocli with String.format instead.</li>
 * </ul>
 */
class BundleFamiliesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");
    /** The command line's help: keys picocli reads by convention, formatted with String.format. */
    private static final String PICOCLI_FAMILY = "dev/signpost/cli/help";
    /** A key asked of a bundle in code: {@code texts.get("a.b")}, {@code t.get(..)}, {@code ctx.t(..)}, ... */
    private static final Pattern KEY_REQUEST = Pattern.compile(
            "(?:\\b(?:texts|names|t)\\.get|\\b(?:ctx|probe)\\.t|(?<![\\w.])t)\\(\\s*"
                    + "(?:[^\"();]*\\?\\s*\"([A-Za-z][A-Za-z0-9_.-]*)\"\\s*:\\s*)?\"([A-Za-z][A-Za-z0-9_.-]*)\"");
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
        if (family.equals(PICOCLI_FAMILY)) {
            String formatted = String.format(Locale.ROOT, pattern.replace("${DEFAULT-VALUE}", "5"));
            assertThat(formatted).as("%s [%s] %s", family, language, key).doesNotContain("${");
            return;
        }
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

    @ParameterizedTest
    @MethodSource("families")
    void noKeyAppearsTwiceInAFile(String family) throws IOException {
        for (Locale locale : LANGUAGES) {
            String suffix = locale.getLanguage().isEmpty() ? "" : "_" + locale.getLanguage();
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(family + suffix + ".properties"))) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                    keys.add(trimmed.split("\\s*[=:]", 2)[0].strip());
                }
            }
            assertThat(keys).as(family + suffix + " has a key twice").doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyKeyIsUsed(String family) throws IOException {
        if (family.equals(PICOCLI_FAMILY)) {
            return; // picocli reads these by convention; HelpTextTest matches them against the command model
        }
        Set<String> literals = codeLiterals();
        List<String> prefixes = literals.stream().filter(l -> l.endsWith(".") || l.endsWith("_")).toList();
        List<String> unused = load(family, Locale.ROOT).stringPropertyNames().stream()
                .filter(key -> !literals.contains(key) && prefixes.stream().noneMatch(key::startsWith))
                .sorted().toList();
        assertThat(unused).as("keys of %s that no code names", family).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String family : families().toList()) {
            known.addAll(load(family, Locale.ROOT).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_REQUEST.matcher(Files.readString(file));
                while (m.find()) {
                    for (String key : new String[] {m.group(1), m.group(2)}) {
                        // A key ending in a dot is a prefix the code completes ("status." + name).
                        if (key != null && !key.endsWith(".") && !known.contains(key)) {
                            missing.add(SOURCES.relativize(file) + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys asked for in code but in no bundle").isEmpty();
    }

    /** Every string literal in the main sources (comments, character literals and text blocks skipped). */
    private static Set<String> codeLiterals() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                literals.addAll(JavaLiterals.of(Files.readString(file)));
            }
        }
        return literals;
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
        try (InputStream in = BundleFamiliesTest.class.getResourceAsStream("/" + family + suffix
                + ".properties")) {
            assertThat(in).as(family + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
