package dev.signpost.core.discovery;

import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The apps lane's bundle has the keys its tables of apps and reasons name. */
class AppsMessagesTest {

    @Test
    void everyKeyTheLaneUsesExists() throws IOException {
        Properties en = load("apps.properties");
        Set<String> missing = new TreeSet<>();
        for (String name : new String[] {"AppsLane", "AuthJudge", "RtcJudge", "AppsProbe"}) {
            String text = Files.readString(Path.of("src/main/java/dev/signpost/core/discovery/" + name + ".java"));
            Matcher m = Pattern.compile("(?:probe\\.t|[^.]t)\\(\"([A-Za-z0-9.]+)\"").matcher(text);
            while (m.find()) {
                if (!en.containsKey(m.group(1)) && !m.group(1).startsWith("fetch.") && !m.group(1).startsWith("fix.re")
                        && !m.group(1).equals("fix.insecureRedirect") && !m.group(1).equals("fix.dnsFailed")) {
                    missing.add(name + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
        for (String app : AppVerdicts.APPS.keySet()) {
            assertThat(en).containsKey("app.name." + app).containsKey("app.fail." + app);
            for (String check : AppVerdicts.APPS.get(app)) {
                assertThat(en).containsKey("reason." + check);
            }
        }
        for (String check : AppVerdicts.WARN_REASONS) {
            assertThat(en).containsKey("reason." + check + ".warn");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AppsMessagesTest.class.getResourceAsStream("/dev/signpost/core/discovery/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
