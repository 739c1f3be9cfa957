package dev.signpost.core.report;

import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReportExportsTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void htmlOfBrokenDelegationMatchesGoldenFile() throws Exception {
        Golden.assertMatches("broken-delegation.en.html",
                HtmlReport.write(EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION), Locale.ENGLISH));
    }

    @Test
    void htmlOfHealthyReportInGermanMatchesGoldenFile() throws Exception {
        Golden.assertMatches("healthy.de.html", HtmlReport.write(EngineFixtures.report(FixtureWorld.HEALTHY), Locale.GERMAN));
    }

    @Test
    void markdownOfBrokenDelegationMatchesGoldenFile() throws Exception {
        Golden.assertMatches("broken-delegation.en.md",
                MarkdownReport.write(EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION), Locale.ENGLISH));
    }

    @Test
    void markdownOfCorsFailureInGermanMatchesGoldenFile() throws Exception {
        Golden.assertMatches("client-cors.de.md", MarkdownReport.write(EngineFixtures.report(FixtureWorld.CLIENT_WITHOUT_CORS),
                Locale.GERMAN));
    }

    @Test
    void htmlIsWellFormedXhtmlWithEveryHopAndCheckAndTheChainInline() throws Exception {
        for (Report report : List.of(EngineFixtures.report(FixtureWorld.HEALTHY), EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION),
                EngineFixtures.report(FixtureWorld.SIX_ADDRESSES), EngineFixtures.report(FixtureWorld.CLIENT_WITHOUT_CORS))) {
            String html = HtmlReport.write(report, Locale.ENGLISH);
            Document doc = parse(html);
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
            String hopsText = byId(doc, "hops").getTextContent();
            for (Hop hop : report.hops()) {
                assertThat(hopsText).contains(hop.label());
            }
            String checksText = byId(doc, "checks").getTextContent();
            for (Check check : report.checks()) {
                assertThat(checksText).contains(check.id(), check.summary());
            }
            NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
            assertThat(svgs.getLength()).isEqualTo(1);
            assertThat(nodeGroups((Element) svgs.item(0))).hasSize(report.hops().size());
            // Self-contained: no external resources.
            assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link", "<script");
        }
    }

    @Test
    void htmlPutsFailuresFirstWithTheirFixAndOpensFailedHops() throws Exception {
        Report report = EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION);
        Document doc = parse(HtmlReport.write(report, Locale.ENGLISH));
        String problems = byId(doc, "problems").getTextContent();
        assertThat(problems).contains("The certificate is not valid for matrix.example.com",
                "Fix: Get a certificate that includes matrix.example.com");
        NodeList details = doc.getElementsByTagNameNS(XHTML, "details");
        List<String> open = new java.util.ArrayList<>();
        for (int i = 0; i < details.getLength(); i++) {
            Element detail = (Element) details.item(i);
            if (detail.hasAttribute("open")) {
                open.add(detail.getTextContent());
            }
        }
        List<Hop> failed = report.hops().stream().filter(h -> h.status() == Status.FAIL).toList();
        assertThat(failed).extracting(Hop::id).contains("fed.tls.203.0.113.5", "fed.tls.2001:db8::5");
        assertThat(open).as("one open <details> per failed hop, none for the others").hasSameSizeAs(failed);
    }

    @Test
    void everythingFromTheServerIsEscapedInHtmlSvgAndMarkdown() throws Exception {
        String nasty = "<script>alert('x')</script> & ]]> \u0001 | `tick` *bold*";
        Report report = hostile(nasty);
        Document doc = parse(HtmlReport.write(report, Locale.ENGLISH));
        assertThat(doc.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & ]]>");
        Document svg = parse(SvgChain.write(report));
        assertThat(nodeGroups(svg.getDocumentElement())).hasSize(report.hops().size());
        String md = MarkdownReport.write(report, Locale.ENGLISH);
        // Outside code spans and fences, markup characters are escaped; inside them Markdown shows text literally.
        assertThat(md.lines().findFirst().orElseThrow()).doesNotContain("<script>").contains("\\<script\\>");
        // A table row must not gain cells from a pipe in a summary.
        String row = md.lines().filter(l -> l.startsWith("| ") && l.contains("`hostile.check`")).findFirst().orElseThrow();
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5);
    }

    @Test
    void svgIsWellFormedWithOneBoxPerHopAndTheStatusShownByShape() throws Exception {
        Report report = EngineFixtures.report(FixtureWorld.SIX_ADDRESSES);
        Document doc = parse(SvgChain.write(report));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        List<Element> nodes = nodeGroups(root);
        assertThat(nodes).hasSize(report.hops().size());
        Element failed = nodes.stream().filter(n -> n.getAttribute("data-hop").equals("fed.tls.2001:db8::6"))
                .findFirst().orElseThrow();
        assertThat(failed.getAttribute("class")).contains("st-fail");
        String badge = ((Element) failed.getElementsByTagNameNS(SVG, "path").item(1)).getAttribute("d");
        assertThat(badge).isEqualTo(ChainIcons.badgeShape(Status.FAIL));
        assertThat(nodes).filteredOn(n -> n.getAttribute("class").contains("not-taken")).isNotEmpty();
        assertThat(root.getTextContent()).contains("IPv4", "IPv6");
        assertThat(Double.parseDouble(root.getAttribute("width")))
                .isEqualTo(Math.round(ChainLayout.of(report).width() * 10) / 10.0);
    }

    @Test
    void exportBundlesHaveTheSameKeysInEnglishAndGerman() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties de = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/dev/signpost/core/report/exports.properties");
             var b = getClass().getResourceAsStream("/dev/signpost/core/report/exports_de.properties")) {
            en.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
            de.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
        }
        assertThat(de.keySet()).isEqualTo(en.keySet());
        ExportTexts german = new ExportTexts(Locale.GERMAN);
        for (HopKind kind : HopKind.values()) {
            assertThat(german.kind(kind)).isNotBlank();
        }
        for (Status status : Status.values()) {
            assertThat(german.status(status)).isNotBlank();
        }
    }

    private static Report hostile(String text) {
        Report base = EngineFixtures.report(FixtureWorld.HEALTHY);
        List<Hop> hops = new ArrayList<>(base.hops());
        hops.add(new Hop("fed.hostile", Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, "fed.server-name", text,
                Status.FAIL, text, true, text, List.of(new Evidence.Http("GET", "https://x/" + text, "203.0.113.1",
                443, text, text, 500, text, List.of(new Evidence.Header(text, text)), text, true,
                Duration.ofMillis(1), text), new Evidence.Note(text, text)), Duration.ofMillis(1)));
        List<Check> checks = new ArrayList<>(base.checks());
        checks.add(new Check("hostile.check", Status.FAIL, text, text, List.of("fed.hostile"),
                List.of(new Evidence.Note(text, text))));
        return new Report(text, text, base.checkedAt(), base.elapsed(), text, base.federation(), base.client(), hops,
                checks);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList sections = doc.getElementsByTagNameNS(XHTML, "section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element e = (Element) sections.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no section " + id);
    }

    private static List<Element> nodeGroups(Element svg) {
        List<Element> result = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-hop")) {
                result.add(g);
            }
        }
        return result;
    }
}
