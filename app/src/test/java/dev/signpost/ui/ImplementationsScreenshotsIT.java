package dev.signpost.ui;

import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test but the tool that makes {@code docs/screenshots/implementations-*.png}: the live check of a server
 * where the implementations disagree — an identity server that answers an HTML page (the spec fails the client
 * discovery, Element Web only warns) and {@code /versions} without CORS (the spec passes, Element Web cannot log
 * in) — at 980×720, light and dark, scrolled to the first check whose lines differ:
 * {@code ./mvnw -o -pl app test -Dtest=ImplementationsScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class ImplementationsScreenshotsIT {

    @TempDir
    static Path settingsDir;

    private static TestWorld world;
    private Wizard wizard;
    private Stage stage;

    @BeforeAll
    static void buildWorld() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5");
        w.serve("example.org", 443).serve("matrix.example.org", 443).serve("id.example.org", 443)
                .serve("203.0.113.5", 8448, "matrix.example.org");
        w.https().route("example.org", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.org:8448\"}"));
        w.https().route("example.org", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"},"
                        + "\"m.identity_server\":{\"base_url\":\"https://id.example.org\"}}").withCors());
        w.https().route("id.example.org", "/_matrix/identity/v2", Response.html("<html>welcome</html>"));
        var homeserver = w.homeserver("example.org");
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installClient(w.https(), "matrix.example.org");
        w.https().route("matrix.example.org", "/_matrix/client/versions",
                Response.json("{\"versions\":[\"v1.12\"]}"));
        world = w;
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new Wizard(WizardFixture.realDeps(settingsDir, () -> WizardFixture.engineOn(world)));
        wizard.show(stage);
        stage.setWidth(980);
        stage.setHeight(720);
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        robot.interact(() -> robot.lookup("#start-domain").queryAs(TextField.class).setText("example.org"));
        robot.interact(() -> robot.lookup("#start-check").queryAs(ButtonBase.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get()
                && robot.lookup(".check-implementations").queryAll().size() >= 2);
        robot.interact(() -> {
            Node differ = robot.lookup(".check-implementations").query();
            Node row = differ.getParent().getParent();
            ScrollPane page = pageScroll(row);
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            Bounds inContent = page.getContent().sceneToLocal(row.localToScene(row.getBoundsInLocal()));
            page.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (inContent.getMinY() - 20)
                    / (contentHeight - viewport))));
        });
        snap(robot, out, "implementations-light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snap(robot, out, "implementations-dark");
        assertThat(Files.size(out.resolve("implementations-dark.png"))).isPositive();
    }

    private static ScrollPane pageScroll(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                return scroll;
            }
        }
        throw new IllegalStateException("no scroll pane around " + node);
    }

    private void snap(FxRobot robot, Path out, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name + ".png").toFile());
    }
}
