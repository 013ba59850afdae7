package dev.depot.contracts.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs and verifies tickets: {@code v1.<base64url(json)>.<base64url(HMAC-SHA256)>}. The format is
 * URL-safe, so a ticket can travel as a path segment, a query parameter or a header.
 */
public final class TicketCodec {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final Clock clock;

    public TicketCodec(String secret, Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("ticket secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.clock = clock;
    }

    public String sign(Ticket ticket) {
        Ticket.Delivery d = ticket.delivery();
        Payload payload = new Payload(
                ticket.operation().name(),
                ticket.fileId(),
                ticket.versionId(),
                ticket.blobId(),
                ticket.ownerId(),
                ticket.maxBytes(),
                ticket.sha256(),
                ticket.expiresAt().getEpochSecond(),
                d == null ? null : d.fileName(),
                d == null ? null : d.contentType(),
                d != null && d.inline(),
                d == null || d.lastModified() == null ? null : d.lastModified().getEpochSecond());
        String body = VERSION + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** Returns the ticket if the signature holds and it has not expired; throws otherwise. */
    public Ticket verify(String token) {
        if (token == null) {
            throw invalid(InvalidTicketException.Reason.MALFORMED, "no ticket");
        }
        int last = token.lastIndexOf('.');
        if (!token.startsWith(VERSION + ".") || last <= VERSION.length()) {
            throw invalid(InvalidTicketException.Reason.MALFORMED, "not a v1 ticket");
        }
        String body = token.substring(0, last);
        byte[] signature = decode(token.substring(last + 1));
        if (!MessageDigest.isEqual(signature, mac(body))) {
            throw invalid(InvalidTicketException.Reason.BAD_SIGNATURE, "signature does not match");
        }
        Ticket ticket = parse(decode(body.substring(VERSION.length() + 1)));
        if (!clock.instant().isBefore(ticket.expiresAt())) {
            throw invalid(InvalidTicketException.Reason.EXPIRED, "ticket expired");
        }
        return ticket;
    }

    private static Ticket parse(byte[] json) {
        try {
            Payload p = JSON.readValue(json, Payload.class);
            Ticket.Delivery delivery = p.name() == null
                    ? null
                    : new Ticket.Delivery(
                            p.name(), p.type(), p.inline(), p.mod() == null ? null : Instant.ofEpochSecond(p.mod()));
            return new Ticket(
                    Ticket.Operation.valueOf(p.op()),
                    p.file(),
                    p.version(),
                    p.blob(),
                    p.owner(),
                    p.max(),
                    p.sha(),
                    Instant.ofEpochSecond(p.exp()),
                    delivery);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw invalid(InvalidTicketException.Reason.MALFORMED, "unreadable ticket payload");
        }
    }

    private static byte[] decode(String part) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid(InvalidTicketException.Reason.MALFORMED, "not base64url");
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static InvalidTicketException invalid(InvalidTicketException.Reason reason, String msg) {
        return new InvalidTicketException(reason, msg);
    }

    /** Short field names keep signed URLs short. */
    private record Payload(
            String op,
            UUID file,
            UUID version,
            UUID blob,
            UUID owner,
            long max,
            String sha,
            long exp,
            String name,
            String type,
            boolean inline,
            Long mod) {}
}
