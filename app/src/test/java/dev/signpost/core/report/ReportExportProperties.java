package dev.signpost.core.report;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shape of report gives well-formed HTML and SVG that show every hop, in both languages. */
class ReportExportProperties {

    @Property(tries = 30)
    void htmlAndSvgAreWellFormedAndShowEveryHop(@ForAll("reports") Report report,
                                                @ForAll("locales") Locale locale) throws Exception {
        Document html = ReportExportsTest.parse(HtmlReport.write(report, locale));
        String text = html.getDocumentElement().getTextContent();
        for (Hop hop : report.hops()) {
            assertThat(text).contains(hop.label());
        }
        Document svg = ReportExportsTest.parse(SvgChain.write(report, locale));
        assertThat(svg.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect")
                .getLength()).isGreaterThanOrEqualTo(report.hops().size());
        String md = MarkdownReport.write(report, locale);
        long hopLines = md.lines().filter(l -> l.stripLeading().startsWith("- ")).count();
        assertThat(hopLines).isEqualTo(report.hops().size());
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.ENGLISH, Locale.GERMAN);
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<List<String>> addresses = Combinators.combine(
                        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 10))
                .as((v4, v6) -> {
                    List<String> list = new ArrayList<>();
                    for (int i = 0; i < v4; i++) {
                        list.add("198.51.100." + (i + 1));
                    }
                    for (int i = 0; i < v6; i++) {
                        list.add("2001:db8:1::" + Integer.toHexString(i + 1));
                    }
                    return list;
                })
                .filter(list -> !list.isEmpty());
        return Combinators.combine(Arbitraries.of(FederationMethod.class), addresses,
                        Arbitraries.integers().between(-1, 100), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(ChainFixtures.Shape::new)
                .map(ChainFixtures::build);
    }
}
