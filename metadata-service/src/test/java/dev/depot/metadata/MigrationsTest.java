package dev.depot.metadata;

import dev.depot.localinfra.MigrationManifest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Merged Flyway migrations stay as they were merged ({@code db/migrations.sha256}). */
class MigrationsTest {

    @Test
    void mergedMigrationsAreNeverEdited() {
        MigrationManifest.verify(Path.of("src/main/resources/db"));
    }
}
