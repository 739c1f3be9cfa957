package dev.signpost.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCountsTest {

    private static Check check(String id, Status status) {
        return new Check(id, status, "summary", null, List.of(), List.of());
    }

    @Test
    void notReachedChecksAreCountedOnceAndNotAsSkipped() {
        CheckCounts counts = CheckCounts.of(List.of(check("a", Status.FAIL), check("b", Status.WARN),
                check("c", Status.PASS), check("d", Status.PASS), check("e", Status.SKIP),
                Check.notReached("f", "summary", List.of(), "a")));
        assertThat(counts).isEqualTo(new CheckCounts(6, 1, 1, 2, 1, 1));
    }

    @Test
    void problemsAreOrderedWorstFirstByTheSameOrderAsTheOverallStatus() {
        assertThat(List.of(Status.PASS, Status.WARN, Status.SKIP, Status.FAIL).stream().sorted(Status.WORST_FIRST))
                .containsExactly(Status.FAIL, Status.WARN, Status.PASS, Status.SKIP);
        assertThat(Status.FAIL.isWorseThan(Status.WARN)).isTrue();
        assertThat(Status.SKIP.isWorseThan(Status.PASS)).isFalse();
        assertThat(Status.PASS.worst(Status.WARN)).isEqualTo(Status.WARN);
    }
}
