package dev.signpost.core.discovery;

import dev.signpost.core.net.DnsAnswer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The DNS answers of one check run, shared by every lane: the federation lane, the client lane, the apps lane and
 * the probes resolve the same few names (the server name, the delegated host, the {@code base_url} host), and a
 * second question for a name already asked cost a sequential round trip where the answer was already known.
 *
 * <p>Each question is asked once: the first to ask sends it, and anyone asking while it is on the way waits for
 * that same answer instead of sending another. Answers are kept for the run only — a new check sees the DNS as it
 * is then. Failed lookups are shared as well: within one run a second wait for a server that did not answer would
 * only repeat the timeout. Thread-safe.
 */
final class ResolutionCache {

    private record Question(String name, int type) {
    }

    private final Map<Question, CompletableFuture<DnsAnswer>> answers = new ConcurrentHashMap<>();

    /**
     * The answer to {@code type} records of {@code name}: from an earlier or concurrent question of this run, or
     * from {@code ask}, which runs at most once per question.
     */
    DnsAnswer answer(String name, int type, Supplier<DnsAnswer> ask) {
        Question question = new Question(normalised(name), type);
        CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
        CompletableFuture<DnsAnswer> first = answers.putIfAbsent(question, mine);
        if (first != null) {
            return first.join();
        }
        try {
            DnsAnswer answer = ask.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            // Whoever waits on this question fails the same way rather than waiting forever.
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many distinct questions were asked so far. */
    int questions() {
        return answers.size();
    }

    private static String normalised(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
