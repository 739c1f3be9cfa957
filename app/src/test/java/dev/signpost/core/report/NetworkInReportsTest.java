package dev.signpost.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.Report;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network a check ran in, in every rendering: named under the verdict only when it was not the system's, the
 * sentence about remote servers once per report, user-given paths escaped like any untrusted text.
 */
class NetworkInReportsTest {

    /** A path a user may really have, with markup, a table pipe, a terminal escape and a bidi override in it. */
    private static final String HOSTILE_PATH = "/home/ana/<b>certs</b> *new*|v2\u001b[2J\u202Eftp.pem";

    static final CheckNetwork STAGING = new CheckNetwork("127.0.0.1:5353",
            List.of(new CheckNetwork.CaFile(HOSTILE_PATH, List.of(new CheckNetwork.CaCertificate(
                    "CN=Staging Root CA,O=Ana's lab", "3F:A0:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:"
                    + "33:44:55:66:77:88:99:AA:BB:CC:DD:EE")))),
            List.of(new CheckNetwork.ResolveOverride("example.com:443", "127.0.0.1:8443"),
                    new CheckNetwork.ResolveOverride("matrix.example.com:8448", "[::1]:8448")));

    private static final CheckNetwork CA_ONLY = new CheckNetwork(null, STAGING.caFiles(), List.of());

    private static Report staging() {
        return ChainFixtures.healthy().withNetwork(STAGING);
    }

    @Test
    void textOfAStagingCheckMatchesGoldenFile() throws Exception {
        Golden.assertMatches("staging-network.en.txt", new TextReport(Locale.ENGLISH, false).render(staging()));
    }

    @Test
    void markdownOfAStagingCheckMatchesGoldenFile() throws Exception {
        Golden.assertMatches("staging-network.en.md", MarkdownReport.write(staging(), Locale.ENGLISH));
    }

    @Test
    void htmlOfAStagingCheckInGermanMatchesGoldenFile() throws Exception {
        Golden.assertMatches("staging-network.de.html", HtmlReport.write(staging(), Locale.GERMAN));
    }

    @Test
    void everyRenderingNamesTheSettingsAndSaysOnceThatRemoteServersMaySeeOtherwise() {
        String caveat = "Remote servers may come to a different verdict: this check asked the DNS server 127.0.0.1:5353"
                + " and connected to the addresses you set for example.com:443, matrix.example.com:8448";
        String summary = "Checked with DNS server 127.0.0.1:5353, 1 extra CA, 2 resolve overrides";
        String text = new TextReport(Locale.ENGLISH, false).render(staging());
        String markdown = MarkdownReport.write(staging(), Locale.ENGLISH);
        String html = HtmlReport.write(staging(), Locale.ENGLISH);
        for (String rendered : List.of(text, markdown, html)) {
            assertThat(rendered).containsOnlyOnce(summary).containsOnlyOnce(caveat)
                    .contains("127.0.0.1:8443").contains("3F:A0:11:22").contains("Staging Root CA");
        }
        assertThat(text).contains("[::1]:8448");
        assertThat(html).contains("[::1]:8448");
        assertThat(markdown).contains("\\[::1\\]:8448");
        for (String rendered : List.of(text, markdown, html)) {
            assertThat(rendered.indexOf(summary)).as("named before the chains")
                    .isLessThan(rendered.indexOf("Federation"));
        }
        assertThat(text).contains("  DNS server: 127.0.0.1:5353")
                .contains("  Resolve override: example.com:443 → 127.0.0.1:8443");
    }

    @Test
    void extraCasAloneAreNamedWithoutTheRemoteServersSentence() {
        Report report = ChainFixtures.healthy().withNetwork(CA_ONLY);
        String text = new TextReport(Locale.ENGLISH, false).render(report);
        assertThat(text).contains("Checked with 1 extra CA\n").contains("DNS server: the system's resolver")
                .doesNotContain("Remote servers");
        assertThat(new TextReport(Locale.GERMAN, false).render(report))
                .contains("Geprüft mit 1 zusätzlichen CA\n").contains("DNS-Server: der Resolver des Systems");
    }

    @Test
    void aCheckOnTheSystemsNetworkSaysNothingAboutIt() {
        Report report = ChainFixtures.healthy();
        assertThat(new TextReport(Locale.ENGLISH, false).render(report)).doesNotContain("Checked with")
                .doesNotContain("DNS server");
        assertThat(MarkdownReport.write(report, Locale.ENGLISH)).doesNotContain("Checked with");
        assertThat(HtmlReport.write(report, Locale.ENGLISH)).doesNotContain("id=\"network\"");
        assertThat(ReportJson.write(report)).doesNotContain("\"network\"");
    }

