package dev.signpost.core.net;

import dev.signpost.core.io.UiThreadRule;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.SrvEntry;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Asks DNS through dnsjava: the system's resolvers, or one given server. Each query is sent over UDP and
 * retried over TCP when the answer is truncated (dnsjava's resolver does this). No caches and no global
 * state: a new resolver per query keeps this thread-safe, and every run sees the DNS as it is now.
 */
public final class DnsClient {

    /** How many CNAME hops are followed before giving up (a loop or an absurd chain). */
    public static final int MAX_CNAME_HOPS = 8;

    private final InetSocketAddress server;
    private final Duration timeout;

    /**
     * @param server  the DNS server to ask, or null for the system's resolvers
     * @param timeout the limit for one query
     */
    public DnsClient(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** The server asked, in words for evidence. */
    public String serverDescription() {
        if (server != null) {
            return hostPort(server);
        }
        List<InetSocketAddress> system = ResolverConfig.getCurrentConfig().servers();
        return "system resolver (" + system.stream().map(DnsClient::hostPort).collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * Asks for {@code type} records of {@code name}, following CNAMEs (bounded).
     *
     * @param name     ASCII DNS name, with or without trailing dot
     * @param type     {@link Type#A}, {@link Type#AAAA}, {@link Type#SRV} or {@link Type#CNAME}
     * @param cancel   aborts the wait when cancelled
     * @param deadline no query waits past this instant
     */
    public DnsAnswer query(String name, int type, CancelToken cancel, Instant deadline) {
        UiThreadRule.forbidBlockingIo("a DNS query");
        String typeName = Type.string(type);
        String asked = stripDot(name.toLowerCase(Locale.ROOT));
        long start = System.nanoTime();
        String description = serverDescription();
        List<Evidence.Dns> exchanges = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        List<SrvEntry> srv = new ArrayList<>();
        String current = asked;
        String rcode = DnsAnswer.NOERROR;
        String error = null;
        for (int queries = 0; queries <= MAX_CNAME_HOPS; queries++) {
            Single single = send(current, type, cancel, deadline);
            exchanges.add(new Evidence.Dns(current, typeName, single.rcode, description, single.records,
                    single.elapsed));
            rcode = single.rcode;
            error = single.error;
            if (single.message == null || !DnsAnswer.NOERROR.equals(rcode) && !DnsAnswer.NXDOMAIN.equals(rcode)) {
                break;
            }
            List<Record> answer = single.message.getSection(Section.ANSWER);
            // Walk the aliases inside this answer first: recursive resolvers send the whole chain at once.
            boolean moved = true;
            while (moved && type != Type.CNAME) {
                moved = false;
                for (Record r : answer) {
                    if (r instanceof CNAMERecord c && sameName(r.getName(), current)) {
                        current = stripDot(c.getTarget().toString().toLowerCase(Locale.ROOT));
                        if (chain.contains(current) || chain.size() >= MAX_CNAME_HOPS) {
                            return new DnsAnswer(asked, typeName, DnsAnswer.ERROR, description, chain, List.of(),
                                    List.of(), exchanges, since(start), "CNAME loop or chain too long at " + current);
                        }
                        chain.add(current);
                        moved = true;
                        break;
                    }
                }
            }
            boolean found = false;
            for (Record r : answer) {
                if (!sameName(r.getName(), current) || r.getType() != type) {
                    continue;
                }
                found = true;
                if (r instanceof ARecord a) {
                    addresses.add(a.getAddress());
                } else if (r instanceof AAAARecord a) {
                    addresses.add(a.getAddress());
                } else if (r instanceof SRVRecord s) {
                    srv.add(new SrvEntry(stripDot(s.getName().toString()), stripDot(s.getTarget().toString()), s.getPort(),
                            s.getPriority(), s.getWeight(), s.getTTL()));
                }
            }
            boolean aliasedWithoutData = !found && !chain.isEmpty() && DnsAnswer.NOERROR.equals(rcode)
                    && answer.stream().noneMatch(r -> r.getType() == type);
            if (!aliasedWithoutData || sameName(single.askedName, current) || chainAnswered(single.message, current)) {
                break;
            }
            // The server gave only the alias (an authoritative server for another zone): ask for the target.
        }
        return new DnsAnswer(asked, typeName, rcode, description, chain, addresses, srv, exchanges, since(start),
                error);
    }

    /**
     * True when an answer that ends in an alias without data already says the alias's target has no such records,
     * so asking the target again would only repeat it (one more sequential round trip, e.g. the AAAA of a host
     * that has only an A behind a CNAME). That is so when a recursive resolver answered (recursion asked and
     * available: it chased the chain itself), or when the answer carries the SOA of a zone holding the target
     * (RFC 2308: the negative answer is about the end of the chain). An authoritative server for another zone
     * gives neither, and its target is then asked for.
     */
    private static boolean chainAnswered(Message message, String target) {
        if (message.getHeader().getFlag(Flags.RD) && message.getHeader().getFlag(Flags.RA)) {
            return true;
        }
        for (Record r : message.getSection(Section.AUTHORITY)) {
            if (r.getType() == Type.SOA) {
                String zone = stripDot(r.getName().toString().toLowerCase(Locale.ROOT));
                if (zone.equals(target) || target.endsWith("." + zone) || ".".equals(r.getName().toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Single(String askedName, Message message, String rcode, List<Evidence.DnsRecord> records,
                          Duration elapsed, String error) {
    }

    private Single send(String name, int type, CancelToken cancel, Instant deadline) {
        long start = System.nanoTime();
        Duration wait = remaining(deadline);
        if (cancel.isCancelled()) {
            return cancelled(name, deadline, start);
        }
        if (wait.isZero()) {
            return new Single(name, null, DnsAnswer.TIMEOUT, List.of(), since(start), "no time left");
        }
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
        } catch (TextParseException e) {
            return new Single(name, null, DnsAnswer.ERROR, List.of(), since(start), "not a DNS name: " + name);
        }
        Resolver resolver = resolver(wait);
        CompletableFuture<Message> future = resolver.sendAsync(query).toCompletableFuture();
        java.io.Closeable abort = () -> future.cancel(true);
        cancel.register(abort);
        try {
            Message response = future.get(wait.toMillis() + 200, TimeUnit.MILLISECONDS);
            int rc = response.getRcode();
            List<Evidence.DnsRecord> records = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                records.add(new Evidence.DnsRecord(stripDot(r.getName().toString()), Type.string(r.getType()),
                        r.getTTL(), r.rdataToString()));
            }
            return new Single(name, response, Rcode.string(rc), records, since(start), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Single(name, null, DnsAnswer.TIMEOUT, List.of(), since(start),
                    "no answer within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Single(name, null, DnsAnswer.ERROR, List.of(), since(start), "interrupted");
        } catch (java.util.concurrent.CancellationException e) {
            return cancelled(name, deadline, start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean timedOut = cause instanceof java.net.SocketTimeoutException
                    || cause instanceof TimeoutException
                    || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timed out");
            return new Single(name, null, timedOut ? DnsAnswer.TIMEOUT : DnsAnswer.ERROR, List.of(), since(start),
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } finally {
            cancel.unregister(abort);
        }
    }

    /** A run cancelled because its deadline passed timed out; one cancelled by the user was stopped. */
    private static Single cancelled(String name, Instant deadline, long start) {
        boolean late = !Instant.now().plusMillis(100).isBefore(deadline);
        return new Single(name, null, late ? DnsAnswer.TIMEOUT : DnsAnswer.ERROR, List.of(), since(start),
                late ? "no answer before the deadline" : "cancelled");
    }

    private Resolver resolver(Duration wait) {
        Duration perQuery = wait.compareTo(timeout) < 0 ? wait : timeout;
        if (server != null) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(perQuery);
            return simple;
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (InetSocketAddress s : ResolverConfig.getCurrentConfig().servers()) {
            SimpleResolver simple = new SimpleResolver(s);
            simple.setTimeout(perQuery);
            resolvers.add(simple);
        }
        ExtendedResolver extended = new ExtendedResolver(resolvers);
        extended.setTimeout(perQuery);
        extended.setRetries(1);
        return extended;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean sameName(Name recordName, String name) {
        return stripDot(recordName.toString()).equalsIgnoreCase(name);
    }

    private static boolean sameName(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    static String stripDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
