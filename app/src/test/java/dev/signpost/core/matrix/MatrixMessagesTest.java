package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixMessagesTest {

    @Test
    void germanHasEveryKeyAndNoMore() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        german.forEach((key, value) -> assertThat((String) value).as(key.toString()).isNotBlank());
    }

    @Test
    void everySentenceFormatsWithoutLeftoverPlaceholders() throws IOException {
        for (java.util.Locale locale : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
            dev.signpost.core.text.Texts texts = new dev.signpost.core.text.Texts(MatrixTexts.BUNDLE, locale);
            for (String key : load("messages.properties").stringPropertyNames()) {
                String sentence = texts.get(key, "first", "second", "third");
                assertThat(sentence).as(key).doesNotContain("{0}").doesNotContain("{1}").doesNotContain("{2}");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MatrixMessagesTest.class.getResourceAsStream("/dev/signpost/core/matrix/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
