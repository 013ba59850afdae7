package dev.depot.download.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Windows come out of one budget: big while it lasts, the smallest after, all back at the end. */
class WindowBudgetTest {

    private static final int SMALLEST = 8 * 1024;

    @Test
    void aDownloadGetsWhatItAsksWhileTheBudgetLasts() {
        WindowBudget budget = new WindowBudget(1024 * 1024, SMALLEST);
        try (WindowBudget.Lease lease = budget.lease()) {
            assertThat(lease.take(256 * 1024)).isEqualTo(256 * 1024);
            assertThat(budget.free()).isEqualTo(768 * 1024);
        }
        assertThat(budget.free()).isEqualTo(1024 * 1024);
    }

    @Test
    void aSpentBudgetStillGivesTheSmallestWindowSoEveryDownloadMoves() {
        WindowBudget budget = new WindowBudget(100 * 1024, SMALLEST);
        WindowBudget.Lease first = budget.lease();
        WindowBudget.Lease second = budget.lease();
        assertThat(first.take(2 * 1024 * 1024)).isEqualTo(100 * 1024);
        assertThat(second.take(2 * 1024 * 1024)).isEqualTo(SMALLEST);
        assertThat(second.take(1000)).isEqualTo(1000);
        assertThat(budget.free()).isEqualTo(-SMALLEST - 1000);
        first.close();
        second.close();
        assertThat(budget.free()).isEqualTo(100 * 1024);
    }

    @Test
    void aReadAheadIsTakenWholeOrNotAtAll() {
        WindowBudget budget = new WindowBudget(300 * 1024, SMALLEST);
        try (WindowBudget.Lease lease = budget.lease()) {
            assertThat(lease.tryTake(256 * 1024)).isTrue();
            assertThat(lease.tryTake(256 * 1024)).isFalse();
            assertThat(budget.free()).isEqualTo(44 * 1024);
        }
    }

    @Test
    void writtenWindowsGoBackAtOnceAndTheRestWhenTheDownloadEnds() {
        WindowBudget budget = new WindowBudget(1024 * 1024, SMALLEST);
        WindowBudget.Lease lease = budget.lease();
        int window = lease.take(64 * 1024);
        lease.tryTake(512 * 1024);
        lease.give(window);
        assertThat(budget.free()).isEqualTo(512 * 1024);
        lease.close();
        lease.close();
        assertThat(budget.free()).isEqualTo(1024 * 1024);
    }
}
