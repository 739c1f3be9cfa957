package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.text.SafeText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile server text through every renderer: terminal text, Markdown (rendered as GitHub does), HTML, SVG and
 * what the wizard's labels receive. Nothing terminal-active, invisible-reordering or executable survives, and no
 * value can add a line of its own.
 */
class HostileTextProperties {

    private static final List<String> FRAGMENTS = List.of(
            "\u001b[2J", "\u001b[1A\u001b[K", "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007", "\r",
            "\b\b\b\b", "\n  [ ok ] federation.tls  No check failed\n", "\u202e", "\u2066", "\u200f", "\u0085",
            "\u009b31m", "\u0000", "\u007f", "\u2028", "\u2029", "\ufeff", "\ud800", "`", "``", "```", "````",
            "<img src=x onerror=alert(1)>", "</code><script>alert(1)</script>", "<!--", "]]>", "&#x202E;", "&lt;",
            "| a | b |", "*", "_", "[x](javascript:alert(1))", "\t", "\\", "\"", "'", "matrix.example.com");

    private static final List<String> COLOUR_CODES = List.of("\u001b[0m", "\u001b[32m", "\u001b[33m",
            "\u001b[1;31m", "\u001b[90m", "\u001b[1m", "\u001b[36m");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().all().ofMaxLength(6));
        return fragment.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.ENGLISH, Locale.GERMAN);
    }

    @Property(tries = 150)
    void terminalTextHasNoActiveCharacterAndNoExtraLine(@ForAll("hostile") String evil, @ForAll("locales") Locale locale) {
        Report report = report(evil);
        String plain = new TextReport(locale, false).render(report);
        assertNoActive(plain, true);
        String benign = new TextReport(locale, false).render(report(""));
        assertThat(plain.lines().count()).as("no value adds a line").isEqualTo(benign.lines().count());
        String coloured = new TextReport(locale, true).render(report);
        String stripped = coloured;
        for (String code : COLOUR_CODES) {
            stripped = stripped.replace(code, "");
        }
        assertThat(stripped).as("the only escape sequences are Signpost's own colours").isEqualTo(plain);
    }

    @Property(tries = 150)
    void markdownRendersNoLiveHtmlAndNoExtraLine(@ForAll("hostile") String evil, @ForAll("locales") Locale locale) {
        String md = MarkdownReport.write(report(evil), locale);
        assertNoActive(md, true);
        // The report above the evidence: evidence blocks are several lines by nature, each in its own fence.
        assertThat(beforeEvidence(md).lines().count())
                .isEqualTo(beforeEvidence(MarkdownReport.write(report(""), locale)).lines().count());
        var extensions = List.of(TablesExtension.create());
        String html = HtmlRenderer.builder().extensions(extensions).build()
                .render(Parser.builder().extensions(extensions).build().parse(md));
        assertThat(html).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("href=\"javascript");
        // Every hostile value that went into a table cell came out in the same row: no pipe or backtick escaped it.
        long rows = html.lines().filter(l -> l.equals("<tr>")).count();
        long benignRows = HtmlRenderer.builder().extensions(extensions).build()
                .render(Parser.builder().extensions(extensions).build()
                        .parse(MarkdownReport.write(report(""), locale))).lines().filter(l -> l.equals("<tr>")).count();
        assertThat(rows).isEqualTo(benignRows);
    }

    @Property(tries = 150)
    void htmlAndSvgCarryNoScriptNoHandlerNoActiveCharacter(@ForAll("hostile") String evil,
                                                           @ForAll("locales") Locale locale) throws Exception {
        Report report = report(evil);
        for (String markup : List.of(HtmlReport.write(report, locale), SvgChain.write(report, locale))) {
            Document doc = ReportExportsTest.parse(markup);
            assertNoActive(doc.getDocumentElement().getTextContent(), true);
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                assertThat(e.getLocalName()).isNotIn("script", "img", "iframe", "object", "embed", "foreignObject");
                NamedNodeMap attributes = e.getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    assertThat(attributes.item(a).getNodeName().toLowerCase(Locale.ROOT)).doesNotStartWith("on");
                    assertNoActive(attributes.item(a).getNodeValue(), false);
                }
            }
        }
    }

    @Property(tries = 150)
    void whatTheWizardShowsHasNoActiveCharacter(@ForAll("hostile") String evil) {
        Report report = report(evil);
        for (Hop hop : report.hops()) {
            Hop shown = ShownValues.hop(hop);
            for (String value : new String[] {shown.label(), shown.detail(), shown.rule()}) {
                assertNoActive(value, false);
            }
            new EvidenceFields(new ExportTexts(Locale.ENGLISH)).sections(hop.evidence())
                    .forEach(s -> s.fields().forEach(f -> assertNoActive(f.value(), true)));
        }
        for (Check check : report.checks()) {
            Check shown = ShownValues.check(check);
            assertNoActive(shown.summary(), false);
            assertNoActive(shown.fix(), false);
        }
    }

    private static String beforeEvidence(String md) {
        int at = md.indexOf("<details>");
        return at < 0 ? md : md.substring(0, at);
    }

    private static void assertNoActive(String text, boolean linesAllowed) {
        if (text == null) {
            return;
        }
        int survivor = text.codePoints().filter(cp -> !(linesAllowed && (cp == '\n' || cp == '\t')))
                .filter(SafeText::isActive).findFirst().orElse(-1);
        if (survivor >= 0) {
            int at = text.indexOf(Character.toString(survivor));
            String around = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
            throw new AssertionError(String.format("U+%04X survived near: %s", survivor, SafeText.oneLine(around)));
        }
    }

    /** A report of every shape of hop and check, each string of which carries the hostile text. */
    private static Report report(String hostile) {
        // Never blank, so every value is shown and the benign report ("x") has the same lines.
        String evil = "x" + hostile;
        Report base = ChainFixtures.build(new ChainFixtures.Shape(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED,
                List.of("198.51.100.1", "2001:db8::1"), 3, true, true, true));
        UnaryOperator<String> taint = s -> s == null ? evil : s + evil;
        Evidence http = new Evidence.Http("GET", "https://example.com/" + evil, "198.51.100.1", 443, evil, evil,
                200, "HTTP/1.1 200 " + evil, List.of(new Evidence.Header(evil, evil)), evil + "\n" + evil, false,
                Duration.ofMillis(5), evil);
        Evidence note = new Evidence.Note(evil, evil);
        List<Hop> hops = new ArrayList<>();
        for (Hop h : base.hops()) {
            hops.add(new Hop(h.id(), h.lane(), h.kind(), h.parentId(), taint.apply(h.label()),
                    h.status() == Status.PASS ? Status.FAIL : h.status(), taint.apply(h.rule()), h.taken(),
                    taint.apply(h.detail()), List.of(http, note), h.elapsed()));
        }
        List<Check> checks = new ArrayList<>();
        for (Check c : base.checks()) {
            checks.add(new Check(c.id(), c.status(), taint.apply(c.summary()), taint.apply(c.fix()), c.hopIds(),
                    List.of(http), c.blockedBy()));
        }
        return new Report(base.serverName(), base.asciiServerName(), base.checkedAt(), base.elapsed(),
                base.signpostVersion(), base.federation(), base.client(), hops, checks);
    }
}
