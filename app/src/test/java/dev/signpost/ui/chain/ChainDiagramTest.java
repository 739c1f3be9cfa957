package dev.signpost.ui.chain;

import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainFixtures;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ChainDiagramTest {

    private ChainDiagram diagram;

    @Start
    void start(Stage stage) {
        diagram = new ChainDiagram(Locale.ENGLISH);
        stage.setScene(new Scene(diagram, 1100, 700));
        stage.show();
    }

    @Test
    void rendersEveryResolutionBranchWithOneFocusableDescribedBoxPerHop(FxRobot robot) {
        for (FederationMethod method : FederationMethod.values()) {
            Report report = ChainFixtures.build(new ChainFixtures.Shape(method,
                    List.of("203.0.113.5", "2001:db8::5"), -1, false, false, true));
            robot.interact(() -> {
                diagram.setCollapsed(false);
                diagram.setReport(report);
            });
            Set<Node> nodes = robot.lookup(".chain-node").queryAll();
            assertThat(nodes).as(method.name()).hasSize(report.hops().size());
            for (Hop hop : report.hops()) {
                Node view = diagram.nodeFor(hop.id()).orElseThrow();
                assertThat(view.isFocusTraversable()).isTrue();
                assertThat(view.getAccessibleText()).contains(hop.label());
                assertThat(view.getStyleClass()).contains("status-" + hop.status().name().toLowerCase(Locale.ROOT));
                assertThat(view.getStyleClass().contains("not-taken")).isEqualTo(!hop.taken());
            }
            assertThat(robot.lookup(".chain-edge").queryAll()).hasSize(
                    (int) report.hops().stream().filter(h -> h.parentId() != null).count());
        }
    }

    @Test
    void clickingABrokenHopOpensItsDetailsWithCertificateAndFix(FxRobot robot) {
        Report report = EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION);
        robot.interact(() -> {
            diagram.setCollapsed(false);
            diagram.setReport(report);
            diagram.setZoom(1);
        });
        String tlsId = "fed.tls.203.0.113.5";
        robot.interact(() -> diagram.nodeFor(tlsId).orElseThrow().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(diagram.nodeFor(tlsId).orElseThrow());
        assertThat(diagram.getRight()).isSameAs(diagram.detailsPane());
        assertThat(diagram.selectedHopProperty().get().id()).isEqualTo(tlsId);
        String details = diagram.detailsPane().plainText();
        assertThat(details).contains("The certificate is not valid for matrix.example.com",
                "wrong-name.invalid", "SHA-256 fingerprint: 03:03:03", "Valid until: 2027-02-17 10:00:00 UTC",
                "Fix: Get a certificate that includes matrix.example.com");
        assertThat(diagram.tooltipText(report.hop(tlsId).orElseThrow()))
                .contains("The certificate is not valid for matrix.example.com", "Fix: Get a certificate");

        robot.interact(() -> diagram.nodeFor("fed.well-known").orElseThrow().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(diagram.detailsPane().plainText())
                .contains("Request: GET https://example.com/.well-known/matrix/server", "Status: HTTP/1.1 200 OK",
                        "Content-Type: application/json", "\"m.server\" : \"matrix.example.com:443\"");
        robot.type(KeyCode.ESCAPE);
        assertThat(diagram.getRight()).isNull();
    }

    @Test
    void arrowKeysWalkTheChain(FxRobot robot) {
        robot.interact(() -> {
            diagram.setCollapsed(false);
            diagram.setReport(ChainFixtures.healthy());
        });
        robot.interact(() -> diagram.nodeFor("fed.server-name").orElseThrow().requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(focusedHopId(robot)).isEqualTo("fed.well-known");
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT);
        assertThat(focusedHopId(robot)).isEqualTo("fed.target");
        robot.type(KeyCode.RIGHT);
        assertThat(focusedHopId(robot)).isEqualTo("fed.addr.203.0.113.5");
        // Down walks the rows top to bottom: the address's own TLS hop is right below it.
        robot.type(KeyCode.DOWN);
        assertThat(focusedHopId(robot)).startsWith("fed.tls.203.0.113.5");
        robot.type(KeyCode.UP, KeyCode.LEFT);
        assertThat(focusedHopId(robot)).isEqualTo("fed.target");
        robot.type(KeyCode.TAB);
        assertThat(focusedHopId(robot)).isNotNull().isNotEqualTo("fed.target");
    }

    @Test
    void liveUpdatesAddBoxesInArrivalOrderAndReplaceById(FxRobot robot) {
        Report report = EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION);
        robot.interact(() -> {
            diagram.clear();
            diagram.setCollapsed(false);
        });
        assertThat(robot.lookup(".chain-empty").queryAll()).hasSize(1);
        int count = 0;
        for (Hop hop : report.hops()) {
            Hop running = hop.withOutcome(Status.RUNNING, null, List.of(), null);
            robot.interact(() -> diagram.update(running));
            count++;
            assertThat(robot.lookup(".chain-node").queryAll()).hasSize(count);
            assertThat(diagram.nodeFor(hop.id()).orElseThrow().getStyleClass()).contains("status-running");
        }
        for (Hop hop : report.hops()) {
            robot.interact(() -> diagram.update(hop));
        }
        assertThat(robot.lookup(".chain-node").queryAll()).hasSize(report.hops().size());
        assertThat(diagram.hops()).extracting(Hop::id)
                .containsExactlyElementsOf(report.hops().stream().map(Hop::id).toList());
        assertThat(diagram.nodeFor("fed.tls.2001:db8::5").orElseThrow().getStyleClass())
                .contains("status-fail").doesNotContain("status-running");
        assertThat(robot.lookup(".chain-empty").queryAll()).isEmpty();
    }

    @Test
    void theLiveListenerHandsEventsToTheFxThread(FxRobot robot) throws Exception {
        robot.interact(() -> {
            diagram.clear();
            diagram.setCollapsed(false);
        });
        int before = diagram.rebuildCount();
        var listener = diagram.liveListener();
        Report report = EngineFixtures.report(FixtureWorld.HEALTHY);
        // Called from a non-FX thread, as the engine does.
        var engineThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            engineThread.submit(() -> report.hops().forEach(listener::onHop)).get();
        } finally {
            engineThread.shutdownNow();
        }
        report.checks().forEach(listener::onCheck);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(diagram.hops()).extracting(Hop::id)
                .containsExactlyElementsOf(report.hops().stream().map(Hop::id).toList());
        assertThat(diagram.checksFor("client.well-known")).isNotEmpty();
        assertThat(robot.lookup(".chain-node").queryAll()).hasSize(report.hops().size());
        // A burst from the engine thread costs a layout per batch, not one per event. How many batches a burst
        // makes depends on how the threads are scheduled, so the bound is relative to the events, not absolute.
        int events = report.hops().size() + report.checks().size();
        assertThat(diagram.rebuildCount() - before).isLessThanOrEqualTo(events / 2);
    }

    @Test
    void pngExportIsTwiceTheDrawingSizeAndShowsTheBrokenHopInRed(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Report report = EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION);
        robot.interact(() -> diagram.setReport(report));
        Path file = dir.resolve("chain.png");
        AtomicReference<String> writer = new AtomicReference<>();
        AtomicReference<java.util.concurrent.CompletableFuture<Path>> done = new AtomicReference<>();
        robot.interact(() -> {
            diagram.setWorker(command -> dev.signpost.ui.WizardFixture.EXECUTOR.execute(() -> {
                writer.set(Thread.currentThread().getName());
                command.run();
            }));
            done.set(diagram.exportPng(file));
        });
        assertThat(done.get().get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(file);
        assertThat(writer.get()).as("encoded and written off the FX thread").startsWith("test-ui");
        BufferedImage image = ImageIO.read(file.toFile());
        // Exports keep the whole chain, nothing folded, with each broken hop's fix.
        ChainLayout layout = diagram.exportLayout();
        assertThat(layout.folds()).isEmpty();
        assertThat(layout.nodes()).hasSize(report.hops().size());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(layout.width() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(layout.height() * 2));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
        ChainLayout.NodeBox tls = layout.node("fed.tls.203.0.113.5").orElseThrow();
        int rgb = image.getRGB((int) ((tls.x() + 8) * 2), (int) ((tls.bottom() - 6) * 2));
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        assertThat(red - green).as("failed box is tinted red").isGreaterThan(12);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void svgExportIsWellFormed(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> diagram.setReport(EngineFixtures.report(FixtureWorld.CLIENT_WITHOUT_CORS)));
        Path file = dir.resolve("chain.svg");
        AtomicReference<java.util.concurrent.CompletableFuture<Path>> done = new AtomicReference<>();
        robot.interact(() -> done.set(diagram.exportSvg(file)));
        done.get().get(20, java.util.concurrent.TimeUnit.SECONDS);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void startsAtFullSizeFilledToTheWidthAndFitShowsTheWholeChain(FxRobot robot) {
        Report big = ChainFixtures.build(new ChainFixtures.Shape(FederationMethod.SRV_MATRIX_FED,
                java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "203.0.113." + i).toList(), -1, true,
                false, true));
        robot.interact(() -> {
            diagram.clear();
            diagram.setCollapsed(false);
            diagram.setReport(big);
        });
        assertThat(diagram.getZoom()).isEqualTo(1.0);
        javafx.geometry.Bounds viewport = ((javafx.scene.control.ScrollPane) diagram.viewportNode())
                .getViewportBounds();
        // Laid out to the window's width: nothing to scroll sideways.
        assertThat(diagram.layoutResult().width()).isLessThanOrEqualTo(viewport.getWidth() + 0.5);
        assertThat(diagram.layoutResult().height()).isGreaterThan(viewport.getHeight());
        robot.interact(() -> diagram.fitToWindow());
        assertThat(diagram.layoutResult().height() * diagram.getZoom())
                .isLessThanOrEqualTo(viewport.getHeight() + 1);
        robot.interact(() -> diagram.setZoom(10));
        assertThat(diagram.getZoom()).isEqualTo(ChainDiagram.MAX_ZOOM);
        robot.interact(() -> diagram.setDark(true));
        assertThat(diagram.getStyleClass()).contains("dark");
    }

    @Test
    void comparisonMarksChangedHopsAndListsChanges(FxRobot robot) {
        AtomicReference<ChainComparison> comparison = new AtomicReference<>();
        Report before = EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION);
        Report after = EngineFixtures.report(FixtureWorld.FIXED_DELEGATION);
        robot.interact(() -> {
            ChainComparison view = new ChainComparison(Locale.GERMAN);
            diagram.getScene().setRoot(view);
            view.after().setCollapsed(false);
            view.setReports(before, after);
            comparison.set(view);
        });
        ChainComparison view = comparison.get();
        Node changed = view.after().nodeFor("fed.tls.203.0.113.5").orElseThrow();
        assertThat(changed.getStyleClass()).contains("changed", "status-pass");
        assertThat(((javafx.scene.text.Text) changed.lookup(".change-badge")).getText()).isEqualTo("vorher Fehler");
        assertThat(view.after().isVisible()).isTrue();
        assertThat(view.before().isVisible()).isFalse();
        robot.interact(() -> view.showBefore(true));
        assertThat(view.before().isVisible()).isTrue();
        assertThat(view.after().nodeFor("fed.server-name").orElseThrow().getStyleClass()).doesNotContain("changed");
        assertThat(view.before().nodeFor("fed.tls.203.0.113.5").orElseThrow().getStyleClass())
                .contains("status-fail");
        // In words, not ids: which TLS hop (through which address), and what it was.
        assertThat(view.changesText()).contains("(über IPv4 203.0.113.5)", "Fehler → Bestanden")
                .doesNotContain("fed.tls", "federation.tls");
    }

    @Test
    void chainMessagesHaveTheSameKeysInEnglishAndGerman() throws Exception {
        Properties en = new Properties();
        Properties de = new Properties();
        try (var a = getClass().getResourceAsStream("/dev/signpost/ui/chain/messages.properties");
             var b = getClass().getResourceAsStream("/dev/signpost/ui/chain/messages_de.properties")) {
            en.load(new InputStreamReader(a, StandardCharsets.UTF_8));
            de.load(new InputStreamReader(b, StandardCharsets.UTF_8));
        }
        assertThat(de.keySet()).isEqualTo(en.keySet());
    }

    private String focusedHopId(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = diagram.getScene().getFocusOwner();
        return focused instanceof ChainNodeView view ? view.hop().id() : null;
    }
}
