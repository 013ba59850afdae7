package dev.depot.metadata.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.metadata.file.Version;
import dev.depot.metadata.quota.QuotaLedger.Delta;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a stored upload's reserved bytes count once it settles. */
class UploadSettlementUnitTest {

    private static final UUID FILE = UUID.randomUUID();

    @Test
    void aNewFilesFirstVersionBecomesCurrent() {
        UploadSettlement settled = UploadSettlement.of(version(1, 400), null, true);
        assertThat(settled.makesCurrent()).isTrue();
        assertThat(settled.delta()).isEqualTo(new Delta(400, 0, 0, -400));
        assertThat(settled.delta().growth())
                .as("the reservation already held the bytes")
                .isZero();
    }

    @Test
    void aNewerVersionReplacesTheCurrentOneWhichStaysAsAnOldVersion() {
        UploadSettlement settled = UploadSettlement.of(version(3, 250), version(2, 100), true);
        assertThat(settled.makesCurrent()).isTrue();
        assertThat(settled.delta()).isEqualTo(new Delta(150, 100, 0, -250));
    }

    @Test
    void aVersionOvertakenByANewerOneCountsAsAnOldVersion() {
        UploadSettlement settled = UploadSettlement.of(version(2, 250), version(3, 100), true);
        assertThat(settled.makesCurrent()).isFalse();
        assertThat(settled.delta()).isEqualTo(new Delta(0, 250, 0, -250));
    }

    @Test
    void theBytesOfAFileInTheTrashCountInTheTrash() {
        UploadSettlement newest = UploadSettlement.of(version(3, 250), version(2, 100), false);
        assertThat(newest.makesCurrent()).isTrue();
        assertThat(newest.delta()).isEqualTo(new Delta(0, 0, 250, -250));
        assertThat(UploadSettlement.of(version(1, 250), version(2, 100), false).delta())
                .isEqualTo(new Delta(0, 0, 250, -250));
    }

    private static Version version(int number, long size) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Version(
                UUID.randomUUID(),
                FILE,
                number,
                UUID.randomUUID(),
                size,
                "text/plain",
                null,
                Version.Status.UPLOADING,
                now,
                now,
                UUID.randomUUID());
    }
}
