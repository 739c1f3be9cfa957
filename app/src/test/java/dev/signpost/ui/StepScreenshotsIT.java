package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHttpsServer;
import dev.signpost.testkit.TestWorld;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not a test but the tool that makes {@code docs/screenshots/step-*.png} from the real wizard, headless:
 * {@code ./mvnw -B -o -pl app test -Pscreenshots}. The live check and
 * the verify page run the real discovery engine against the test kit's local DNS and HTTPS servers: first a
 * delegation whose IPv6 address shows a wrong-name certificate and whose client well-known lacks CORS, then the
 * same delegation fixed.
 */
@ExtendWith(ApplicationExtension.class)
class StepScreenshotsIT {

    @TempDir
    static Path settingsDir;

    private Wizard wizard;
    private Stage stage;

    private static final String SERVER_WELL_KNOWN = "{\"m.server\":\"matrix.example.org:8448\"}";
    private static final String CLIENT_WELL_KNOWN =
            "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"}}";

    private static TestWorld before;
    private static TestWorld after;

    /** The world the wizard's checks currently see: {@link #before} for the live check, {@link #after} to verify. */
    private final AtomicReference<Discovery> current = new AtomicReference<>();

    @BeforeAll
    static void buildWorlds() {
        before = brokenWorld();
        after = healthyWorld();
    }

    @AfterAll
    static void closeWorlds() {
        before.close();
        after.close();
    }

    /**
     * example.org delegates to matrix.example.org:8448, which has an IPv4 and an IPv6 address; the IPv6 one
     * answers with a certificate for another name, and the client well-known has no CORS header.
     */
    private static TestWorld brokenWorld() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5").aaaa("matrix.example.org", "2001:db8::5");
        w.serve("example.org", 443).serve("matrix.example.org", 443)
                .serve("203.0.113.5", 8448, "matrix.example.org");
        // The IPv6 way in is a second server that only has a certificate for some other name.
        TestHttpsServer wrongName = w.newHttpsServer("127.0.0.1", w.ca().wrongNameLeaf());
        w.resolve("2001:db8::5", 8448, wrongName.hostPort());
        w.https().route("example.org", "/.well-known/matrix/server", Response.json(SERVER_WELL_KNOWN));
        w.https().route("example.org", "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN));
        var homeserver = w.homeserver("example.org");
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installFederation(wrongName, "*");
        homeserver.installClient(w.https(), "matrix.example.org");
        return w;
    }

    /** The same delegation after the fix: both addresses present the right certificate, CORS is sent. */
    private static TestWorld healthyWorld() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5").aaaa("matrix.example.org", "2001:db8::5");
        w.serve("example.org", 443).serve("matrix.example.org", 443)
                .serve("203.0.113.5", 8448, "matrix.example.org").serve("2001:db8::5", 8448, "matrix.example.org");
        w.https().route("example.org", "/.well-known/matrix/server", Response.json(SERVER_WELL_KNOWN));
        w.https().route("example.org", "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN).withCors());
        var homeserver = w.homeserver("example.org");
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installClient(w.https(), "matrix.example.org");
        return w;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        current.set(WizardFixture.engineOn(before));
        // The real engine, generator and report formats, so every page shows what users get.
        wizard = new Wizard(WizardFixture.realDeps(settingsDir, current::get));
        wizard.show(stage);
        // The window's default size: what a new user sees first.
        stage.setWidth(980);
        stage.setHeight(720);
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        snap(robot, out, "step-1-start");
        press(robot, "#start-set-up");
        robot.interact(() -> robot.lookup("#identity-server-name").queryAs(TextField.class).setText("matrix.example.org"));
        snap(robot, out, "step-2-identity-question");
        press(robot, "#identity-use-suggestion");
        snap(robot, out, "step-2-identity");
        press(robot, "#next");
        snap(robot, out, "step-3-hosting");
        press(robot, "#next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-4-check");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snap(robot, out, "step-4-check-dark");
        robot.interact(() -> wizard.theme().darkProperty().set(false));
        press(robot, "#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-5-files");
        press(robot, "#next");
        press(robot, "#deploy-placed");
        snap(robot, out, "step-6-deploy");
        press(robot, "#deploy-ssh");
        robot.interact(() -> {
            robot.lookup("#deploy-ssh-host").queryAs(TextField.class).setText("web.example.org");
            robot.lookup("#deploy-ssh-after").queryAs(TextField.class).setText("sudo systemctl reload nginx");
        });
        snap(robot, out, "step-6-deploy-ssh");
        press(robot, "#deploy-manual");
        current.set(WizardFixture.engineOn(after));
        press(robot, "#next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-7-verify");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        snap(robot, out, "step-7-verify-dark");
        robot.interact(() -> wizard.theme().darkProperty().set(false));
        // The chain as it was before the fix, from the comparison's toggle.
        press(robot, "#comparison-before");
        snap(robot, out, "step-7-verify-before");
        press(robot, "#comparison-after");
        press(robot, "#next");
        snap(robot, out, "step-8-done");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        robot.interact(() -> wizard.navigator().jumpTo(2));
        snap(robot, out, "dark-hosting");
        robot.interact(() -> {
            wizard.theme().darkProperty().set(false);
            wizard.textSize().percentProperty().set(200);
        });
        // ControlsFX wrapped the scene's root in its decoration pane during the walk: the size must still apply.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#next").queryButton().getFont().getSize() == 26.0);
        snap(robot, out, "large-text-hosting");
    }

    /**
     * Fires a button instead of clicking it: quicker and immune to where the headless screen puts the window.
     */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> {
            ButtonBase button = robot.lookup(id).queryAs(ButtonBase.class);
            button.requestFocus();
            button.fire();
        });
    }

    private void snap(FxRobot robot, Path out, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name + ".png").toFile());
    }
}
