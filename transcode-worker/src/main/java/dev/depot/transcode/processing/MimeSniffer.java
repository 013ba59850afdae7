package dev.depot.transcode.processing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Tells what bytes are, with Apache Tika's magic detection (tika-core, no parsers), and decides
 * between that and the type the uploader declared.
 *
 * <p>The rule: the sniffed type wins, because it is evidence. The declared type is kept only when
 * it <em>refines</em> the evidence — it is a more specific type of the sniffed one in Tika's type
 * hierarchy — and, when the evidence is generic ({@code application/octet-stream} or {@code
 * text/plain}), only when Tika could not have checked it: a declared type with magic bytes of its
 * own that did not match is a wrong declaration. So:
 *
 * <ul>
 *   <li>a PNG declared {@code text/plain} is {@code image/png};
 *   <li>text declared {@code text/csv} or {@code application/json} stays so (no magic to check),
 *       text declared {@code text/html} or {@code image/png} is {@code text/plain};
 *   <li>unknown binary declared {@code application/x-foo} stays so; binary declared {@code
 *       image/png} or {@code application/pdf} is {@code application/octet-stream};
 *   <li>an Office document (a zip that Tika without parsers only knows as OOXML) declared as a
 *       {@code .docx} type stays so; a zip declared {@code image/png} is {@code application/zip}.
 * </ul>
 *
 * Parameters (such as {@code charset}) are dropped; Tika-internal types ({@code
 * application/x-tika-...}) are reported as their public parent type.
 */
@Component
class MimeSniffer {

    private static final String TIKA_INTERNAL = "x-tika-";

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /** What the file holds, given what the uploader declared (may be null). */
    String sniff(Path file, String declared) throws IOException {
        MediaType detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = types.detect(in, new Metadata());
        }
        return choose(detected, declared).toString();
    }

    /** The rule above, on a sniffed type. */
    MediaType choose(MediaType sniffed, String declared) {
        MediaType evidence = publicType(registry.normalize(sniffed.getBaseType()));
        MediaType claim = parse(declared);
        if (claim == null || claim.equals(evidence) || !registry.isSpecializationOf(claim, evidence)) {
            return evidence;
        }
        boolean generic = evidence.equals(MediaType.OCTET_STREAM) || evidence.equals(MediaType.TEXT_PLAIN);
        return generic && hasMagic(claim) ? evidence : claim;
    }

    private MediaType parse(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        MediaType type = MediaType.parse(declared.trim().toLowerCase(Locale.ROOT));
        return type == null ? null : registry.normalize(type.getBaseType());
    }

    private MediaType publicType(MediaType type) {
        MediaType current = type;
        while (current != null && current.getSubtype().startsWith(TIKA_INTERNAL)) {
            current = registry.getSupertype(current);
        }
        return current != null ? current : MediaType.OCTET_STREAM;
    }

    private boolean hasMagic(MediaType type) {
        try {
            MimeType known = types.getRegisteredMimeType(type.toString());
            return known != null && known.hasMagic();
        } catch (MimeTypeException e) {
            return false;
        }
    }
}
