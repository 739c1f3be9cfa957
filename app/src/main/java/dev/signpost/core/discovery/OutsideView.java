package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.DnsAnswer;
import dev.signpost.core.net.DohClient;
import dev.signpost.core.net.IpText;
import dev.signpost.core.net.NetOptions;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@value #CHECK_ID}: what remote servers see of the names this check resolved, compared with what this computer
 * sees. A hosts-file entry, split-horizon DNS or a VPN gives this computer answers the world never gets, and then a
 * check from here passes while remote servers fail.
 *
 * <p>Every name the lanes ask the system's resolvers about (or pin with {@code --resolve}) is asked of the public
 * resolvers over DNS-over-HTTPS at the same moment, on the run's executor: no lane waits for it. The verdict is made
 * when the report is assembled; answers still outstanding then get a short grace, bounded by the run's deadline, and
 * the run's cancel token closes their connections with everything else.
 *
 * <p>Two views agree when they share an address (or SRV target), or when both have none: round-robin DNS hands out
 * subsets. When the public resolvers disagree among themselves (a CDN or geo DNS answers by location), the name is
 * not held against this computer.
 */
final class OutsideView {

    static final String CHECK_ID = "dns.outside-view";

    private enum Mode { ON, OFF, LAB }

    private enum Kind { ADDRESS, SRV }

    private record Key(String name, Kind kind) {
    }

    /** One name: what this computer saw and what each public resolver was asked, per record type. */
    private static final class Entry {
        final Map<Integer, DnsAnswer> local = new HashMap<>();
        InetAddress pinned;
        final Map<Integer, List<CompletableFuture<DohClient.Result>>> remote = new LinkedHashMap<>();
    }

    /** One side's view of a name: the values, or null when unknown, and the exchanges behind them. */
    private record View(Set<String> values, List<Evidence.Dns> exchanges) {
    }

    private final RunContext ctx;
    private final Mode mode;
    private final String labServer;
    private final List<DohClient> clients = new ArrayList<>();
    private final List<CompletableFuture<DohClient.Endpoint>> endpoints = new ArrayList<>();
    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    OutsideView(RunContext ctx, NetOptions options) {
        this.ctx = ctx;
        this.mode = options.publicDns().isEmpty() ? Mode.OFF : options.dnsServer() != null ? Mode.LAB : Mode.ON;
        this.labServer = ctx.dns.serverDescription();
        if (mode == Mode.ON) {
            for (URI uri : options.publicDns()) {
                clients.add(new DohClient(uri, ctx.http, ctx.certificates, ctx.overrides, ctx.dns));
                endpoints.add(null);
            }
        }
    }

