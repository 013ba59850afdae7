package dev.depot.upload.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's own folder under {@code depot.upload.spool-dir}. Nothing in it outlives a
 * request, so folders left by instances that died more than an hour ago are removed at start.
 */
@Component
class SpoolDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final Path path;

    SpoolDirectory(StoreProperties properties) throws IOException {
        Path root = Files.createDirectories(properties.spoolDir());
        removeLeftovers(root);
        this.path = Files.createDirectory(root.resolve("instance-" + UUID.randomUUID()));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void removeLeftovers(Path root) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(LEFTOVER_AGE));
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> p.getFileName().toString().startsWith("instance-"))
                    .filter(p -> modifiedBefore(p, cutoff))
                    .forEach(p -> {
                        LOG.info("removing the spool folder of an instance gone: {}", p);
                        delete(p);
                    });
        }
    }

    private static boolean modifiedBefore(Path p, FileTime cutoff) {
        try {
            return Files.getLastModifiedTime(p).compareTo(cutoff) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove spool folder {}: {}", dir, e.getMessage());
        }
    }
}
