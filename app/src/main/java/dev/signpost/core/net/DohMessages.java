package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.SrvEntry;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The DNS wire format of DNS-over-HTTPS (RFC 8484): the query a GET carries in {@code ?dns=}, and the reading of
 * an answer into a {@link DnsAnswer}. An answer is untrusted network input: anything that is not a response to the
 * very question asked is refused with {@link NotDnsException}, never half-read.
 */
public final class DohMessages {

    /** Records of one answer kept as evidence; a hostile answer may hold thousands. */
    static final int MAX_EVIDENCE_RECORDS = 16;

    /** An answer that is not a DNS response to the question asked. */
    public static final class NotDnsException extends Exception {
        public NotDnsException(String message) {
            super(message);
        }
    }

    private DohMessages() {
    }

    /**
     * The base64url form (no padding) of a recursive query for {@code type} records of {@code name}, with message id
     * 0 as RFC 8484 recommends for caches.
     *
     * @throws IllegalArgumentException when {@code name} is no DNS name
     */
    public static String queryParameter(String name, int type) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(absolute(name)), type, DClass.IN));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
        query.getHeader().setID(0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(query.toWire());
    }

    /**
     * Reads a DoH answer body for the question ({@code name}, {@code type}): CNAMEs within the answer followed
     * (bounded), the addresses or SRV records of the final name collected.
     *
     * @param server  the resolver, in words for evidence
     * @param elapsed how long the request took
     * @throws NotDnsException when the body is no DNS message, not a response, or answers another question
     */
    public static DnsAnswer parse(byte[] body, String name, int type, String server, Duration elapsed)
            throws NotDnsException {
        Message message;
        try {
            message = new Message(body);
        } catch (IOException | RuntimeException e) {
            throw new NotDnsException("not a DNS message");
        }
        if (!message.getHeader().getFlag(Flags.QR)) {
            throw new NotDnsException("a DNS query, not an answer");
        }
        Record question = message.getQuestion();
        String asked = DnsClient.stripDot(name.toLowerCase(Locale.ROOT));
        if (question == null || question.getType() != type || !sameName(question.getName(), asked)) {
            throw new NotDnsException("an answer to another question");
        }
        String typeName = Type.string(type);
        String rcode = Rcode.string(message.getRcode());
        List<Record> answer = message.getSection(Section.ANSWER);
        List<Evidence.DnsRecord> shown = new ArrayList<>();
        for (Record r : answer.subList(0, Math.min(MAX_EVIDENCE_RECORDS, answer.size()))) {
            shown.add(new Evidence.DnsRecord(DnsClient.stripDot(r.getName().toString()), Type.string(r.getType()),
                    r.getTTL(), r.rdataToString()));
        }
        List<Evidence.Dns> exchanges = List.of(new Evidence.Dns(asked, typeName, rcode, server, shown, elapsed));
        if (!DnsAnswer.NOERROR.equals(rcode) && !DnsAnswer.NXDOMAIN.equals(rcode)) {
            return new DnsAnswer(asked, typeName, rcode, server, List.of(), List.of(), List.of(), exchanges, elapsed,
                    null);
        }
        List<String> chain = new ArrayList<>();
        String current = asked;
        boolean moved = true;
        while (moved && type != Type.CNAME) {
            moved = false;
            for (Record r : answer) {
                if (r instanceof CNAMERecord c && sameName(r.getName(), current)) {
                    current = DnsClient.stripDot(c.getTarget().toString().toLowerCase(Locale.ROOT));
                    if (chain.contains(current) || current.equals(asked) || chain.size() >= DnsClient.MAX_CNAME_HOPS) {
                        throw new NotDnsException("a CNAME loop or a chain too long");
                    }
                    chain.add(current);
                    moved = true;
                    break;
                }
            }
        }
        List<InetAddress> addresses = new ArrayList<>();
        List<SrvEntry> srv = new ArrayList<>();
        for (Record r : answer) {
            if (r.getType() != type || r.getDClass() != DClass.IN || !sameName(r.getName(), current)) {
                continue;
            }
            if (r instanceof ARecord a) {
                addresses.add(a.getAddress());
            } else if (r instanceof AAAARecord a) {
                addresses.add(a.getAddress());
            } else if (r instanceof SRVRecord s) {
                srv.add(new SrvEntry(DnsClient.stripDot(s.getName().toString()),
                        DnsClient.stripDot(s.getTarget().toString()), s.getPort(), s.getPriority(), s.getWeight(),
                        s.getTTL()));
            }
        }
        return new DnsAnswer(asked, typeName, rcode, server, chain, addresses, srv, exchanges, elapsed, null);
    }

    private static boolean sameName(Name recordName, String name) {
        return DnsClient.stripDot(recordName.toString()).equalsIgnoreCase(name);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
