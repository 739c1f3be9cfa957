package dev.signpost.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FX-thread I/O rule without a toolkit: a thread carrying JavaFX's application-thread name stands for it, so
 * the rule's effect on the real entry points (here {@link AtomicFiles}, the writer behind settings, exports and
 * saved files) is seen in plain unit tests. The wizard's TestFX tests run the same rule on the real thread.
 */
class UiThreadRuleTest {

    @TempDir
    Path dir;

    @Test
    void aFileWriteOnTheUiThreadFailsInTestsAndWritesNothing() throws Exception {
        Path target = dir.resolve("report.html");

        Throwable thrown = runOn(UiThreadRule.FX_THREAD_NAME, () -> AtomicFiles.writeString(target, "<html>"));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageContaining("writing report.html on the JavaFX application thread");
        assertThat(target).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left behind").isEmpty();
        }
    }

    @Test
    void theSameWriteOnAWorkerSucceeds() throws Exception {
        Path target = dir.resolve("report.html");

        Throwable thrown = runOn("signpost-ui-1", () -> AtomicFiles.writeString(target, "<html>"));

        assertThat(thrown).isNull();
        assertThat(target).hasContent("<html>");
    }

    @Test
    void testsRunWithTheRuleStrict() {
        // Surefire enables assertions; without them a breach would only be logged and these tests would prove nothing.
        assertThat(UiThreadRule.class.desiredAssertionStatus()).isTrue();
    }

    private interface Io {
        void run() throws Exception;
    }

    private static Throwable runOn(String threadName, Io io) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                io.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, threadName);
        thread.start();
        thread.join();
        return thrown.get();
    }
}
