package dev.depot.upload.lock;

import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One request at a time per upload on this instance; a second one is refused rather than queued
 * (tus clients retry a 423). Writers on different instances are kept apart by the session row,
 * which only accepts a change from the {@code stored} value the writer started from.
 */
@Component
public class UploadLocks {

    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} holding the upload, or refuses with 423 if a request already holds it. */
    public <T> T holding(UUID uploadId, Supplier<T> work) {
        if (!busy.add(uploadId)) {
            throw new DepotException(
                    UploadProblem.LOCKED, "Another request is writing to this upload; try again when it ends.");
        }
        try {
            return work.get();
        } finally {
            busy.remove(uploadId);
        }
    }
}
