package dev.depot.metadata.access;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what. Today only owners may act on their items; sharing
 * adds grants here (and widens {@link #readableOwners}) without touching the features.
 */
@Component
public class AccessPolicy {

    public boolean allows(Caller caller, UUID ownerId, Action action) {
        return caller.userId().equals(ownerId);
    }

    /** Whose items a caller's search and listings may return. */
    public List<UUID> readableOwners(Caller caller) {
        return List.of(caller.userId());
    }
}
