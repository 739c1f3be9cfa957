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

/** Every key the engine names by its dotted look (passed on before it is looked up) is in its bundles. */
class DiscoveryMessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DiscoveryMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
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
        // The apps lane keeps its sentences in a bundle of its own (AppsProbe.BUNDLE).
        en.putAll(load("/dev/signpost/core/discovery/apps.properties"));
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
