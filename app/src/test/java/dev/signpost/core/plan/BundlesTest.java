package dev.signpost.core.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan, generate and CLI generate bundles: German has every English key, and every pattern is valid MessageFormat. */
class BundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev/signpost/core/plan/messages", "dev/signpost/core/generate/messages",
            "dev/signpost/cli/generate", "dev/signpost/cli/check", "dev/signpost/core/net/messages"})
    void germanIsCompleteAndPatternsParse(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties de = load(base + "_de.properties");
        assertThat(de.keySet()).as(base).containsExactlyInAnyOrderElementsOf(en.keySet());
        for (Properties bundle : new Properties[] {en, de}) {
            for (String key : bundle.stringPropertyNames()) {
                new MessageFormat(bundle.getProperty(key));
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
