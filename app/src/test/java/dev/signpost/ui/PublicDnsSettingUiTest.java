package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.OutsideWorlds;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's "Compare with public DNS" setting: on by default, the split horizon it finds is a check like any
 * other, switching it off is remembered, and a DNS server of its own (a lab) turns it off. The engine factory is the
 * real one, with the test kit's DoH resolver in place of the public ones.
 */
class PublicDnsSettingUiTest extends WizardUiTestBase {

    private static TestWorld world;
    private static TestDohServer doh;

    @BeforeAll
    static void buildWorld() {
        world = OutsideWorlds.delegation();
        doh = new TestDohServer(world.ca());
        doh.zone().a(OutsideWorlds.NAME, "127.0.0.3").a(OutsideWorlds.HOMESERVER, OutsideWorlds.pinnedAddress(world));
    }

    @AfterAll
    static void closeWorld() {
        doh.close();
        world.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** Stands in for the public network: a DNS server that never answers. */
    @Override
    protected Discovery discovery() {
        try {
            return new DiscoveryEngine(new NetOptions(new InetSocketAddress("127.0.0.1", 9), List.of(), null,
                    Duration.ofSeconds(2), "Signpost-test"), Locale.ENGLISH, WizardFixture.EXECUTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected WizardDependencies deps() {
        WizardDependencies base = super.deps();
        Discovery system = discovery();
        return new WizardDependencies(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH),
                new BackgroundTasks(WizardFixture.EXECUTOR, Platform::runLater), WizardFixture.loadedSettings(settingsDir),
                () -> system, base.files(), base.reportFormats(), null, false,
                network -> {
                    NetOptions options = CoreServices.netOptions(network, "Signpost-test");
                    return new DiscoveryEngine(options.publicDns().isEmpty() ? options
                            : options.withPublicDns(List.of(URI.create(doh.url()))), Locale.ENGLISH,
                            WizardFixture.EXECUTOR);
                });
    }

    @Test
    void theSettingFindsASplitHorizon(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setWidth(980));
        robot.interact(() -> robot.lookup("#network-settings").queryAs(TitledPane.class).setExpanded(true));
        CheckBox toggle = robot.lookup("#network-public-dns").queryAs(CheckBox.class);
        assertThat(toggle.isSelected()).isTrue();
        assertThat(toggle.isDisabled()).isFalse();

        fill(robot, "#network-ca-files", world.ca().rootPemFile().toString());
        StringBuilder resolve = new StringBuilder();
        for (Map.Entry<String, String> entry : world.resolveEntries().entrySet()) {
            resolve.append(entry.getKey()).append(':').append(entry.getValue()).append('\n');
        }
        fill(robot, "#network-resolve", resolve.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#start-set-up").queryAs(Button.class).isDisabled());
        reveal(robot, toggle);
        snapshot(robot, "network-settings-light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snapshot(robot, "network-settings-dark");
        robot.interact(() -> wizard.theme().darkProperty().set(false));

        fill(robot, "#start-domain", OutsideWorlds.NAME);
        robot.clickOn("#start-check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wizard.session().firstReportProperty().get() != null
                && !wizard.navigator().busyProperty().get());
        Report report = wizard.session().firstReportProperty().get();
        Check outside = report.check("dns.outside-view").orElseThrow();
        assertThat(outside.status()).isEqualTo(Status.WARN);
        String sentence = "Remote servers see 127.0.0.3 for " + OutsideWorlds.NAME;
        assertThat(outside.summary()).startsWith(sentence);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTexts(robot).stream()
                .anyMatch(t -> t.contains(sentence)));
        reveal(robot, robot.lookup((Node n) -> n instanceof Labeled l && n.isVisible() && l.getText() != null
                && l.getText().contains(sentence)).query());
        snapshot(robot, "outside-view-light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snapshot(robot, "outside-view-dark");
        robot.interact(() -> wizard.theme().darkProperty().set(false));
    }

    @Test
    void switchingItOffIsRememberedAndADnsServerOfItsOwnDisablesIt(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#network-settings").queryAs(TitledPane.class).setExpanded(true));
        CheckBox toggle = robot.lookup("#network-public-dns").queryAs(CheckBox.class);
        robot.interact(() -> toggle.setSelected(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new SettingsStore(settingsDir).load().network().noPublicDns());
        fill(robot, "#network-dns", world.dns().hostPort());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isDisabled()).isTrue();
    }

    private static List<String> shownTexts(FxRobot robot) {
        return robot.lookup((Node n) -> n instanceof Labeled && n.isVisible()).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }

    /** Scrolls every scroll pane around {@code node} so that it is in view, for the screenshots. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                    Node content = pane.getContent();
                    javafx.geometry.Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double room = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (at.getMinY() - 80) / room)));
                    pane.layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve("doh-" + name + ".png").toFile());
    }
}
