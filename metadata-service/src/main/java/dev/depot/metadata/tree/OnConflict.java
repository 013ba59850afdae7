package dev.depot.metadata.tree;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What to do when the wanted name is taken: answer 409 with the conflicting id ({@code fail}, the
 * default), pick "name (n).ext" ({@code rename}), or add a version to the existing file ({@code
 * newVersion}, uploads only).
 */
public enum OnConflict {
    FAIL("fail"),
    RENAME("rename"),
    NEW_VERSION("newVersion");

    private final String value;

    OnConflict(String value) {
        this.value = value;
    }

    public static OnConflict orDefault(OnConflict requested, OnConflict fallback) {
        return requested == null ? fallback : requested;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static OnConflict of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("onConflict is one of fail, rename," + " newVersion"));
    }
}
