package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.settings.NetworkSettings;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staging setup checked from the wizard, with the real engine: the "system" network cannot see the test kit's
 * servers; typing the test kit's DNS server, CA file and resolve overrides (what {@code --dns}, {@code --ca-file} and
 * {@code --resolve} take) makes the same check pass, says so on the page, and is remembered.
 */
class NetworkSettingsEngineUiTest extends WizardUiTestBase {

    @RegisterExtension
    static final EngineWorld WORLD = new EngineWorld(NetworkSettingsEngineUiTest::buildWorld);

    private static TestWorld buildWorld() {
        TestWorld w = new TestWorld().homeserverReady("staging.example", "203.0.113.9");
        w.https().route("staging.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.staging.example:8448\"}"));
        w.https().route("staging.example", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\":{\"base_url\":\"https://matrix.staging.example\"}}").withCors());
        return w;
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** Stands in for the public network: a DNS server that never answers, so staging names do not resolve. */
    @Override
    protected Discovery discovery() {
        return EngineWorld.engine(new NetOptions(new InetSocketAddress("127.0.0.1", 9), List.of(), null,
                Duration.ofSeconds(2), "Signpost-test"));
    }

    @Override
    protected WizardDependencies deps() {
        WizardDependencies base = super.deps();
        Discovery system = discovery();
        return new WizardDependencies(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH),
                new BackgroundTasks(WizardFixture.EXECUTOR, Platform::runLater), WizardFixture.loadedSettings(settingsDir),
                () -> system, base.files(), base.reportFormats(), null, false,
                network -> new DiscoveryEngine(CoreServices.netOptions(network, "Signpost-test"), Locale.ENGLISH,
                        WizardFixture.EXECUTOR));
    }

    @Test
    void theTestKitsNetworkTypedInTheWizardReachesTheStagingServer(FxRobot robot) throws Exception {
        List<String> args = WORLD.world().args();
        robot.interact(() -> robot.lookup("#network-settings").queryAs(TitledPane.class).setExpanded(true));
        fill(robot, "#network-dns", "not-an-address");
        assertThat(robot.lookup("#start-set-up").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t != null && t.startsWith("\"not-an-address\" is not an IP address"));

        fill(robot, "#network-dns", args.get(1));
        fill(robot, "#network-ca-files", args.get(3));
        StringBuilder resolve = new StringBuilder();
        for (int i = 4; i < args.size(); i += 2) {
            resolve.append(args.get(i + 1)).append('\n');
        }
        fill(robot, "#network-resolve", resolve.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#start-set-up").queryAs(Button.class).isDisabled());

        fill(robot, "#start-domain", "staging.example");
        robot.clickOn("#start-check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wizard.session().firstReportProperty().get() != null
                && !wizard.navigator().busyProperty().get());
        assertThat(wizard.session().firstReportProperty().get().overall()).isNotEqualTo(Status.FAIL);
        // The page names the network the report records, in one line; each setting and the caveat on hover.
        int overrides = (args.size() - 4) / 2;
        Label note = robot.lookup("#network-note").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> note.isVisible() && note.getTooltip() != null);
        assertThat(note.getText()).isEqualTo("Checked with DNS server " + args.get(1) + ", 1 extra CA, "
                + overrides + " resolve overrides");
        assertThat(note.getTooltip().getText()).contains("DNS server: " + args.get(1))
                .contains("Extra CA file " + args.get(3) + ": O=Signpost tests,CN=Signpost Test Root CA (SHA-256 ")
                .contains("Resolve override: staging.example:443 → ")
                .containsOnlyOnce("Remote servers may come to a different verdict: this check asked the DNS server "
                        + args.get(1) + " and connected to the addresses you set for ");
        assertThat(note.getAccessibleHelp()).isEqualTo(note.getTooltip().getText());
        // One line beside the buttons: the chain below keeps its place.
        Button again = robot.lookup("#check-again").queryAs(Button.class);
        assertThat(note.getParent()).isSameAs(again.getParent());
        snapshot(robot, "network-note-light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snapshot(robot, "network-note-dark");
        robot.interact(() -> wizard.theme().darkProperty().set(false));

        NetworkSettings saved = new SettingsStore(settingsDir).load().network();
        assertThat(saved.dnsServer()).isEqualTo(args.get(1));
        assertThat(saved.caFiles()).containsExactly(args.get(3));
        assertThat(saved.resolve()).hasSize((args.size() - 4) / 2);
    }

    /** With {@code -Dnetwork.snapshots=DIR}, the window as a PNG, to look at the page. */
    private void snapshot(FxRobot robot, String name) throws IOException {
        String dir = System.getProperty("network.snapshots");
        if (dir == null) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", Path.of(dir, name + ".png").toFile());
    }
}
