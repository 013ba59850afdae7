package dev.depot.contracts;

import java.util.UUID;

/** Builds every object key. A key names an immutable version, never a mutable "current" file. */
public final class ObjectKeys {

  private ObjectKeys() {}

  public static String version(UUID fileId, UUID versionId) {
    return "files/" + fileId + "/versions/" + versionId;
  }
}
