package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class TestDnsServerTest {

    private final TestDnsServer dns = new TestDnsServer();

    @AfterEach
    void stop() {
        dns.close();
    }

    private Message ask(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    @Test
    void answersAAndAaaaOverUdpAndTcpWithTheirTtl() throws IOException {
        dns.a("example.com", "203.0.113.5", 60).aaaa("example.com", "2001:db8::5");
        for (boolean tcp : new boolean[] {false, true}) {
            Message a = ask("example.com", Type.A, tcp);
            assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
            List<Record> answers = a.getSection(Section.ANSWER);
            assertThat(answers).hasSize(1);
            assertThat(((ARecord) answers.get(0)).getAddress().getHostAddress()).isEqualTo("203.0.113.5");
            assertThat(answers.get(0).getTTL()).isEqualTo(60);
            Message aaaa = ask("EXAMPLE.com", Type.AAAA, tcp);
            assertThat(((AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
                    .isEqualTo("2001:db8:0:0:0:0:0:5");
            assertThat(aaaa.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(TestDnsServer.DEFAULT_TTL);
        }
    }

    @Test
    void unknownNameIsNxdomainAndKnownNameWithoutTypeIsNodata() throws IOException {
        dns.a("example.com", "203.0.113.5");
        assertThat(ask("nothing.example", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        Message nodata = ask("example.com", Type.AAAA, false);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void srvRecordsAndTheQueryLog() throws IOException {
        dns.srv("_matrix-fed._tcp.example.com", 10, 5, 8448, "matrix.example.com")
                .srv("_matrix-fed._tcp.example.com", 20, 0, 8449, "backup.example.com");
        Message srv = ask("_matrix-fed._tcp.example.com", Type.SRV, false);
        assertThat(srv.getSection(Section.ANSWER)).hasSize(2);
        SRVRecord first = (SRVRecord) srv.getSection(Section.ANSWER).get(0);
        assertThat(first.getPriority()).isEqualTo(10);
        assertThat(first.getWeight()).isEqualTo(5);
        assertThat(first.getPort()).isEqualTo(8448);
        assertThat(first.getTarget().toString()).isEqualTo("matrix.example.com.");
        assertThat(dns.queries()).containsExactly("_matrix-fed._tcp.example.com SRV");
        assertThat(dns.queries()).doesNotContain("_matrix._tcp.example.com SRV");
    }

    @Test
    void cnameIsFollowedWithinTheZone() throws IOException {
        dns.cname("www.example.com", "host.example.com").a("host.example.com", "203.0.113.7");
        Message answer = ask("www.example.com", Type.A, true);
        List<Record> records = answer.getSection(Section.ANSWER);
        assertThat(records).hasSize(2);
        assertThat(((CNAMERecord) records.get(0)).getTarget().toString()).isEqualTo("host.example.com.");
        assertThat(((ARecord) records.get(1)).getAddress().getHostAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void servfailForEveryType() throws IOException {
        dns.servfail("broken.example");
        assertThat(ask("broken.example", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(ask("broken.example", Type.SRV, true).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void droppedNameTimesOutButTheServerKeepsAnswering() throws IOException {
        dns.drop("silent.example").a("example.com", "203.0.113.5");
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        boolean timedOut = false;
        try {
            resolver.send(Message.newQuery(Record.newRecord(Name.fromString("silent.example."), Type.A, DClass.IN)));
        } catch (IOException expected) {
            timedOut = true;
        }
        assertThat(timedOut).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(ask("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void malformedPacketsAreIgnored() throws IOException {
        dns.a("example.com", "203.0.113.5");
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] garbage = {1, 2, 3};
            socket.send(new DatagramPacket(garbage, garbage.length, dns.address()));
        }
        assertThat(ask("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(dns.hostPort()).isEqualTo("127.0.0.1:" + dns.address().getPort());
    }

    @Test
    void srvDotTargetCnameOutOfZoneAndServfailBehindCname() throws IOException {
        dns.srv("_matrix-fed._tcp.example.com", 0, 0, 0, ".")
                .cname("away.example.com", "elsewhere.example.net")
                .cname("broken-alias.example.com", "broken.example.com").servfail("broken.example.com");
        SRVRecord none = (SRVRecord) ask("_matrix-fed._tcp.example.com", Type.SRV, false)
                .getSection(Section.ANSWER).get(0);
        assertThat(none.getTarget()).isEqualTo(Name.root);
        Message away = ask("away.example.com", Type.AAAA, false);
        assertThat(away.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(away.getSection(Section.ANSWER)).hasSize(1).first().isInstanceOf(CNAMERecord.class);
        assertThat(ask("broken-alias.example.com", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(ask("away.example.com", Type.CNAME, false).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void clearForgetsTheZoneButNotTheLog() throws IOException {
        dns.a("example.com", "203.0.113.5");
        ask("example.com", Type.A, false);
        dns.clear();
        assertThat(ask("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(dns.queries()).containsExactly("example.com A", "example.com A");
        dns.clearQueries();
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    void largeUdpAnswerIsTruncatedAndTheResolverRetriesOverTcp() throws IOException {
        for (int i = 1; i <= 120; i++) {
            dns.a("many.example.com", "203.0.113." + i);
        }
        Message answer = ask("many.example.com", Type.A, false);
        assertThat(answer.getSection(Section.ANSWER)).hasSize(120);
        assertThat(dns.queries()).containsExactly("many.example.com A", "many.example.com A");
    }
}
