package dev.signpost.core.deploy;

import dev.signpost.core.text.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeployMessagesTest {

    @Test
    void germanHasEveryKeyAndNoMore() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        german.forEach((key, value) -> assertThat((String) value).as(key.toString()).isNotBlank());
    }

    @Test
    void everyKeyTheCodeUsesExistsAndFormats() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("texts\\.get\\(\\s*(?:rollback \\? \"[^\"]+\" : )?\"([a-zA-Z.]+)\"");
        Pattern ternary = Pattern.compile("\\? \"([a-z]+\\.[a-zA-Z.]+)\" : \"([a-z]+\\.[a-zA-Z.]+)\"");
        Pattern key = Pattern.compile("key = \"([a-zA-Z.]+)\"");
        for (Path dir : new Path[] {Path.of("src/main/java/dev/signpost/core/deploy"),
                Path.of("src/main/java/dev/signpost/cli")}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    if (f.getFileName().toString().startsWith("Deploy") || dir.endsWith("deploy")) {
                        for (Pattern p : new Pattern[] {call, key}) {
                            Matcher m = p.matcher(src);
                            while (m.find()) {
                                used.add(m.group(1));
                            }
                        }
                        Matcher m = ternary.matcher(src);
                        while (m.find()) {
                            used.add(m.group(1));
                            used.add(m.group(2));
                        }
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        Properties english = load("messages.properties");
        assertThat(english.stringPropertyNames()).containsAll(used);
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Texts texts = new Texts("dev.signpost.core.deploy.messages", locale);
            for (String k : english.stringPropertyNames()) {
                // Every pattern must format with typical arguments (catches broken choice/number patterns).
                String pattern = english.getProperty(k);
                Object[] args = new Object[4];
                for (int i = 0; i < args.length; i++) {
                    boolean number = pattern.contains("{" + i + ",number") || pattern.contains("{" + i + ",choice");
                    args[i] = number ? (Object) 2 : "/srv/www/x";
                }
                assertThat(texts.get(k, args)).as(k).isNotBlank().doesNotContain("{0");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DeployMessagesTest.class.getResourceAsStream("/dev/signpost/core/deploy/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
