package dev.signpost.ui;

import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.ui.steps.PortChoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's bundles: English and German have the same keys, every key used in code exists, none is unused. */
class MessagesBundleTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:wizard|app|status)\\.[A-Za-z0-9_.]*)\"");
    private static Properties english;
    private static Properties german;
    private static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        english = read("messages.properties");
        german = read("messages_de.properties");
        literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/signpost/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    literals.add(matcher.group(1));
                }
            }
        }
    }

    private static Properties read(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/dev/signpost/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void germanHasExactlyTheEnglishKeys() {
        assertThat(new TreeSet<>(german.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void noTranslationIsEmpty() {
        english.stringPropertyNames().forEach(k -> assertThat(english.getProperty(k)).as(k).isNotBlank());
        german.stringPropertyNames().forEach(k -> assertThat(german.getProperty(k)).as(k).isNotBlank());
    }

    @Test
    void everyPatternWithArgumentsIsAValidMessageFormat() {
        for (Properties bundle : List.of(english, german)) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (pattern.contains("{0")) {
                    assertThat(new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(
                            new Object[]{2, 1, 0, "x"})).as(key).doesNotContain("{0");
                }
            }
        }
    }

    @Test
    void everyKeyUsedInCodeExists() {
        assertThat(literals).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String key : literals) {
            if (key.endsWith(".")) {
                if (english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))) {
                    missing.add(key + "*");
                }
            } else if (!english.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys used in code but missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumValueExists() {
        List<String> expected = new ArrayList<>();
        for (Status s : Status.values()) {
            expected.add("status." + s.jsonName());
        }
        for (Status s : List.of(Status.PASS, Status.WARN, Status.FAIL, Status.SKIP)) {
            expected.add("wizard.check.status.done." + s.jsonName());
            expected.add("wizard.done.headline.setUp." + s.jsonName());
            expected.add("wizard.done.headline.check." + s.jsonName());
        }
        for (dev.signpost.ui.settings.Settings.ThemeChoice choice : dev.signpost.ui.settings.Settings.ThemeChoice.values()) {
            expected.add("app.theme." + choice.name());
        }
        for (Lane lane : Lane.values()) {
            expected.add("wizard.check.lane." + lane.name());
        }
        for (FederationMode mode : FederationMode.values()) {
            expected.add("wizard.hosting.mode." + mode.name());
            expected.add("wizard.hosting.mode.help." + mode.name());
        }
        expected.add("wizard.done.summary.federation.WELL_KNOWN");
        expected.add("wizard.done.summary.federation.SRV");
        for (HomeserverKind kind : HomeserverKind.values()) {
            expected.add("wizard.hosting.homeserver." + kind.name());
        }
        for (WebServerKind kind : WebServerKind.values()) {
            expected.add("wizard.hosting.webServer." + kind.name());
        }
        for (PortChoice choice : PortChoice.values()) {
            expected.add("wizard.hosting.port." + choice.name());
            expected.add("wizard.hosting.port.tradeOff." + choice.name());
        }
        assertThat(english.stringPropertyNames()).containsAll(expected);
    }

    @Test
    void noKeyIsUnused() {
        List<String> unused = english.stringPropertyNames().stream()
                .filter(key -> !isUsed(key))
                .sorted().toList();
        assertThat(unused).as("keys in messages.properties that no code uses").isEmpty();
    }

    /** Used literally, or built from a literal prefix ({@code "status." + …}, {@code keyPrefix + "noScheme"}). */
    private static boolean isUsed(String key) {
        return literals.contains(key) || literals.stream().anyMatch(literal -> literal.endsWith(".") && key.startsWith(literal));
    }
}
