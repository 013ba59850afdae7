package dev.depot.transcode.processing;

import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.transcode.report.ReportSender;
import org.springframework.stereotype.Component;

/** Processing reports on Kafka, keyed by file id. */
@Component
class KafkaProcessingReports implements ProcessingReports {

    private final ReportSender reports;

    KafkaProcessingReports(ReportSender reports) {
        this.reports = reports;
    }

    @Override
    public void send(VersionProcessed report) {
        reports.send(
                VersionProcessed.TOPIC, VersionProcessed.TYPE, report.fileId().toString(), report);
    }
}
