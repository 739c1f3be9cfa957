package dev.signpost.ui.task;

import dev.signpost.core.concurrent.NamedDaemonThreadFactory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTasksTest {

    @Test
    void successRunsOnSuccessThenFinally() {
        List<String> events = new ArrayList<>();
        BackgroundTasks.sameThread().create(() -> 42)
                .onSuccess(v -> events.add("success " + v))
                .onError(e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .start();
        assertThat(events).containsExactly("success 42", "finally");
    }

    @Test
    void failureHandsOverTheCauseNotAWrapper() {
        List<Throwable> errors = new ArrayList<>();
        List<String> events = new ArrayList<>();
        BackgroundTasks.sameThread().create(() -> {
                    throw new IOException("disk full");
                })
                .onSuccess(v -> events.add("success"))
                .onError(errors::add)
                .andFinally(() -> events.add("finally"))
                .start();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(events).containsExactly("finally");
    }

    @Test
    void workRunsOnNamedDaemonThreadsAndCallbacksOnTheUiExecutor() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(new NamedDaemonThreadFactory("work", (t, e) -> { }));
        LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
        try {
            BackgroundTasks tasks = new BackgroundTasks(worker, uiQueue::add);
            List<String> seen = new ArrayList<>();
            tasks.create(() -> Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon())
                    .onSuccess(seen::add).start();
            Runnable callback = uiQueue.poll(5, TimeUnit.SECONDS);
            assertThat(seen).isEmpty();
            callback.run();
            assertThat(seen).containsExactly("work-1 daemon=true");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void cancellingInterruptsTheWorkAndReportsCancelled() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(new NamedDaemonThreadFactory("work", (t, e) -> { }));
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            List<String> events = new ArrayList<>();
            Future<Object> future = new BackgroundTasks(worker, Runnable::run).create(() -> {
                        started.countDown();
                        new CountDownLatch(1).await(); // blocks until cancel interrupts it
                        return null;
                    })
                    .onSuccess(v -> events.add("success"))
                    .onCancelled(() -> {
                        events.add("cancelled");
                        cancelled.countDown();
                    })
                    .start();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            future.cancel(true);
            assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("cancelled");
        } finally {
            worker.shutdownNow();
        }
    }
}
