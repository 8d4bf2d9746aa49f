package io.profilegateway.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the change log by id when ids commit out of order. */
class ChangeCursorTest {

    @Test
    void anIdThatCommitsLateIsStillSeenOnce() {
        ChangeCursor cursor = new ChangeCursor(1_000);
        cursor.reset(10);

        assertThat(cursor.seen(11, 0)).isTrue();
        assertThat(cursor.seen(14, 0)).isTrue();
        assertThat(cursor.gaps(0)).containsExactly(12L, 13L);
        assertThat(cursor.last()).isEqualTo(14);

        assertThat(cursor.seen(13, 10)).describedAs("late commit").isTrue();
        assertThat(cursor.seen(13, 20)).describedAs("read twice").isFalse();
        assertThat(cursor.seen(14, 20)).isFalse();
        assertThat(cursor.gaps(20)).containsExactly(12L);
    }

    @Test
    void aGapThatNeverShowsUpIsGivenUpAfterThePatience() {
        ChangeCursor cursor = new ChangeCursor(1_000);
        cursor.reset(0);
        cursor.seen(3, 0);

        assertThat(cursor.gaps(999)).containsExactly(1L, 2L);
        assertThat(cursor.gaps(1_001)).isEmpty();
        assertThat(cursor.seen(1, 1_002)).describedAs("at or below the last id, no longer awaited").isFalse();
    }

    @Test
    void idsAtOrBelowTheStartAreOld() {
        ChangeCursor cursor = new ChangeCursor(1_000);
        cursor.reset(100);
        assertThat(cursor.seen(100, 0)).isFalse();
        assertThat(cursor.seen(99, 0)).isFalse();
        assertThat(cursor.gapCount()).isZero();
    }
}
