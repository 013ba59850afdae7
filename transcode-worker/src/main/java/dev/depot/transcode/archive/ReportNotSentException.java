package dev.depot.transcode.archive;

/** An archive report did not reach Kafka; the request that caused it is retried. */
class ReportNotSentException extends RuntimeException {

  ReportNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
