package dev.signpost.ui.chain;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.HtmlReport;
import dev.signpost.core.report.MarkdownReport;
import dev.signpost.core.report.ReportDiff;
import dev.signpost.core.report.SvgChain;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report made by the real engine against the test kit's DNS and HTTPS servers (well-known + SRV, one IPv4
 * address that works and one IPv6 address that refuses connections), drawn live by the diagram and written by
 * every exporter.
 */
@ExtendWith(ApplicationExtension.class)
class RealReportRenderingTest {

    private ChainDiagram diagram;

    @Start
    void start(Stage stage) {
        diagram = new ChainDiagram(Locale.ENGLISH);
        // Every hop gets its own box, so each can be compared with the report.
        diagram.setCollapsed(false);
        stage.setScene(new Scene(diagram, 1200, 700));
        stage.show();
    }

    @Test
    void aRealCheckIsDrawnLiveAndExportedWithTheBrokenIpv6AddressVisible(FxRobot robot) throws Exception {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.matrix.example.com", 10, 0, 8448, "matrix.example.com")
                    .a("matrix.example.com", "203.0.113.5")
                    .aaaa("matrix.example.com", "2001:db8::5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "matrix.example.com");
            // Port 1 on loopback refuses connections: the IPv6 way in is broken, the classic split.
            w.resolve("2001:db8::5", 8448, "127.0.0.1:1");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");

            DiscoveryEngine engine = DiscoveryEngine.create(w.netOptions(Duration.ofSeconds(4)), Locale.ENGLISH);
            CheckRun run = engine.start("example.com", diagram.liveListener());
            Report report = run.result().get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();

            // The live diagram ends showing exactly the report's hops, in the report's order and states.
            assertThat(diagram.hops()).extracting(Hop::id)
                    .containsExactlyInAnyOrderElementsOf(report.hops().stream().map(Hop::id).toList());
            for (Hop hop : report.hops()) {
                assertThat(diagram.nodeFor(hop.id()).orElseThrow().getStyleClass())
                        .contains("status-" + hop.status().name().toLowerCase(Locale.ROOT));
            }

            ChainLayout layout = ChainLayout.of(report);
            List<ChainLayout.NodeBox> boxes = layout.nodes();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(boxes.get(i).overlaps(boxes.get(j))).isFalse();
                }
            }
            assertThat(boxes).filteredOn(b -> b.hop().kind() == HopKind.ADDRESS)
                    .extracting(ChainLayout.NodeBox::family)
                    .contains(ChainLayout.AddressFamily.IPV4, ChainLayout.AddressFamily.IPV6);
            assertThat(boxes).as("a hop of the IPv6 path failed")
                    .anyMatch(b -> b.family() == ChainLayout.AddressFamily.IPV6 && b.hop().status() == Status.FAIL);
            assertThat(boxes).as("the IPv4 path reached the homeserver")
                    .anyMatch(b -> b.family() == ChainLayout.AddressFamily.IPV4
                            && b.hop().kind() == HopKind.FEDERATION_VERSION && b.hop().status() == Status.PASS);

            String html = HtmlReport.write(report, Locale.ENGLISH);
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            String text = doc.getDocumentElement().getTextContent();
            for (Hop hop : report.hops()) {
                assertThat(text).contains(hop.label());
            }
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(SvgChain.write(report).getBytes(StandardCharsets.UTF_8)));
            assertThat(MarkdownReport.write(report, Locale.GERMAN)).contains("2001:db8::5", "❌");
            assertThat(ReportDiff.compare(report, report).same()).isTrue();

            if (Boolean.getBoolean("signpost.screenshots")) {
                robot.interact(() -> {
                    diagram.exportPng(java.nio.file.Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"),
                            "chain-real-ipv6-broken.png")).join();
                });
            }
        }
    }
}
