package dev.depot.metadata.upload;

import dev.depot.metadata.file.Version;
import dev.depot.metadata.quota.QuotaLedger.Delta;

/**
 * How a stored upload settles in its owner's quota ledger: its reservation is released and its
 * bytes count where the version now lies.
 *
 * @param makesCurrent whether the version becomes its file's current one (it is the newest)
 * @param delta the ledger change
 */
record UploadSettlement(boolean makesCurrent, Delta delta) {

    /**
     * The settlement of {@code stored} in a file whose current version is {@code current} ({@code
     * null} for a new file): the newest version becomes current; its bytes count in the trash when
     * the file is there, else as the current version or, when a newer one came first, as an old
     * version.
     */
    static UploadSettlement of(Version stored, Version current, boolean fileLive) {
        boolean newest = current == null || stored.number() > current.number();
        Delta counted;
        if (!fileLive) {
            counted = new Delta(0, 0, stored.size(), 0);
        } else if (newest) {
            counted = Delta.madeCurrent(stored.size(), current == null ? 0 : current.size());
        } else {
            counted = new Delta(0, stored.size(), 0, 0);
        }
        return new UploadSettlement(newest, Delta.reserved(-stored.size()).plus(counted));
    }
}
