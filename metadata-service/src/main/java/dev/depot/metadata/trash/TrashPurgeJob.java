package dev.depot.metadata.trash;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges what has waited in the trash longer than the retention period. */
@Component
class TrashPurgeJob {

  private final TrashService trash;

  TrashPurgeJob(TrashService trash) {
    this.trash = trash;
  }

  @Scheduled(fixedDelayString = "${depot.trash.sweep-interval:10m}", initialDelayString = "1m")
  void purgeExpired() {
    trash.purgeExpired();
  }
}