    @Test
    void aUsersPathCannotInjectMarkupEscapesOrReorderedText() throws Exception {
        String text = new TextReport(Locale.ENGLISH, true).render(staging());
        assertThat(text).doesNotContain("\u001b[2J").doesNotContain("\u202E");
        String markdown = MarkdownReport.write(staging(), Locale.ENGLISH);
        assertThat(markdown).contains("\\<b\\>certs\\</b\\> \\*new\\*\\|v2").doesNotContain("<b>")
                .doesNotContain("\u202E");
        String html = HtmlReport.write(staging(), Locale.ENGLISH);
        assertThat(html).contains("&lt;b&gt;certs&lt;/b&gt;").doesNotContain("<b>certs").doesNotContain("\u202E")
                .contains("Ana&#39;s lab");
        // Still well-formed XHTML, and a reader sees the path as the user typed it, as text.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList sections = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("section");
        String shown = null;
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (section.getAttribute("id").equals("network")) {
                shown = section.getTextContent();
            }
        }
        assertThat(shown).contains("/home/ana/<b>certs</b> *new*|v2");
    }

    @Test
    void jsonCarriesTheSettingsFieldByFieldAndReadsThemBack() throws Exception {
        Report report = staging();
        String json = ReportJson.write(report);
        ObjectNode network = (ObjectNode) new ObjectMapper().readTree(json).get("network");
        assertThat(network.get("dns_server").textValue()).isEqualTo("127.0.0.1:5353");
        assertThat(network.get("ca_files").get(0).get("path").textValue()).isEqualTo(HOSTILE_PATH);
        assertThat(network.get("ca_files").get(0).get("certificates").get(0).get("subject").textValue())
                .isEqualTo("CN=Staging Root CA,O=Ana's lab");
        assertThat(network.get("ca_files").get(0).get("certificates").get(0).get("sha256").textValue())
                .startsWith("3F:A0");
        assertThat(network.get("resolve").get(1).get("host_port").textValue()).isEqualTo("matrix.example.com:8448");
        assertThat(network.get("resolve").get(1).get("address").textValue()).isEqualTo("[::1]:8448");
        assertThat(ReportJson.read(json)).isEqualTo(report);
        assertThat(ReportJson.read(ReportJson.write(ChainFixtures.healthy().withNetwork(CA_ONLY))).network())
                .isEqualTo(CA_ONLY);
    }

    @Test
    void aReportWrittenBeforeSettingsWereRecordedReadsAsTheSystemsNetwork() throws Exception {
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(ReportJson.write(staging()));
        old.remove("network");
        assertThat(ReportJson.read(old.toString()).network()).isEqualTo(CheckNetwork.SYSTEM);
    }

    @Test
    void aNetworkOfTheWrongShapeIsOneSentenceNamingTheField() throws Exception {
        ObjectNode bad = (ObjectNode) new ObjectMapper().readTree(ReportJson.write(staging()));
        ((ObjectNode) bad.get("network")).put("resolve", "example.com:443:127.0.0.1");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ReportJson.read(bad.toString(),
                Locale.ENGLISH))).isInstanceOf(ReportFormatException.class).hasMessageContaining("network.resolve");
    }

    @Test
    void diffOfReportsMadeWithDifferentSettingsSaysSo() {
        Report before = ChainFixtures.healthy();
        Report after = ChainFixtures.healthy().withNetwork(STAGING);
        ReportDiffResult diff = ReportDiff.compare(before, after);
        assertThat(diff.same()).isTrue();
        String sentence = "The two reports were made with different network settings (before: with the system's "
                + "network; after: with DNS server 127.0.0.1:5353, 1 extra CA, 2 resolve overrides)";
        assertThat(diff.text(Locale.ENGLISH)).containsOnlyOnce(sentence);
        assertThat(diff.markdown(Locale.ENGLISH)).contains("The two reports were made with different network");
        assertThat(ReportDiff.compare(after, ChainFixtures.healthy().withNetwork(CA_ONLY)).text(Locale.GERMAN))
                .contains("unterschiedlichen Netzwerkeinstellungen erstellt (vorher mit DNS-Server 127.0.0.1:5353, "
                        + "1 zusätzlichen CA, 2 Resolve-Einträgen; nachher mit 1 zusätzlichen CA)");
        assertThat(ReportDiff.compare(after, after).text(Locale.ENGLISH)).doesNotContain("network settings");
    }
}
