package dev.depot.metadata.activity;

import java.util.UUID;

/** What an activity entry is about (a folder or a file), as it is when the change happens. */
public interface ActivitySubject {

  UUID id();

  UUID ownerId();

  String name();

  /** The kind as the log names it: {@code folder} or {@code file}. */
  String activityKind();
}
