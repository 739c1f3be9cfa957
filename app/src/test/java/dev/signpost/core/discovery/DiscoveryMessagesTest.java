package dev.signpost.core.discovery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles of the engine, the text report and the check command: German complete, every used key present. */
class DiscoveryMessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DiscoveryMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/signpost/core/discovery/messages", "/dev/signpost/core/report/textreport",
            "/dev/signpost/cli/check"})
    void germanHasEveryKeyAndEveryPatternParses(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties de = load(base + "_de.properties");
        assertThat(new TreeSet<>(de.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (Properties p : new Properties[] {en, de}) {
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                assertThat(pattern).as(key).isNotBlank();
                if (pattern.contains("{0")) {
                    new MessageFormat(pattern, Locale.ROOT);
                    assertThat(pattern.replace("''", "")).as(key + " has a lone apostrophe").doesNotContain("'{0}'");
                }
            }
        }
    }

    static Stream<String> engineSources() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/signpost/core/discovery"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("engineSources")
    void everyLiteralKeyUsedInTheEngineExists(String fileName) throws IOException {
        Properties en = load("/dev/signpost/core/discovery/messages.properties");
        Path source = Path.of("src/main/java/dev/signpost/core/discovery/" + fileName);
        String text = Files.readString(source);
        Matcher m = Pattern.compile("\"((?:rule|skip|check|fix|net|cert|wk|srv|dns|fetch|client|support|keys|"
                + "version|identity|target|tls|hop|label|note|notReached|what|addr|clientVersions)\\.[A-Za-z0-9.]+)\"")
                .matcher(text);
        Set<String> missing = new TreeSet<>();
        while (m.find()) {
            String key = m.group(1);
            if (!key.endsWith(".") && !en.containsKey(key) && !isCheckId(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys used in " + fileName + " but missing in the bundle").isEmpty();
    }

    /** Check and hop ids share the dotted look of keys; they are not keys. */
    private static boolean isCheckId(String s) {
        return s.startsWith("client.") && !s.matches("client\\.(status|tooLarge|html|ignore)")
                || s.startsWith("federation.") || s.startsWith("fed.");
    }
}