    /** The lanes are about to ask the system's resolvers: the public ones are asked now, in parallel. */
    void asked(String name, int type) {
        Kind kind = kindOf(type);
        if (mode != Mode.ON || kind == null) {
            return;
        }
        synchronized (this) {
            Entry entry = entries.computeIfAbsent(new Key(normal(name), kind), k -> new Entry());
            if (entry.remote.containsKey(type)) {
                return;
            }
            List<CompletableFuture<DohClient.Result>> asked = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                DohClient client = clients.get(i);
                asked.add(endpoint(i).thenCompose(endpoint -> ctx.async(() -> client.query(endpoint, normal(name),
                        type, ctx.cancel, ctx.deadline))));
            }
            entry.remote.put(type, asked);
        }
    }

    /** What the system's resolvers answered; a later answer replaces one that failed. */
    void answered(String name, int type, DnsAnswer answer) {
        Kind kind = kindOf(type);
        if (mode != Mode.ON || kind == null) {
            return;
        }
        synchronized (this) {
            Entry entry = entries.get(new Key(normal(name), kind));
            if (entry != null) {
                DnsAnswer before = entry.local.get(type);
                if (before == null || before.failed()) {
                    entry.local.put(type, answer);
                }
            }
        }
    }

    /** A {@code --resolve} entry stands in for DNS on this computer: the public resolvers are asked all the same. */
    void pinned(String host, InetAddress address) {
        if (mode != Mode.ON) {
            return;
        }
        asked(host, Type.A);
        asked(host, Type.AAAA);
        synchronized (this) {
            Entry entry = entries.get(new Key(normal(host), Kind.ADDRESS));
            if (entry != null && entry.pinned == null) {
                entry.pinned = address;
            }
        }
    }

    /** Where resolver {@code i} is, found once per run on first use. */
    private CompletableFuture<DohClient.Endpoint> endpoint(int i) {
        CompletableFuture<DohClient.Endpoint> known = endpoints.get(i);
        if (known == null) {
            DohClient client = clients.get(i);
            known = ctx.async(() -> client.locate(ctx.cancel, ctx.deadline));
            endpoints.set(i, known);
        }
        return known;
    }

    /** The verdict, once the outstanding answers are in or their grace is over. */
    Check judge() {
        if (mode == Mode.OFF) {
            return skip(ctx.t("outside.off"), List.of());
        }
        if (mode == Mode.LAB) {
            return skip(ctx.t("outside.lab", labServer), List.of());
        }
        Map<Key, Entry> snapshot;
        List<CompletableFuture<DohClient.Result>> all = new ArrayList<>();
        synchronized (this) {
            snapshot = new LinkedHashMap<>(entries);
            snapshot.values().forEach(e -> e.remote.values().forEach(all::addAll));
        }
        if (snapshot.isEmpty()) {
            return skip(ctx.t("outside.noNames"), List.of());
        }
        long reserve = RunContext.reserve(ctx.timeout).toMillis();
        long grace = Math.min(reserve, RunContext.millisUntil(ctx.deadlineNanos) + reserve / 4);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .completeOnTimeout(null, grace, TimeUnit.MILLISECONDS).join();
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<Key, Entry> item : snapshot.entrySet()) {
                judgeName(item.getKey(), item.getValue(), problems, differences, differing, compared, evidence);
            }
        }
        problems.forEach((url, why) -> evidence.add(new Evidence.Note(url, why)));
        if (!differences.isEmpty()) {
            return new Check(CHECK_ID, Status.WARN, String.join(" ", differences),
                    ctx.t("fix.outside", String.join(", ", differing)), List.of(), evidence);
        }
        if (!compared.isEmpty()) {
            return new Check(CHECK_ID, Status.PASS, ctx.t("outside.same", String.join(", ", compared),
                    resolverNames()), null, List.of(), evidence);
        }
        String why = problems.isEmpty() ? ctx.t("outside.notCompared")
                : ctx.t("outside.noAnswer", problems.values().iterator().next());
        return skip(why, evidence);
    }

    private void judgeName(Key key, Entry entry, Map<String, String> problems, List<String> differences,
                           List<String> differing, List<String> compared, List<Evidence> evidence) {
        String label = key.kind == Kind.SRV ? key.name + " SRV" : key.name;
        View local = localView(key, entry);
        if (local == null) {
            evidence.add(new Evidence.Note(label, ctx.t("outside.evidence.noLocal")));
            return;
        }
        List<View> remote = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            View view = remoteView(key, entry, i, problems);
            if (view != null) {
                remote.add(view);
            }
        }
        if (remote.isEmpty()) {
            evidence.add(new Evidence.Note(label, ctx.t("outside.evidence.noRemote")));
            return;
        }
        compared.add(label);
        for (View a : remote) {
            for (View b : remote) {
                if (!agree(a.values, b.values)) {
                    evidence.add(new Evidence.Note(label, ctx.t("outside.evidence.varies", shown(a.values, key),
                            shown(b.values, key))));
                    return;
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        remote.forEach(v -> seen.addAll(v.values));
        String localText = shown(local.values, key) + (entry.pinned != null ? " " + ctx.t("outside.fromResolve") : "");
        if (agree(seen, local.values)) {
            evidence.add(new Evidence.Note(label, ctx.t("outside.evidence.same", localText)));
            return;
        }
        String sentence = ctx.t(key.kind == Kind.SRV ? "outside.differs.srv" : "outside.differs", key.name,
                shown(seen, key), localText);
        differences.add(sentence);
        differing.add(key.name);
        evidence.add(new Evidence.Note(label, sentence));
        evidence.addAll(local.exchanges);
        remote.forEach(v -> evidence.addAll(v.exchanges));
    }

    private View localView(Key key, Entry entry) {
        if (entry.pinned != null) {
            return new View(Set.of(IpText.format(entry.pinned)), List.of());
        }
        Set<String> values = new TreeSet<>();
        List<Evidence.Dns> exchanges = new ArrayList<>();
        for (Integer type : entry.remote.keySet()) {
            DnsAnswer answer = entry.local.get(type);
            if (answer == null || answer.failed()) {
                return null;
            }
            values.addAll(valuesOf(answer, key.kind));
            exchanges.addAll(answer.exchanges());
        }
        return new View(values, exchanges);
    }

    private View remoteView(Key key, Entry entry, int resolver, Map<String, String> problems) {
        Set<String> values = new TreeSet<>();
        List<Evidence.Dns> exchanges = new ArrayList<>();
        String url = clients.get(resolver).url();
        for (List<CompletableFuture<DohClient.Result>> asked : entry.remote.values()) {
            CompletableFuture<DohClient.Result> future = asked.get(resolver);
            DohClient.Result result = future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
            if (result == null) {
                problems.putIfAbsent(url, ctx.t("outside.problem.TIMEOUT", url, ""));
                return null;
            }
            if (result.answer() == null) {
                problems.putIfAbsent(url, ctx.t("outside.problem." + result.problem().name(), url,
                        result.detail() == null ? "" : result.detail()));
                return null;
            }
            if (result.answer().failed()) {
                problems.putIfAbsent(url, ctx.t("outside.problem.rcode", url, key.name, result.answer().rcode()));
                return null;
            }
            values.addAll(valuesOf(result.answer(), key.kind));
            exchanges.addAll(result.answer().exchanges());
        }
        return new View(values, exchanges);
    }

    private static Set<String> valuesOf(DnsAnswer answer, Kind kind) {
        Set<String> values = new LinkedHashSet<>();
        if (kind == Kind.ADDRESS) {
            answer.addresses().forEach(ip -> values.add(IpText.format(ip)));
        } else {
            for (SrvEntry srv : answer.srv()) {
                values.add(srv.target().toLowerCase(Locale.ROOT) + ":" + srv.port());
            }
        }
        return values;
    }

    /** Two views agree when both are empty or they share a value. */
    private static boolean agree(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.stream().anyMatch(b::contains);
    }

    private String shown(Set<String> values, Key key) {
        if (values.isEmpty()) {
            return ctx.t(key.kind == Kind.SRV ? "outside.noSrv" : "outside.noAddress");
        }
        return String.join(", ", values);
    }

    private String resolverNames() {
        List<String> names = new ArrayList<>();
        for (DohClient client : clients) {
            names.add(URI.create(client.url()).getHost());
        }
        return String.join(", ", names);
    }

    private Check skip(String why, List<Evidence> evidence) {
        return new Check(CHECK_ID, Status.SKIP, why, null, List.of(), evidence);
    }

    private static Kind kindOf(int type) {
        return type == Type.A || type == Type.AAAA ? Kind.ADDRESS : type == Type.SRV ? Kind.SRV : null;
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
