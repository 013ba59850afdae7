package dev.depot.transcode.archive;

import java.util.Set;

/** Entry names as they go into the zip: relative, never escaping, unique. */
final class ZipPaths {

    private static final int MAX_NUMBERED = 100_000;

    private ZipPaths() {}

    /**
     * The path if it stays inside the archive: not empty or absolute, no {@code .} or {@code ..}
     * segment, no backslash or NUL (which unzip tools read as separators or terminators).
     *
     * @throws UnsafeManifestException otherwise
     */
    static String safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new UnsafeManifestException("unsafe path in manifest: " + printable(path));
        }
        String body = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new UnsafeManifestException("unsafe path in manifest: " + printable(path));
            }
        }
        return path;
    }

    /**
     * The path, or "name (n).ext" when an entry already took it (a manifest is unique already; this
     * keeps a zip valid whatever it holds). Adds the chosen path to {@code taken}.
     */
    static String unique(String path, Set<String> taken) {
        if (taken.add(path)) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        String folder = path.substring(0, slash + 1);
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; n <= MAX_NUMBERED; n++) {
            String candidate = folder + base + " (" + n + ")" + extension;
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        throw new UnsafeManifestException("too many entries named " + printable(path));
    }

    private static String printable(String path) {
        return path.replaceAll("\\p{Cntrl}", "?");
    }
}
