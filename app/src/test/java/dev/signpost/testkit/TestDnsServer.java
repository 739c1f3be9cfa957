package dev.signpost.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative-and-recursive-looking DNS server on 127.0.0.1 for tests: UDP and TCP on the same
 * ephemeral port, answering from an in-memory zone.
 *
 * <ul>
 *   <li>Unknown name → NXDOMAIN; known name without the asked type → NOERROR with no answer (NODATA).</li>
 *   <li>A name with a CNAME answers every type with the CNAME, followed (like a recursive resolver) by the
 *       target's records of the asked type when the target is in the zone.</li>
 *   <li>{@link #servfail(String)} makes a name answer SERVFAIL for every type; {@link #drop(String)} makes it
 *       never answer (for timeout tests).</li>
 *   <li>Every query is logged as {@code "NAME TYPE"} (lower-case name without the final dot, e.g.
 *       {@code "_matrix-fed._tcp.example.com SRV"}) so tests can assert what was, or was not, asked.</li>
 * </ul>
 * Names are case-insensitive and may be given with or without the final dot. Malformed packets are ignored.
 * UDP answers too large for the client are truncated (TC flag), so the client retries over TCP.
 */
public final class TestDnsServer implements AutoCloseable {

    /** TTL used when a record is added without one. */
    public static final long DEFAULT_TTL = 300;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService executor = DaemonThreads.cached("test-dns");
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> dropped = ConcurrentHashMap.newKeySet();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Starts the server on an ephemeral port of 127.0.0.1 (the same port for UDP and TCP). */
    public TestDnsServer() {
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            ServerSocket tcpSocket = null;
            DatagramSocket udpSocket = null;
            // Find a port free for both protocols; a collision on UDP after TCP bound is rare but possible.
            for (int attempt = 0; attempt < 20 && udpSocket == null; attempt++) {
                tcpSocket = new ServerSocket(0, 50, loopback);
                try {
                    udpSocket = new DatagramSocket(new InetSocketAddress(loopback, tcpSocket.getLocalPort()));
                } catch (SocketException busy) {
                    tcpSocket.close();
                }
            }
            if (udpSocket == null) {
                throw new IOException("no port free for both UDP and TCP");
            }
            this.tcp = tcpSocket;
            this.udp = udpSocket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(this::serveUdp);
        executor.execute(this::serveTcp);
    }

    // ---- zone ------------------------------------------------------------------------------------------------

    /** Adds an A record with the default TTL. */
    public TestDnsServer a(String name, String ip) {
        return a(name, ip, DEFAULT_TTL);
    }

    /** Adds an A record. */
    public TestDnsServer a(String name, String ip, long ttl) {
        return add(new ARecord(name(name), DClass.IN, ttl, address(ip)));
    }

    /** Adds an AAAA record with the default TTL ({@code ip} without brackets). */
    public TestDnsServer aaaa(String name, String ip) {
        return aaaa(name, ip, DEFAULT_TTL);
    }

    /** Adds an AAAA record. */
    public TestDnsServer aaaa(String name, String ip, long ttl) {
        return add(new AAAARecord(name(name), DClass.IN, ttl, address(ip)));
    }

    /** Adds a CNAME record with the default TTL. */
    public TestDnsServer cname(String name, String target) {
        return cname(name, target, DEFAULT_TTL);
    }

    /** Adds a CNAME record. */
    public TestDnsServer cname(String name, String target, long ttl) {
        return add(new CNAMERecord(name(name), DClass.IN, ttl, name(target)));
    }

    /** Adds an SRV record with the default TTL; {@code target} "." means "service not available". */
    public TestDnsServer srv(String name, int priority, int weight, int port, String target) {
        return srv(name, priority, weight, port, target, DEFAULT_TTL);
    }

    /** Adds an SRV record. */
    public TestDnsServer srv(String name, int priority, int weight, int port, String target, long ttl) {
        return add(new SRVRecord(name(name), DClass.IN, ttl, priority, weight, port, name(target)));
    }

    /** Makes every query for {@code name} (any type) answer SERVFAIL. */
    public TestDnsServer servfail(String name) {
        servfail.add(name(name));
        return this;
    }

    /** Makes every query for {@code name} go unanswered, so the client times out. */
    public TestDnsServer drop(String name) {
        dropped.add(name(name));
        return this;
    }

    /** Removes every record and every servfail/drop rule (the query log is kept). */
    public void clear() {
        zone.clear();
        servfail.clear();
        dropped.clear();
    }

    private TestDnsServer add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    // ---- observation -----------------------------------------------------------------------------------------

    /** Every query received so far, in order, as {@code "name TYPE"} (lower-case name, no final dot). */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** Forgets the query log. */
    public void clearQueries() {
        queries.clear();
    }

    /** Where the server listens (UDP and TCP). */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** {@code "127.0.0.1:PORT"}, as given to {@code --dns}. */
    public String hostPort() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        executor.shutdownNow();
    }

    // ---- serving ---------------------------------------------------------------------------------------------

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] query = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            byte[] response = respond(query, true);
            if (response != null) {
                try {
                    udp.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                return; // closed
            }
            executor.execute(() -> serveTcpConnection(socket));
        }
    }

    private void serveTcpConnection(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                byte[] response = respond(query, false);
                if (response == null) {
                    continue; // dropped: keep the connection open and silent
                }
                out.writeShort(response.length);
                out.write(response);
                out.flush();
            }
        } catch (IOException | RuntimeException endOfConnection) {
            // client went away or sent garbage: nothing to do
        }
    }

    /**
     * The wire response to a wire query as a server reached over a stream sends it (never truncated), or null when
     * nothing must be sent (not a query, or a dropped name). For {@link TestDohServer}, which answers from this zone.
     */
    public byte[] answer(byte[] wire) {
        return respond(wire, false);
    }

    /**
     * The wire response to a wire query, or null when nothing must be sent. Over UDP an answer larger than the
     * client's buffer (512 bytes, or its EDNS payload size) is truncated with TC set, as real servers do, so
     * the client retries over TCP.
     */
    private byte[] respond(byte[] wire, boolean udp) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getFlag(Flags.QR)) {
            return null;
        }
        Name qname = lower(question.getName());
        int qtype = question.getType();
        queries.add(display(qname) + " " + Type.string(qtype));
        if (dropped.contains(qname)) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        response.getHeader().setRcode(answer(qname, qtype, response, new HashSet<>()));
        if (udp) {
            OPTRecord opt = query.getOPT();
            int limit = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
            byte[] full = response.toWire();
            if (full.length > limit) {
                Message truncated = new Message(query.getHeader().getID());
                truncated.getHeader().setFlag(Flags.QR);
                truncated.getHeader().setFlag(Flags.RA);
                truncated.getHeader().setFlag(Flags.TC);
                truncated.getHeader().setRcode(response.getHeader().getRcode());
                truncated.addRecord(question, Section.QUESTION);
                return truncated.toWire();
            }
            return full;
        }
        return response.toWire();
    }

    private int answer(Name name, int type, Message response, Set<Name> seen) {
        if (servfail.contains(name)) {
            return Rcode.SERVFAIL;
        }
        if (!seen.add(name)) {
            return Rcode.NOERROR; // CNAME loop: stop following, like a resolver giving up with what it has
        }
        List<Record> records = zone.get(name);
        if (records == null || records.isEmpty()) {
            return seen.size() == 1 ? Rcode.NXDOMAIN : Rcode.NOERROR;
        }
        List<Record> matching = new ArrayList<>();
        Record cname = null;
        for (Record record : records) {
            if (record.getType() == type || type == Type.ANY) {
                matching.add(record);
            } else if (record.getType() == Type.CNAME) {
                cname = record;
            }
        }
        if (!matching.isEmpty()) {
            matching.forEach(r -> response.addRecord(r, Section.ANSWER));
            return Rcode.NOERROR;
        }
        if (cname != null) {
            response.addRecord(cname, Section.ANSWER);
            Name target = lower(((CNAMERecord) cname).getTarget());
            if (zone.containsKey(target) || servfail.contains(target)) {
                return answer(target, type, response, seen);
            }
            // The target is elsewhere: a resolver would chase it; here the chain simply ends.
            return Rcode.NOERROR;
        }
        return Rcode.NOERROR; // NODATA
    }

    private static Name name(String text) {
        try {
            String absolute = text.endsWith(".") ? text : text + ".";
            return lower(Name.fromString(absolute));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }

    private static Name lower(Name name) {
        try {
            return Name.fromString(name.toString().toLowerCase(Locale.ROOT));
        } catch (TextParseException e) {
            return name;
        }
    }

    private static String display(Name name) {
        String text = name.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }

    private static InetAddress address(String ip) {
        String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!bare.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + ip);
        }
        try {
            return InetAddress.getByName(bare);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP literal: " + ip, e);
        }
    }
}
