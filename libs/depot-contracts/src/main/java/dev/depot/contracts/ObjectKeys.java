package dev.depot.contracts;

import java.util.UUID;

/** Builds every object key. A key names immutable content, never a mutable "current" file. */
public final class ObjectKeys {

  private ObjectKeys() {}

  /** The immutable content of one or more versions (copies and reverts share it). */
  public static String blob(UUID blobId) {
    return "blobs/" + blobId;
  }
}
