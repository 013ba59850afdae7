package dev.depot.kit.startup;

import java.util.List;

/** Required settings (placeholders without default in application.yml) that nobody set. */
public final class MissingSettingsException extends RuntimeException {

    private final List<String> names;

    MissingSettingsException(List<String> names) {
        super("missing settings " + names, null, false, false);
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
