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

/**
 * The wizard's keys built from enum values exist; what every bundle shares (missing, unused and duplicate keys,
 * placeholder parity, formatting) is BundleFamiliesTest's.
 */
class MessagesBundleTest {

    private static Properties english;

    @BeforeAll
    static void load() throws IOException {
        english = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/dev/signpost/ui/messages.properties")) {
            assertThat(in).isNotNull();
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
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
}
