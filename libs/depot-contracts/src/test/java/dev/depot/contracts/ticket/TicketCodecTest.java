package dev.depot.contracts.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodecTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final TicketCodec codec = new TicketCodec(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private Ticket ticket(Instant expires) {
        return new Ticket(
                Ticket.Operation.DOWNLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                4096,
                null,
                expires,
                new Ticket.Delivery("résumé ✓.pdf", "application/pdf", true, Instant.parse("2026-11-20T08:30:00Z")));
    }

    @Test
    void roundTripsAValidTicket() {
        Ticket original = ticket(NOW.plusSeconds(600));
        String token = codec.sign(original);
        assertThat(token).startsWith("v1.").doesNotContain("=", "+", "/");
        assertThat(codec.verify(token)).isEqualTo(original);
    }

    @Test
    void anArchiveTicketNamesTheArchiveObject() {
        UUID archive = UUID.randomUUID();
        Ticket ticket = new Ticket(
                Ticket.Operation.ARCHIVE,
                archive,
                archive,
                archive,
                UUID.randomUUID(),
                10,
                null,
                NOW.plusSeconds(60),
                new Ticket.Delivery("photos.zip", "application/zip", false));
        Ticket verified = codec.verify(codec.sign(ticket));
        assertThat(verified.objectKey()).isEqualTo("archives/" + archive + ".zip");
        assertThat(verified.delivery().lastModified()).isNull();
    }

    @Test
    void refusesAnExpiredTicket() {
        String token = codec.sign(ticket(NOW));
        assertThatThrownBy(() -> codec.verify(token))
                .isInstanceOfSatisfying(
                        InvalidTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTicketException.Reason.EXPIRED));
    }

    @Test
    void refusesATamperedPayload() {
        String token = codec.sign(ticket(NOW.plusSeconds(600)));
        String[] parts = token.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"DOWNLOAD\"", "\"UPLOAD\"");
        String forged = parts[0]
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes())
                + "."
                + parts[2];
        assertReason(forged, InvalidTicketException.Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesATicketSignedWithAnotherSecret() {
        TicketCodec other = new TicketCodec("another-secret-another-secret-another", Clock.fixed(NOW, ZoneOffset.UTC));
        assertReason(other.sign(ticket(NOW.plusSeconds(600))), InvalidTicketException.Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesGarbage() {
        assertReason(null, InvalidTicketException.Reason.MALFORMED);
        assertReason("", InvalidTicketException.Reason.MALFORMED);
        assertReason("v2.abc.def", InvalidTicketException.Reason.MALFORMED);
        assertReason("v1.%%%.***", InvalidTicketException.Reason.MALFORMED);
        assertReason("v1.", InvalidTicketException.Reason.MALFORMED);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new TicketCodec("short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertReason(String token, InvalidTicketException.Reason reason) {
        assertThatThrownBy(() -> codec.verify(token))
                .isInstanceOfSatisfying(
                        InvalidTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
