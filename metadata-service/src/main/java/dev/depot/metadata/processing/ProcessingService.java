package dev.depot.metadata.processing;

import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.kit.events.EventPublisher;
import dev.depot.metadata.file.Version;
import dev.depot.metadata.live.LivePush;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Post-processing of stored versions, as the control plane sees it: it is requested when an upload
 * completes, settled when the worker reports, requested again when the report is late, and given up
 * ("preview failed", still downloadable) after the last attempt. A version never stays "processing"
 * for good. When a file's current version settles, its owner's open pages are told at once (live
 * event {@code file}), in the transaction of the change.
 */
@Service
public class ProcessingService {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SWEEP_BATCH = 100;

    private final ProcessingRepository repository;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final ProcessingProperties properties;
    private final LivePush live;
    private final Clock clock;

    ProcessingService(
            ProcessingRepository repository,
            EventPublisher events,
            TransactionTemplate tx,
            ProcessingProperties properties,
            LivePush live,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.live = live;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks for a newly stored version to be processed (inside the transaction storing it). */
    public void request(Version version, UUID ownerId, String sha256) {
        publish(new ProcessingRepository.Waiting(
                version.fileId(),
                version.id(),
                version.blobId(),
                ownerId,
                version.size(),
                version.mimeType(),
                sha256 != null ? sha256 : version.sha256(),
                0));
    }

    /** The worker's report: the versions of the blob become ready (or "preview failed"). */
    void processed(VersionProcessed event) {
        String status = event.outcome() == VersionProcessed.Outcome.READY ? "ready" : "failed";
        int settled = tx.execute(s -> {
            List<ProcessingRepository.Settled> files = repository.settle(
                    event.blobId(),
                    status,
                    event.mimeType(),
                    event.sha256(),
                    JSON.writeValueAsString(event.previews()),
                    clock.instant());
            files.forEach(file -> push(file, status, event.mimeType()));
            return files.size();
        });
        LOG.info("blob {} processed ({}, {}): {} files settled", event.blobId(), status, event.mimeType(), settled);
    }

    /** Requests late versions again, or gives them up; returns how many were handled. */
    public int sweep() {
        Instant now = clock.instant();
        return tx.execute(s -> {
            List<ProcessingRepository.Waiting> stuck =
                    repository.lockStuck(now.minus(properties.deadline()), SWEEP_BATCH);
            for (ProcessingRepository.Waiting waiting : stuck) {
                if (waiting.attempts() >= properties.attempts()) {
                    LOG.warn(
                            "version {} not processed after {} attempts: preview failed",
                            waiting.versionId(),
                            waiting.attempts());
                    repository.fail(waiting.versionId()).ifPresent(file -> push(file, "failed", waiting.mimeType()));
                } else {
                    repository.retry(waiting.versionId(), now);
                    publish(waiting);
                }
            }
            return stuck.size();
        });
    }

    /** Tells the owner's pages what the file is now: the fields of its listing that changed. */
    private void push(ProcessingRepository.Settled file, String status, String mimeType) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", file.fileId());
        state.put("versionId", file.versionId());
        state.put("status", status);
        state.put("mimeType", mimeType);
        live.push(file.ownerId(), "file", file.fileId(), state);
    }

    private void publish(ProcessingRepository.Waiting waiting) {
        events.publish(
                VersionStored.TYPE,
                waiting.fileId().toString(),
                new VersionStored(
                        waiting.fileId(),
                        waiting.versionId(),
                        waiting.blobId(),
                        waiting.ownerId(),
                        waiting.size(),
                        waiting.mimeType(),
                        waiting.sha256(),
                        waiting.attempts() + 1,
                        clock.instant()));
    }
}
