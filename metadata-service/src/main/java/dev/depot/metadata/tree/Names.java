package dev.depot.metadata.tree;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The name policy: NFC, trimmed, 1–255 UTF-8 bytes, no {@code /}, NUL, control or bidi-override
 * characters, not {@code .} or {@code ..}. Two names collide when their keys (NFC, case folded) are
 * equal, so a folder never holds both "Report.pdf" and "report.pdf".
 */
public final class Names {

    public static final int MAX_BYTES = 255;
    private static final int MAX_EXTENSION = 16;

    private Names() {}

    /** The name as stored, or a 400 {@code INVALID_NAME} problem saying what is wrong. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw invalid("A name is required.");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw invalid("A name cannot be empty or only spaces.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid("\".\" and \"..\" are not names.");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '/' || c == '\\') {
                throw invalid("A name cannot contain \"/\" or \"\\\".");
            }
            if (Character.isISOControl(c) || isBidiControl(c) || c == 0xFEFF) {
                throw invalid(String.format("A name cannot contain the control character U+%04X.", c));
            }
            i += Character.charCount(c);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid("A name can be at most " + MAX_BYTES + " bytes of UTF-8.");
        }
        return name;
    }

    /** What uniqueness compares: the normalized name, case folded. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** "name (n).ext": the candidate the {@code rename} conflict policy tries. */
    public static String numbered(String name, int n, boolean keepExtension) {
        int dot = keepExtension ? name.lastIndexOf('.') : -1;
        if (dot > 0 && name.length() - dot > MAX_EXTENSION) {
            dot = -1;
        }
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String suffix = " (" + n + ")" + extension;
        while (base.getBytes(StandardCharsets.UTF_8).length + suffix.getBytes(StandardCharsets.UTF_8).length
                > MAX_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + suffix;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    private static DepotException invalid(String detail) {
        return new DepotException(MetadataProblem.INVALID_NAME, detail);
    }
}
