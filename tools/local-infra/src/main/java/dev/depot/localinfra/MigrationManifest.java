package dev.depot.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps merged Flyway migrations as they were merged. Each service commits {@code
 * db/migrations.sha256} beside {@code db/migration/}: one {@code sha256sum} line per {@code
 * V*__*.sql}. A migration that differs from its line, lacks one, or has gone fails the build.
 */
public final class MigrationManifest {

    public static final String MANIFEST = "migrations.sha256";
    private static final Pattern VERSIONED = Pattern.compile("V[^_]+__.+\\.sql");
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S+)");

    private MigrationManifest() {}

    /**
     * Checks {@code db/migration/V*__*.sql} against {@code db/migrations.sha256}, where {@code db} is
     * e.g. {@code src/main/resources/db}; throws an {@link AssertionError} saying what to do.
     */
    public static void verify(Path db) {
        List<String> problems = problems(db);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems)
                    + "\n\nA merged migration is never edited, renamed or deleted: the databases that ran it"
                    + " keep its old text. To change the schema, add the next migration (a new file"
                    + " V<n+1>__what_it_does.sql) and add its line to "
                    + db.resolve(MANIFEST)
                    + " (sha256sum format, as printed above).");
        }
    }

    /** What is wrong, one sentence each; empty when every migration matches its line. */
    public static List<String> problems(Path db) {
        Path dir = db.resolve("migration");
        Map<String, String> recorded = read(db.resolve(MANIFEST));
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> VERSIONED.matcher(n).matches())
                    .forEach(present::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        recorded.forEach((name, hash) -> {
            if (!present.contains(name)) {
                problems.add(name + " is in " + MANIFEST + " but no longer in " + dir + ".");
            } else if (!hash.equals(sha256(dir.resolve(name)))) {
                problems.add(name + " has changed since it was merged.");
            }
        });
        for (String name : present) {
            if (!recorded.containsKey(name)) {
                problems.add(name
                        + " is new: add this line to "
                        + MANIFEST
                        + ":  "
                        + sha256(dir.resolve(name))
                        + "  "
                        + name);
            }
        }
        return problems;
    }

    private static Map<String, String> read(Path manifest) {
        Map<String, String> lines = new LinkedHashMap<>();
        if (!Files.exists(manifest)) {
            return lines;
        }
        try {
            for (String line : Files.readAllLines(manifest)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var match = LINE.matcher(line.strip());
                if (!match.matches()) {
                    throw new AssertionError(manifest + ": not a sha256sum line: " + line);
                }
                lines.put(match.group(2), match.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
