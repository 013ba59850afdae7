package dev.depot.transcode.report;

/** A report did not reach Kafka; the record that caused it is retried. */
public class ReportNotSentException extends RuntimeException {

    ReportNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
