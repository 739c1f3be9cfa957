package dev.signpost.core.net;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile DoH answers: whatever a resolver sends, the reader gives a verdict on the question asked or refuses it. */
public class DohMessagesProperties {

    /** The name every answer here is for. */
    public static final String NAME = "matrix.example.test";

    /** The type every answer here is for (A). */
    public static final int TYPE = Type.A;

    /** Well-formed answers to (NAME, A) for fuzzing: direct, behind a CNAME, and NXDOMAIN. */
    public static List<byte[]> seeds() {
        try {
            List<byte[]> addresses = List.of(new byte[] {(byte) 203, 0, 113, 5}, new byte[] {127, 0, 0, 3});
            return List.of(answer(addresses, false, Rcode.NOERROR), answer(addresses, true, Rcode.NOERROR),
                    answer(List.of(), false, Rcode.NXDOMAIN));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response to (NAME, A) with {@code addresses}, behind a CNAME when {@code aliased}. */
    static byte[] answer(List<byte[]> addresses, boolean aliased, int rcode) throws Exception {
        Name asked = Name.fromString(NAME + ".");
        Message m = new Message(0);
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setRcode(rcode);
        m.addRecord(Record.newRecord(asked, Type.A, DClass.IN), Section.QUESTION);
        Name owner = asked;
        if (aliased) {
            owner = Name.fromString("edge.example.net.");
            m.addRecord(new CNAMERecord(asked, DClass.IN, 60, owner), Section.ANSWER);
        }
        for (byte[] ip : addresses) {
            m.addRecord(new ARecord(owner, DClass.IN, 60, InetAddress.getByAddress(ip)), Section.ANSWER);
        }
        return m.toWire();
    }

    @Provide
    Arbitrary<List<byte[]>> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void everyAddressOfAWellFormedAnswerIsRead(@ForAll("addresses") List<byte[]> addresses,
                                               @ForAll boolean aliased) throws Exception {
        DnsAnswer read = DohMessages.parse(answer(addresses, aliased, Rcode.NOERROR), NAME, Type.A, "doh",
                Duration.ZERO);
        assertThat(read.addresses()).hasSize(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            assertThat(read.addresses().get(i).getAddress()).isEqualTo(addresses.get(i));
        }
        assertThat(read.cnameChain()).hasSize(aliased ? 1 : 0);
        assertThat(read.exchanges().get(0).records().size()).isLessThanOrEqualTo(DohMessages.MAX_EVIDENCE_RECORDS);
    }

    @Property(tries = 2000)
    void anyBytesAreAnAnswerToTheQuestionOrRefused(@ForAll @Size(max = 600) byte[] body) {
        assertReadOrRefused(body);
    }

    @Property(tries = 2000)
    void aDamagedAnswerIsAnAnswerToTheQuestionOrRefused(@ForAll("addresses") List<byte[]> addresses,
                                                          @ForAll long seed) throws Exception {
        byte[] body = answer(addresses, seed % 2 == 0, Rcode.NOERROR);
        Random random = new Random(seed);
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
        assertReadOrRefused(random.nextBoolean() ? body
                : java.util.Arrays.copyOf(body, random.nextInt(body.length + 1)));
    }

    private static void assertReadOrRefused(byte[] body) {
        try {
            DnsAnswer read = DohMessages.parse(body, NAME, Type.A, "doh", Duration.ZERO);
            assertThat(read.name()).isEqualTo(NAME);
            assertThat(read.type()).isEqualTo("A");
            assertThat(read.cnameChain().size()).isLessThanOrEqualTo(DnsClient.MAX_CNAME_HOPS);
        } catch (DohMessages.NotDnsException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
