package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveProgressed;

/** Tells the control plane how the building of an archive goes. */
interface ArchiveReports {

    /** Sends a progress report without waiting; a lost one is superseded by the next. */
    void progress(ArchiveProgressed report);

    /**
     * Sends the outcome and returns once the broker has it.
     *
     * @throws dev.depot.transcode.report.ReportNotSentException when it could not be sent (the
     *     request is retried)
     */
    void finished(ArchiveFinished report);
}
