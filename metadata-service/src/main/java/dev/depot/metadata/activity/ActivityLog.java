package dev.depot.metadata.activity;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what happens to a user's files. An entry is written in the transaction of the change it
 * records, so the log never misses a committed change nor shows a rolled-back one, and the entry is
 * there as soon as the request that made the change returns. A read (a download URL issued) changes
 * no row, so its entry is a statement of its own.
 */
@Component
public class ActivityLog {

    private final ActivityRepository activity;
    private final JsonMapper json;
    private final Clock clock;

    ActivityLog(ActivityRepository activity, JsonMapper json, Clock clock) {
        this.activity = activity;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records {@code <kind>.<verb>} (e.g. {@code folder.created}) about {@code subject} as it is now,
     * in the owner's log.
     *
     * @param actorId who did it ({@code null} for Depot itself, e.g. the trash auto-purge)
     * @param details what else is worth knowing (new name, old parent, version...), JSON values
     */
    public void record(UUID actorId, ActivitySubject subject, String verb, Map<String, Object> details) {
        String kind = subject.activityKind();
        activity.insert(new ActivityRepository.Entry(
                UUID.randomUUID(),
                subject.ownerId(),
                actorId,
                kind + "." + verb,
                kind,
                subject.id(),
                subject.name(),
                json.writeValueAsString(details),
                clock.instant()));
    }
}
