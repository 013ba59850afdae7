package dev.depot.transcode.archive;

import java.util.Locale;
import java.util.Set;

/**
 * Which entries are worth deflating. Images, audio, video and archives are compressed already:
 * deflating them again costs CPU and saves nothing, so they are stored as they are.
 */
final class Compression {

    private static final Set<String> UNCOMPRESSED_MEDIA = Set.of(
            "image/bmp",
            "image/svg+xml",
            "image/tiff",
            "image/x-portable-pixmap",
            "audio/wav",
            "audio/x-wav",
            "audio/aiff",
            "audio/x-aiff");
    private static final Set<String> COMPRESSED_APPLICATIONS = Set.of(
            "application/zip",
            "application/gzip",
            "application/x-gzip",
            "application/x-7z-compressed",
            "application/x-rar-compressed",
            "application/vnd.rar",
            "application/x-bzip2",
            "application/x-xz",
            "application/zstd",
            "application/java-archive",
            "application/epub+zip",
            "application/vnd.android.package-archive",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet");
    private static final Set<String> COMPRESSED_EXTENSIONS = Set.of(
            "jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "heif", "mp4", "m4v", "mov", "mkv", "webm", "avi",
            "mp3", "m4a", "aac", "ogg", "opus", "flac", "zip", "gz", "tgz", "7z", "rar", "bz2", "xz", "zst", "jar",
            "docx", "xlsx", "pptx", "odt", "ods", "epub", "apk");

    private Compression() {}

    static boolean isCompressed(String mimeType, String path) {
        if (mimeType != null && !mimeType.isBlank() && !mimeType.equals("application/octet-stream")) {
            String type = mimeType.toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) {
                type = type.substring(0, semicolon).strip();
            }
            if (type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/")) {
                return !UNCOMPRESSED_MEDIA.contains(type);
            }
            return COMPRESSED_APPLICATIONS.contains(type);
        }
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/')
                && COMPRESSED_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
