package dev.signpost.core.discovery;

import dev.signpost.core.net.DnsAnswer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One run's DNS answers: each question asked once, a question on the way shared with whoever asks meanwhile. */
class ResolutionCacheTest {

    private static DnsAnswer answer(String name, String type) {
        return new DnsAnswer(name, type, DnsAnswer.NOERROR, "test", List.of(), List.of(), List.of(), List.of(),
                Duration.ZERO, null);
    }

    @Test
    void aSecondAskerWhileTheFirstIsWaitingGetsTheSameAnswerWithoutAskingAgain() throws Exception {
        ResolutionCache cache = new ResolutionCache();
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        DnsAnswer sent = answer("matrix.example.com", "A");
        CompletableFuture<DnsAnswer> first = CompletableFuture.supplyAsync(() -> cache.answer("matrix.example.com",
                Type.A, () -> {
                    asked.incrementAndGet();
                    asking.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sent;
                }));
        assertThat(asking.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DnsAnswer> second = CompletableFuture.supplyAsync(() -> cache.answer("Matrix.Example.COM.",
                Type.A, () -> {
                    asked.incrementAndGet();
                    return answer("matrix.example.com", "A");
                }));
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(sent);
        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(sent);
        assertThat(asked).hasValue(1);
        assertThat(cache.questions()).isEqualTo(1);
    }

    @Test
    void anotherTypeOrNameIsItsOwnQuestion() {
        ResolutionCache cache = new ResolutionCache();
        AtomicInteger asked = new AtomicInteger();
        cache.answer("example.com", Type.A, () -> answer("example.com", "A" + asked.incrementAndGet()));
        cache.answer("example.com", Type.AAAA, () -> answer("example.com", "AAAA" + asked.incrementAndGet()));
        cache.answer("www.example.com", Type.A, () -> answer("www.example.com", "A" + asked.incrementAndGet()));
        DnsAnswer again = cache.answer("example.com", Type.A, () -> answer("example.com", "A"
                + asked.incrementAndGet()));
        assertThat(again.type()).isEqualTo("A1");
        assertThat(asked).hasValue(3);
    }

    @Test
    void aQuestionThatFailedFailsEveryAskerInsteadOfLeavingThemWaiting() {
        ResolutionCache cache = new ResolutionCache();
        assertThatThrownBy(() -> cache.answer("example.com", Type.A, () -> {
            throw new IllegalStateException("resolver broke");
        })).hasMessage("resolver broke");
        assertThatThrownBy(() -> cache.answer("example.com", Type.A, () -> answer("example.com", "A")))
                .hasRootCauseMessage("resolver broke");
    }
}
