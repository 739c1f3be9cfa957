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

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MatrixMessagesTest.class.getResourceAsStream("/dev/signpost/core/matrix/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
