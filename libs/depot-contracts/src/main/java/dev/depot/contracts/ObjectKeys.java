package dev.depot.contracts;

import java.util.List;
import java.util.UUID;

/** Builds every object key. A key names immutable content, never a mutable "current" file. */
public final class ObjectKeys {

    /** The previews a blob may have: small and large images, a video's poster frame. */
    public static final List<String> PREVIEW_KINDS = List.of("small", "large", "poster");

    private ObjectKeys() {}

    /** The immutable content of one or more versions (copies and reverts share it). */
    public static String blob(UUID blobId) {
        return "blobs/" + blobId;
    }

    /** The prefix of an upload session's tail objects (bytes kept between tus requests). */
    public static String uploadTails(UUID sessionId) {
        return "uploads/" + sessionId + "/";
    }

    /** The tail of an upload session once {@code stored} bytes are stored. */
    public static String uploadTail(UUID sessionId, long stored) {
        return uploadTails(sessionId) + "tail-" + stored;
    }

    /** A preview image made from a blob ({@code small}, {@code large}, {@code poster}). */
    public static String preview(UUID blobId, String kind) {
        return "previews/" + blobId + "/" + kind + ".jpg";
    }

    /** A prepared zip archive of a selection of files and folders; it expires. */
    public static String archive(UUID archiveId) {
        return "archives/" + archiveId + ".zip";
    }

    /** What an archive is made of: one line per entry (see {@code ArchiveManifest}). */
    public static String archiveManifest(UUID archiveId) {
        return "archives/" + archiveId + "/manifest";
    }
}
