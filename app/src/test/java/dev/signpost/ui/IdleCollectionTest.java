package dev.signpost.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the serial collector's idle collection runs. */
class IdleCollectionTest {

    private static final long MB = 1L << 20;

    @Test
    void collectsOnceTheHeapGrewAndNoCollectionRanForTheQuietTime() {
        IdleCollection idle = new IdleCollection();

        assertThat(idle.shouldCollect(0, 5, 60 * MB)).as("first reading").isFalse();
        assertThat(idle.shouldCollect(IdleCollection.QUIET_MILLIS - 1, 5, 60 * MB)).as("not quiet long enough")
                .isFalse();
        assertThat(idle.shouldCollect(IdleCollection.QUIET_MILLIS, 5, 60 * MB)).isTrue();
    }

    @Test
    void aCollectionInBetweenStartsTheQuietTimeAgain() {
        IdleCollection idle = new IdleCollection();
        idle.shouldCollect(0, 5, 60 * MB);

        assertThat(idle.shouldCollect(IdleCollection.QUIET_MILLIS, 6, 60 * MB)).isFalse();
        assertThat(idle.shouldCollect(2 * IdleCollection.QUIET_MILLIS - 1, 6, 60 * MB)).isFalse();
        assertThat(idle.shouldCollect(2 * IdleCollection.QUIET_MILLIS, 6, 60 * MB)).isTrue();
    }

    @Test
    void littleGarbageSinceTheLastOwnCollectionIsLeftAlone() {
        IdleCollection idle = new IdleCollection();
        idle.collected(0, 9, 50 * MB);

        assertThat(idle.shouldCollect(IdleCollection.QUIET_MILLIS, 9, 50 * MB + IdleCollection.GARBAGE_BYTES - 1))
                .as("an idle wizard is not collected again and again").isFalse();
        assertThat(idle.shouldCollect(IdleCollection.QUIET_MILLIS + 1, 9, 50 * MB + IdleCollection.GARBAGE_BYTES))
                .isTrue();
    }
}
