package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.transcode.report.ReportSender;
import org.springframework.stereotype.Component;

/** Archive reports on Kafka, keyed by archive id. */
@Component
class KafkaArchiveReports implements ArchiveReports {

    private final ReportSender reports;

    KafkaArchiveReports(ReportSender reports) {
        this.reports = reports;
    }

    @Override
    public void progress(ArchiveProgressed report) {
        reports.sendLater(
                ArchiveProgressed.TOPIC,
                ArchiveProgressed.TYPE,
                report.archiveId().toString(),
                report);
    }

    @Override
    public void finished(ArchiveFinished report) {
        reports.send(
                ArchiveFinished.TOPIC, ArchiveFinished.TYPE, report.archiveId().toString(), report);
    }
}
