package dev.depot.upload.session;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One request at a time per upload on this instance; a second one is refused rather than queued
 * (tus clients retry a 423). Writers on different instances are kept apart by the session row,
 * which only accepts a change from the {@code stored} value the writer started from.
 */
@Component
class UploadLocks {

  private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

  boolean tryLock(UUID uploadId) {
    return busy.add(uploadId);
  }

  void unlock(UUID uploadId) {
    busy.remove(uploadId);
  }
}
