package dev.depot.transcode.processing;

/** A processing report did not reach Kafka; the record that caused it is retried. */
class ReportNotSentException extends RuntimeException {

  ReportNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
