package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.testkit.AdviceWorlds;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's check list on a domain not delegated yet: the TLS failure says to delegate, and version and keys
 * hang under it as not reached, without fixes of their own. With {@code -Dadvice.snapshot=DIR} it also saves the
 * list as PNG, light and dark, to look at.
 */
class NotReachedUiTest extends WizardUiTestBase {

    @RegisterExtension
    static final EngineWorld WORLD = new EngineWorld(AdviceWorlds::noDelegationYet);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return WORLD.engine(Duration.ofSeconds(10));
    }

    @Test
    void versionAndKeysHangUnderTheFailedTlsCheck(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", AdviceWorlds.NAME);
        robot.clickOn("#start-check");
        waitUntilIdle();
        VBox list = robot.lookup("#check-list").queryAs(VBox.class);
        List<Node> rows = List.copyOf(list.getChildren());
        int tls = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (texts(rows.get(i)).stream().anyMatch(t -> t.contains("does not delegate to it yet"))) {
                tls = i;
            }
        }
        assertThat(tls).as("the failed TLS row").isNotNegative();
        assertThat(texts(rows.get(tls))).anyMatch(t -> t.startsWith("Fix: Delegate " + AdviceWorlds.NAME));
        for (Node row : rows.subList(tls + 1, tls + 3)) {
            assertThat(row.getStyleClass()).contains("check-not-reached");
            assertThat(texts(row)).contains("Not reached", "Not reached: federation.tls failed first.")
                    .noneMatch(t -> t.startsWith("Fix:"));
        }
        String dir = System.getProperty("advice.snapshot");
        if (dir != null) {
            snap(robot, list, Path.of(dir), "not-reached-light");
            robot.interact(() -> wizard.theme().darkProperty().set(true));
            snap(robot, list, Path.of(dir), "not-reached-dark");
            robot.interact(() -> wizard.theme().darkProperty().set(false));
        }
    }

    private static List<String> texts(Node row) {
        return row.lookupAll(".label").stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .toList();
    }

    private static void snap(FxRobot robot, Node node, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name + ".png").toFile());
    }
}
