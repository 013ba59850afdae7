package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationManifestTest {

    @TempDir
    Path db;

    @BeforeEach
    void oneMergedMigration() throws IOException {
        Files.createDirectories(db.resolve("migration"));
        Files.writeString(db.resolve("migration/V1__things.sql"), "CREATE TABLE things (id int);\n");
        Files.writeString(
                db.resolve(MigrationManifest.MANIFEST),
                "# merged migrations\n"
                        + MigrationManifest.sha256(db.resolve("migration/V1__things.sql"))
                        + "  V1__things.sql\n");
    }

    @Test
    void migrationsAsMergedPass() {
        assertThat(MigrationManifest.problems(db)).isEmpty();
        MigrationManifest.verify(db);
    }

    @Test
    void anEditedMigrationFailsAndSaysToAddTheNextOne() throws IOException {
        Files.writeString(db.resolve("migration/V1__things.sql"), "CREATE TABLE things (id bigint);\n");
        assertThatThrownBy(() -> MigrationManifest.verify(db))
                .hasMessageContaining("V1__things.sql has changed since it was merged")
                .hasMessageContaining("never edited")
                .hasMessageContaining("add the next migration");
    }

    @Test
    void aNewMigrationNeedsItsLineWhichTheFailureGives() throws IOException {
        Files.writeString(db.resolve("migration/V2__more.sql"), "ALTER TABLE things ADD x int;\n");
        String hash = MigrationManifest.sha256(db.resolve("migration/V2__more.sql"));
        assertThatThrownBy(() -> MigrationManifest.verify(db)).hasMessageContaining(hash + "  V2__more.sql");
        Files.writeString(
                db.resolve(MigrationManifest.MANIFEST),
                hash + "  V2__more.sql\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(MigrationManifest.problems(db)).isEmpty();
    }

    @Test
    void aDeletedOrRenamedMigrationFails() throws IOException {
        Files.move(db.resolve("migration/V1__things.sql"), db.resolve("migration/V1__stuff.sql"));
        assertThat(MigrationManifest.problems(db))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("V1__things.sql is in"))
                .anySatisfy(p -> assertThat(p).contains("V1__stuff.sql is new"));
    }
}
