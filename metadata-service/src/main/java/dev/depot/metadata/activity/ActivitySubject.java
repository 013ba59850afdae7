package dev.depot.metadata.activity;

import java.util.UUID;

/** What an activity entry is about (a folder, a file, an archive), as it is when it happens. */
public interface ActivitySubject {

    UUID id();

    UUID ownerId();

    String name();

    /** The kind as the log names it: {@code folder}, {@code file} or {@code archive}. */
    String activityKind();

    /** A subject known by these facts alone, without an object of its own to hand. */
    static ActivitySubject of(String activityKind, UUID id, UUID ownerId, String name) {
        return new Facts(activityKind, id, ownerId, name);
    }

    /** The subject {@link #of} gives. */
    record Facts(String activityKind, UUID id, UUID ownerId, String name) implements ActivitySubject {}
}
