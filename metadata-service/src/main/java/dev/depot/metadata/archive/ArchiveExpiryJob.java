package dev.depot.metadata.archive;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires archives past their time; instances share the work (SKIP LOCKED). */
@Component
class ArchiveExpiryJob {

  private final ArchiveService archives;

  ArchiveExpiryJob(ArchiveService archives) {
    this.archives = archives;
  }

  @Scheduled(fixedDelayString = "${depot.archives.sweep-interval:5m}", initialDelayString = "1m")
  void expire() {
    while (archives.expire() == ArchiveService.SWEEP_BATCH) {
      // a full batch: there may be more
    }
  }
}
