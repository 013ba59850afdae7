package dev.depot.contracts.archives.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entries of an archive, in the order they are written: UTF-8 text, one JSON object per line
 * (schema {@code schemas/depot.archives.manifest-entry.v1.json}). A folder's path ends with {@code
 * /} and has no blob; a file's path names its folders, e.g. {@code photos/2024/a.jpg}.
 */
public final class ArchiveManifest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArchiveManifest() {}

    /**
     * One entry of the archive.
     *
     * @param path where the entry goes in the zip: relative, {@code /}-separated, no {@code ..}
     * @param blobId the content of a file; null for a folder
     * @param size the file's size in bytes; 0 for a folder
     * @param mimeType the file's type (it decides whether the entry is compressed); may be null
     * @param modifiedAt when the file or folder last changed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String path, UUID blobId, long size, String mimeType, Instant modifiedAt) {

        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(modifiedAt, "modifiedAt");
            if (path.endsWith("/") != (blobId == null)) {
                throw new IllegalArgumentException("a folder's path ends with /, a file's does not: " + path);
            }
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0");
            }
        }

        public static Entry folder(String path, Instant modifiedAt) {
            return new Entry(path.endsWith("/") ? path : path + "/", null, 0, null, modifiedAt);
        }

        public static Entry file(String path, UUID blobId, long size, String mimeType, Instant modifiedAt) {
            return new Entry(path, Objects.requireNonNull(blobId, "blobId"), size, mimeType, modifiedAt);
        }

        public boolean isFolder() {
            return blobId == null;
        }
    }

    /** Writes the entries as manifest lines; the stream is flushed, not closed. */
    public static void write(Iterable<Entry> entries, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (Entry entry : entries) {
                writer.write(line(entry));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of a manifest, read lazily as the stream is consumed; closing the stream closes
     * {@code in}.
     */
    public static Stream<Entry> read(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines()
                .filter(line -> !line.isBlank())
                .map(ArchiveManifest::parse)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    public static String line(Entry entry) {
        return JSON.writeValueAsString(entry);
    }

    public static Entry parse(String line) {
        return JSON.readValue(line, Entry.class);
    }
}
