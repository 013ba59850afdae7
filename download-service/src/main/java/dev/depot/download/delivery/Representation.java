package dev.depot.download.delivery;

import dev.depot.contracts.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a response says about the bytes a ticket names, known from the ticket alone: the
 * object, its size, validators and how a browser should treat it.
 *
 * @param key the object's key in storage
 * @param etag a strong tag: the blob is immutable, so its id is its tag
 * @param lastModified when the version was stored, or null if the ticket does not say
 * @param disposition {@code inline} only for media a browser cannot run as active content
 */
record Representation(
        String key,
        long size,
        String etag,
        Instant lastModified,
        String contentType,
        String disposition,
        String securityPolicy,
        Instant expiresAt) {

    /** Media a browser shows passively; everything else (HTML, SVG, XML…) is saved, not shown. */
    private static final Set<String> PASSIVE_TYPES = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
            "image/bmp",
            "application/pdf",
            "text/plain");

    /** Nothing on Depot's origin may run scripts or load anything from a downloaded file. */
    private static final String SANDBOX =
            "sandbox; default-src 'none'; img-src 'self'; " + "media-src 'self'; style-src 'unsafe-inline'";

    private static final String UNRESERVED = "!#$&+-.^_`|~";

    static Representation of(Ticket ticket) {
        Ticket.Delivery delivery = ticket.delivery();
        String type = delivery == null ? "application/octet-stream" : delivery.contentType();
        boolean inline = delivery != null && delivery.inline() && isPassive(type);
        String disposition =
                delivery == null ? "attachment" : disposition(inline ? "inline" : "attachment", delivery.fileName());
        return new Representation(
                ticket.objectKey(),
                ticket.maxBytes(),
                "\"" + ticket.blobId() + "\"",
                delivery == null ? null : delivery.lastModified(),
                type,
                disposition,
                type.equals("application/pdf") && inline ? null : SANDBOX,
                ticket.expiresAt());
    }

    /** Browsers may keep the bytes as long as the link is valid; they never change. */
    String cacheControl(Instant now) {
        long seconds = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return "private, max-age=" + seconds + ", immutable";
    }

    private static boolean isPassive(String type) {
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return PASSIVE_TYPES.contains(base) || base.startsWith("video/") || base.startsWith("audio/");
    }

    /**
     * RFC 6266 with an RFC 8187 {@code filename*} for any Unicode name, and a plain ASCII {@code
     * filename} for clients that read only that.
     */
    static String disposition(String kind, String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        fileName.codePoints().forEach(cp -> {
            boolean printable = cp >= 0x20 && cp < 0x7f;
            ascii.append(!printable ? "_" : cp == '"' || cp == '\\' ? "\\" + (char) cp : String.valueOf((char) cp));
        });
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
