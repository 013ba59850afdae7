package dev.depot.metadata.quota;

import static dev.depot.metadata.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.quota.QuotaLedger.Delta;
import dev.depot.metadata.quota.QuotaLedger.Usage;
import org.junit.jupiter.api.Test;

/** The ledger's counters: how changes add up, what is used and free, how growth is refused. */
class QuotaArithmeticUnitTest {

    @Test
    void growthIsTheSumOfEveryCounter() {
        assertThat(new Delta(100, -40, 7, 3).growth()).isEqualTo(70);
        assertThat(Delta.NONE.growth()).isZero();
    }

    @Test
    void changesAddUpCounterByCounterAndUndo() {
        Delta delta = new Delta(1, 2, 3, 4);
        assertThat(delta.plus(new Delta(10, 20, 30, 40))).isEqualTo(new Delta(11, 22, 33, 44));
        assertThat(delta.negate()).isEqualTo(new Delta(-1, -2, -3, -4));
        assertThat(delta.plus(delta.negate())).isEqualTo(Delta.NONE);
    }

    @Test
    void aReservationHoldsBytesUntilTheUploadSettles() {
        assertThat(Delta.reserved(500)).isEqualTo(new Delta(0, 0, 0, 500));
        assertThat(Delta.reserved(500).growth()).isEqualTo(500);
        assertThat(Delta.reserved(-500).plus(Delta.reserved(500))).isEqualTo(Delta.NONE);
    }

    @Test
    void aNewCurrentVersionMovesTheOneItReplacesAmongOldVersions() {
        Delta replacing = Delta.madeCurrent(300, 100);
        assertThat(replacing).isEqualTo(new Delta(200, 100, 0, 0));
        assertThat(replacing.growth()).as("the new version's bytes, in full").isEqualTo(300);
        assertThat(Delta.madeCurrent(50, 400)).isEqualTo(new Delta(-350, 400, 0, 0));
        assertThat(Delta.madeCurrent(80, 0)).isEqualTo(new Delta(80, 0, 0, 0));
    }

    @Test
    void usageCountsEveryStateAgainstTheLimit() {
        Usage usage = new Usage(1_000, 400, 200, 100, 50, false);
        assertThat(usage.used()).isEqualTo(750);
        assertThat(usage.available()).isEqualTo(250);
        assertThat(new Usage(1_000, 1_000, 0, 0, 0, false).available()).isZero();
    }

    @Test
    void aLoweredLimitLeavesNothingAvailableRatherThanLessThanNothing() {
        Usage over = new Usage(500, 600, 100, 0, 0, true);
        assertThat(over.used()).isEqualTo(700);
        assertThat(over.available()).isZero();
    }

    @Test
    void refusedGrowthSaysWhatItNeedsAndWhatIsFree() {
        DepotException refused = assertRefused(
                () -> {
                    throw new Usage(1_000, 700, 0, 0, 100, false).refusal(300);
                },
                MetadataProblem.QUOTA_EXCEEDED,
                "This needs 300 bytes but only 200 of your 1000 bytes" + " are free.");
        assertThat(refused.properties())
                .containsEntry("requiredBytes", 300L)
                .containsEntry("availableBytes", 200L)
                .containsEntry("limitBytes", 1_000L);
        assertThat(new Usage(500, 600, 0, 0, 0, true).refusal(1).properties()).containsEntry("availableBytes", 0L);
    }
}
