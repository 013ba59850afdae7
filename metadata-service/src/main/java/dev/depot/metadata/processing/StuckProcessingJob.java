package dev.depot.metadata.processing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for versions whose processing is late; instances share the work (SKIP LOCKED). */
@Component
class StuckProcessingJob {

  private final ProcessingService processing;

  StuckProcessingJob(ProcessingService processing) {
    this.processing = processing;
  }

  @Scheduled(fixedDelayString = "${depot.processing.sweep-interval:1m}",
      initialDelayString = "${depot.processing.sweep-interval:1m}")
  void sweep() {
    while (processing.sweep() == ProcessingService.SWEEP_BATCH) {
      // a full batch: there may be more
    }
  }
}
