package dev.signpost.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CpuHogTest {

    @Test
    void theHogKeepsCoresBusyUntilClosed() {
        Duration spent;
        CpuHog hog = CpuHog.start(4);
        try {
            long started = System.nanoTime();
            // Spinning threads use processor time at least as fast as the wall clock runs (more, with two cores).
            while (hog.cpuTime().compareTo(Duration.ofSeconds(2)) < 0
                    && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            spent = hog.cpuTime();
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            assertThat(spent).as("processor time of the hog after %s", wall).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        } finally {
            hog.close();
        }
        assertThat(hog.isAlive()).isFalse();
    }
}
