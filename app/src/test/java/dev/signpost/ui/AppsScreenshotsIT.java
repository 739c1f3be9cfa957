package dev.signpost.ui;

import dev.signpost.testkit.JwtServiceStub;
import dev.signpost.testkit.ModernHomeserver;
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
 * Not a test but the tool that makes {@code docs/screenshots/apps-summary-*.png}: the live check of a server with
 * calls and a sign-in service where Element X cannot connect (sliding sync off) and Element Call's service lacks
 * CORS, at 980×720, light and dark, the apps lane of its chain ({@code apps-lane-*.png}), and the hosting page with
 * "Calls and sign-in" filled in ({@code hosting-calls-*.png}): {@code ./mvnw -B -o -pl app test -Pscreenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class AppsScreenshotsIT {

    @TempDir
    static Path settingsDir;

    private static TestWorld world;
    private Wizard wizard;
    private Stage stage;

    @BeforeAll
    static void buildWorld() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5");
        w.serve("example.org", 443).serve("matrix.example.org", 443).serve("203.0.113.5", 8448,
                "matrix.example.org").serve("calls.example.org", 443);
        w.https().route("example.org", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.org:8448\"}"));
        w.https().route("example.org", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"},\"org.matrix.msc4143.rtc_foci\":"
                        + "[{\"type\":\"livekit\",\"livekit_service_url\":\"https://calls.example.org\"}]}")
                .withCors());
        var homeserver = w.homeserver("example.org");
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installClient(w.https(), "matrix.example.org");
        new ModernHomeserver().flags(ModernHomeserver.RTC, ModernHomeserver.DELAYED_EVENTS)
                .transports(ModernHomeserver.Transports.ROUTED).auth(ModernHomeserver.Auth.VALID)
                .issuer("https://auth.example.org/").install(w.https(), "matrix.example.org");
        JwtServiceStub.install(w.https(), "calls.example.org", "", JwtServiceStub.Mode.NO_CORS);
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
                && robot.lookup("#app-element-x").tryQuery().isPresent());
        robot.interact(() -> {
            Node apps = robot.lookup("#check-apps").query();
            ScrollPane page = pageScroll(apps);
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = apps.localToScene(0, 0).getY() - page.getContent().localToScene(0, 0).getY();
            page.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 40) / (contentHeight
                    - viewport))));
        });
        snap(robot, out, "apps-summary-light");
        robot.interact(() -> {
            Node diagram = robot.lookup("#check-diagram").query();
            ScrollPane page = pageScroll(diagram);
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = diagram.localToScene(0, 0).getY() - page.getContent().localToScene(0, 0).getY();
            // The diagram's top at the page's top: the whole diagram is as tall as the page shows.
            page.setVvalue(Math.min(1, Math.max(0, y / Math.max(1, contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            // The diagram's own scroll pane: the apps lane from its title down. Its very bottom (as before) is not
            // that: the lane is taller than the chain's viewport at 980x720, and its title went out of sight.
            Node diagram = robot.lookup("#check-diagram").query();
            ScrollPane chain = chainScroll(robot, diagram);
            Node content = chain.getContent();
            double laneTop = content.sceneToLocal(inScene(robot.from(diagram).lookup("#lane-apps").query())).getMinY();
            double extra = content.getLayoutBounds().getHeight() - chain.getViewportBounds().getHeight();
            chain.setHvalue(0);
            chain.setVvalue(extra <= 0 ? 0 : Math.min(1, Math.max(0, (laneTop - 6) / extra)));
        });
        snap(robot, out, "apps-lane-light");
        assertAppsLaneTitleInSight(robot, "light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snap(robot, out, "apps-lane-dark");
        assertAppsLaneTitleInSight(robot, "dark");
        robot.interact(() -> {
            Node apps = robot.lookup("#check-apps").query();
            ScrollPane page = pageScroll(apps);
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = apps.localToScene(0, 0).getY() - page.getContent().localToScene(0, 0).getY();
            page.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 40) / (contentHeight
                    - viewport))));
        });
        snap(robot, out, "apps-summary-dark");
        assertThat(Files.size(out.resolve("apps-summary-dark.png"))).isPositive();
    }

    /** The hosting page with "Calls and sign-in" open and filled in, light and dark. */
    @Test
    void hostingScreenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        robot.interact(() -> robot.lookup("#start-set-up").queryAs(ButtonBase.class).fire());
        robot.interact(() -> robot.lookup("#identity-server-name").queryAs(TextField.class).setText("example.org"));
        robot.interact(() -> robot.lookup("#next").queryAs(ButtonBase.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hosting-calls").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#hosting-calls").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#hosting-call-service").queryAs(TextField.class)
                    .setText("https://rtc.example.org/livekit/jwt");
            robot.lookup("#hosting-auth-issuer").queryAs(TextField.class).setText("https://auth.example.org/");
        });
        // The settings are shared with the test before, which ends in the dark theme.
        robot.interact(() -> wizard.theme().darkProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Node section = robot.lookup("#hosting-calls").query();
            ScrollPane page = pageScroll(section);
            page.layout();
            double contentHeight = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double bottom = section.localToScene(0, section.getBoundsInLocal().getHeight()).getY()
                    - page.getContent().localToScene(0, 0).getY();
            page.setVvalue(contentHeight <= viewport ? 0
                    : Math.min(1, Math.max(0, (bottom + 12 - viewport) / (contentHeight - viewport))));
        });
        snap(robot, out, "hosting-calls-light");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snap(robot, out, "hosting-calls-dark");
        assertThat(Files.size(out.resolve("hosting-calls-dark.png"))).isPositive();
    }

    /**
     * The picture is of the apps lane: its title must be on screen, inside the chain's viewport and clear of the
     * root-cause banner above it (scrolled out under the banner, the lane looked covered by it).
     */
    private static void assertAppsLaneTitleInSight(FxRobot robot, String theme) {
        WaitForAsyncUtils.waitForFxEvents();
        Node diagram = robot.lookup("#check-diagram").query();
        Bounds title = inScene(robot.from(diagram).lookup("#lane-apps-title").query());
        Bounds banner = inScene(robot.from(diagram).lookup("#chain-root-cause").query());
        Bounds viewport = inScene(chainScroll(robot, diagram).lookup(".viewport"));
        assertThat(title.intersects(banner)).as("%s: apps lane title %s under the banner %s", theme, title, banner)
                .isFalse();
        assertThat(viewport.contains(title)).as("%s: apps lane title %s inside the chain's viewport %s", theme,
                title, viewport).isTrue();
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /** The diagram's own scroll pane, the one holding the drawing. */
    private static ScrollPane chainScroll(FxRobot robot, Node diagram) {
        return robot.from(diagram).lookup(".scroll-pane").queryAllAs(ScrollPane.class).stream()
                .filter(scroll -> scroll.getContent() instanceof javafx.scene.Group).findFirst().orElseThrow();
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
