package dev.depot.metadata.archive;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires archives past their time and asks again for those whose build went quiet; instances
 * share the work (SKIP LOCKED).
 */
@Component
class ArchiveSweepJob {

  private final ArchiveService archives;

  ArchiveSweepJob(ArchiveService archives) {
    this.archives = archives;
  }

  @Scheduled(fixedDelayString = "${depot.archives.sweep-interval:5m}", initialDelayString = "1m")
  void expire() {
    while (archives.expire() == ArchiveService.SWEEP_BATCH) {
      // a full batch: there may be more
    }
  }

  @Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
  void retryStalled() {
    while (archives.retryStalled() == ArchiveService.SWEEP_BATCH) {
      // a full batch: there may be more
    }
  }
}
