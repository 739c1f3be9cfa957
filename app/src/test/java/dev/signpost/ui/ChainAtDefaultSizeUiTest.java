package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainFindings;
import dev.signpost.testkit.Await;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.chain.ChainDiagram;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user sees on the live check at the window's default size (980×720) and at 1280×800, for each broken
 * world of the test kit checked by the real engine: the banner names the first broken hop, that hop's box and its
 * fix are on screen without scrolling or zooming, and no text of the chain is smaller than 11 px.
 */
class ChainAtDefaultSizeUiTest extends WizardUiTestBase {

    private static final double MIN_FONT_PX = 11;
    private static final int[][] SIZES = {{980, 720}, {1280, 800}};

    private static TestWorld wrongCertificate;
    private static TestWorld noDelegation;
    private static TestWorld missingCors;
    private static TestWorld srvNowhere;
    private final AtomicReference<TestWorld> current = new AtomicReference<>();

    @BeforeAll
    static void buildWorlds() {
        wrongCertificate = BrokenWorlds.wrongCertificateOnOneAddress();
        noDelegation = BrokenWorlds.noDelegation();
        missingCors = BrokenWorlds.missingCors();
        srvNowhere = BrokenWorlds.srvPointingNowhere();
    }

    @AfterAll
    static void closeWorlds() {
        for (TestWorld w : List.of(wrongCertificate, noDelegation, missingCors, srvNowhere)) {
            w.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** The text size the window is opened with (1 = normal); the diagram's default zoom follows it. */
    protected double textScale() {
        return 1.0;
    }

    /** The window sizes checked, width and height. */
    protected int[][] sizes() {
        return SIZES;
    }

    /** Prefix of the snapshot files. */
    protected String snapshotPrefix() {
        return "";
    }

    @Override
    protected Discovery discovery() {
        Locale locale = locale();
        return (domain, listener) -> engineFor(current.get(), locale).start(domain, listener);
    }

    private static Discovery engineFor(TestWorld world, Locale locale) {
        try {
            return new DiscoveryEngine(world.netOptions(Duration.ofSeconds(5)), locale, WizardFixture.EXECUTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void wrongCertificateOnOneAddress(FxRobot robot) throws Exception {
        Hop broken = checkAndShow(robot, wrongCertificate, "wrong-certificate");
        assertThat(broken.status()).isEqualTo(Status.FAIL);
        assertThat(broken.id()).contains("2001:db8::5");
    }

    @Test
    void noDelegation(FxRobot robot) throws Exception {
        assertThat(checkAndShow(robot, noDelegation, "no-delegation").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void missingCors(FxRobot robot) throws Exception {
        Hop warned = checkAndShow(robot, missingCors, "missing-cors");
        assertThat(warned.status()).isEqualTo(Status.WARN);
        assertThat(warned.id()).startsWith("client.");
    }

    @Test
    void srvPointingNowhere(FxRobot robot) throws Exception {
        assertThat(checkAndShow(robot, srvNowhere, "srv-nowhere").status()).isEqualTo(Status.FAIL);
    }

    /** Runs the check on {@code world} and asserts what the class promises at every size; the broken hop. */
    private Hop checkAndShow(FxRobot robot, TestWorld world, String name) throws Exception {
        current.set(world);
        robot.interact(() -> {
            stage.setWidth(sizes()[0][0]);
            stage.setHeight(sizes()[0][1]);
        });
        fill(robot, "#start-domain", BrokenWorlds.DOMAIN);
        robot.interact(() -> robot.lookup("#start-check").queryButton().fire());
        waitUntilIdle();
        Report report = wizard.session().firstReportProperty().get();
        assertThat(report).isNotNull();
        ChainFindings.RootCause expected = ChainFindings.rootCause(report.hops(), report.checks()).orElseThrow();
        String fix = ChainFindings.fixes(report.hops(), report.checks()).get(expected.hop().id());
        assertThat(fix).as("the broken hop has a fix").isNotBlank();
        for (int[] size : sizes()) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            ChainDiagram diagram = robot.lookup("#check-diagram").queryAs(ChainDiagram.class);
            String at = name + " at " + size[0] + "×" + size[1];
            assertThat(diagram.rootCauseBanner().lookup(".banner-title").getScene().getRoot().getStyle())
                    .as(at + ": the window's text size").contains(String.format(Locale.ROOT, "%.1fpx", 13 * textScale()));
            // Larger text zooms the drawing, down to 100 % where the window is too narrow for more.
            assertThat(diagram.getZoom()).as(at + ": default zoom follows the text size")
                    .isBetween(1.0, textScale());
            AtomicReference<Node> found = new AtomicReference<>();
            robot.interact(() -> found.set(diagram.nodeFor(expected.hop().id()).orElseThrow()));
            Node box = found.get();
            Text fixLine = (Text) box.lookup(".node-fix");
            assertThat(fixLine).as(at + ": fix written in the box").isNotNull();
            Node banner = diagram.rootCauseBanner();
            // What a user sees once the window has settled: the diagram scrolls after the layout passes that follow
            // the check and the resize, and how many there are depends on the machine's speed.
            Await.holdsWithin(Duration.ofSeconds(10), () -> onFxThread(robot, () -> onScreen(box) && onScreen(fixLine)
                    && onScreen(banner)));
            snapshot(robot, snapshotPrefix() + name + "-" + size[0]);
            String shown = fixLine.getText().substring(fixLine.getText().indexOf(": ") + 2).replace("…", "");
            assertThat(fix).startsWith(shown);
            assertThat(onScreen(box)).as(at + ": the broken hop's box is on screen").isTrue();
            assertThat(onScreen(fixLine)).as(at + ": its fix is on screen").isTrue();
            assertThat(banner.isVisible()).as(at + ": the banner is shown").isTrue();
            assertThat(onScreen(banner)).as(at + ": the banner is on screen").isTrue();
            assertThat(((Labeled) banner.lookup(".banner-title")).getText()).as(at)
                    .contains(expected.hop().label());
            assertThat(smallestFont(diagram)).as(at + ": smallest text in px").isGreaterThanOrEqualTo(MIN_FONT_PX);
        }
        return expected.hop();
    }

    private static boolean onFxThread(FxRobot robot, BooleanSupplier condition) {
        AtomicReference<Boolean> result = new AtomicReference<>(false);
        robot.interact(() -> result.set(condition.getAsBoolean()));
        return result.get();
    }

    /** True when the node lies wholly inside the window and inside every scroll pane around it. */
    private boolean onScreen(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        Bounds window = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        if (!contains(window, bounds)) {
            return false;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll) {
                Node viewport = scroll.lookup(".viewport");
                if (viewport != null && !contains(viewport.localToScene(viewport.getBoundsInLocal()), bounds)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    /** The smallest text on screen in the diagram, in screen pixels (font size times zoom). */
    static double smallestFont(Node root) {
        List<Double> sizes = new ArrayList<>();
        collectFonts(root, sizes);
        return sizes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.MAX_VALUE);
    }

    private static void collectFonts(Node node, List<Double> sizes) {
        if (!node.isVisible()) {
            return;
        }
        double scale = node.getLocalToSceneTransform().getMxx();
        if (node instanceof Text text && !text.getText().isBlank()) {
            sizes.add(text.getFont().getSize() * scale);
        } else if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            sizes.add(labeled.getFont().getSize() * scale);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectFonts(child, sizes));
        }
    }

    private void snapshot(FxRobot robot, String name) throws IOException {
        String dir = System.getProperty("chain.snapshots");
        if (dir == null) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                Path.of(dir, name + ".png").toFile());
    }
}
