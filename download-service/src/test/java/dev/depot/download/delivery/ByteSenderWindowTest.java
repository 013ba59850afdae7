package dev.depot.download.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How big the next window read from storage is, given how the client took the last one. */
class ByteSenderWindowTest {

    private static final long MS = 1_000_000L;
    private static final long LOTS = Long.MAX_VALUE;

    @Test
    void aWriteThatOnlyFilledSocketBuffersGrowsTheWindowFourfold() {
        assertThat(ByteSender.windowAfter(16 * 1024, 1_000, LOTS)).isEqualTo(64 * 1024);
        assertThat(ByteSender.windowAfter(1024 * 1024, 1_000, LOTS)).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aFastClientGetsTwoMebibytesAtOnce() {
        // 64 KiB in 5 ms: 12.5 MiB/s, far more than 2 MiB in two seconds.
        assertThat(ByteSender.windowAfter(64 * 1024, 5 * MS, LOTS)).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aSlowClientKeepsTheSmallestWindow() {
        // 32 KiB took 30 s: about 1 KiB/s, so two seconds is 2 KiB, below the floor.
        assertThat(ByteSender.windowAfter(32 * 1024, 30_000 * MS, LOTS)).isEqualTo(8 * 1024);
    }

    @Test
    void aWindowFollowsThePaceBetweenTheBounds() {
        // 64 KiB in 1 s: 128 KiB for two seconds.
        assertThat(ByteSender.windowAfter(64 * 1024, 1_000 * MS, LOTS)).isEqualTo(128 * 1024);
    }

    @Test
    void aWindowNeverPassesTheEndOfTheRange() {
        assertThat(ByteSender.windowAfter(1024 * 1024, MS, 100)).isEqualTo(100);
    }

    @Test
    void aClientIsProvenFastOnlyByMoreBytesThanSocketBuffersHoldAtTheFastPace() {
        long mib = 1024 * 1024;
        assertThat(ByteSender.provenFast(8 * mib, 3_900 * MS)).isTrue();
        assertThat(ByteSender.provenFast(4 * mib, MS))
                .as("what socket buffers alone take")
                .isFalse();
        assertThat(ByteSender.provenFast(8 * mib, 4_100 * MS))
                .as("slower than 2 MiB/s")
                .isFalse();
        assertThat(ByteSender.fastPace(4 * mib, 1_900 * MS)).isTrue();
        assertThat(ByteSender.fastPace(4 * mib, 2_100 * MS)).isFalse();
    }
}
