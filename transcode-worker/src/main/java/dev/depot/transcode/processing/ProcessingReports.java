package dev.depot.transcode.processing;

import dev.depot.contracts.processing.v1.VersionProcessed;

/** Tells the control plane how processing of a version ended. */
interface ProcessingReports {

    /**
     * Sends the report and returns once the broker has it.
     *
     * @throws dev.depot.transcode.report.ReportNotSentException when it could not be sent (retry
     *     later)
     */
    void send(VersionProcessed report);
}
