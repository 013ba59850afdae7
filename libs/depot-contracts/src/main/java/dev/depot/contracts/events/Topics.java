package dev.depot.contracts.events;

/** Kafka topic names: {@code depot.<domain>.<event>.v<major>}, keyed by the id they are about. */
public final class Topics {

  public static final String FILE_UPLOADED = "depot.files.file-uploaded.v1";
  public static final String TRANSCODE_REQUESTED = "depot.media.transcode-requested.v1";

  private Topics() {}
}
