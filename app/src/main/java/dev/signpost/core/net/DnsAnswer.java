package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.SrvEntry;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one DNS question, CNAMEs followed.
 *
 * @param name       the name asked (ASCII, no trailing dot)
 * @param type       A, AAAA, SRV or CNAME
 * @param rcode      NOERROR, NXDOMAIN, SERVFAIL, REFUSED…, TIMEOUT, or ERROR when no answer could be had
 * @param server     the server that was asked, in words
 * @param cnameChain the names the answer was aliased to, in order (empty when there was no CNAME)
 * @param addresses  A/AAAA addresses of the final name
 * @param srv        SRV records of the final name
 * @param exchanges  every query sent, with its records and TTLs, for evidence
 * @param elapsed    time for all queries
 * @param error      a technical description when rcode is TIMEOUT or ERROR, else null
 */
public record DnsAnswer(
        String name,
        String type,
        String rcode,
        String server,
        List<String> cnameChain,
        List<InetAddress> addresses,
        List<SrvEntry> srv,
        List<Evidence.Dns> exchanges,
        Duration elapsed,
        String error) {

    public static final String NOERROR = "NOERROR";
    public static final String NXDOMAIN = "NXDOMAIN";
    public static final String SERVFAIL = "SERVFAIL";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String ERROR = "ERROR";

    public DnsAnswer {
        cnameChain = List.copyOf(cnameChain);
        addresses = List.copyOf(addresses);
        srv = List.copyOf(srv);
        exchanges = List.copyOf(exchanges);
    }

    /** True for NOERROR (possibly with no records: "no data"). */
    public boolean noError() {
        return NOERROR.equals(rcode);
    }

    /** True when the name or the record type does not exist: NXDOMAIN, or NOERROR with no records. */
    public boolean doesNotExist() {
        return NXDOMAIN.equals(rcode) || (noError() && addresses.isEmpty() && srv.isEmpty());
    }

    /** True when the lookup itself failed (SERVFAIL, REFUSED, timeout…), which is not the same as "no record". */
    public boolean failed() {
        return !noError() && !NXDOMAIN.equals(rcode);
    }

    /** The name whose records were finally used (the end of the CNAME chain). */
    public String finalName() {
        return cnameChain.isEmpty() ? name : cnameChain.get(cnameChain.size() - 1);
    }
}
