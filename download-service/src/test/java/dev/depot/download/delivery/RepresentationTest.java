package dev.depot.download.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ticket.Ticket;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepresentationTest {

    private static Representation of(String name, String type, boolean inline) {
        return Representation.of(new Ticket(
                Ticket.Operation.DOWNLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                10,
                null,
                Instant.parse("2026-11-22T12:10:00Z"),
                new Ticket.Delivery(name, type, inline)));
    }

    @Test
    void namesAnyUnicodeFileWithAnAsciiFallbackAndAnRfc8187Name() {
        assertThat(Representation.disposition("attachment", "résumé \"final\" 📄.pdf"))
                .isEqualTo("attachment; filename=\"r_sum_ \\\"final\\\" _.pdf\"; "
                        + "filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22%20%F0%9F%93%84.pdf");
        assertThat(Representation.disposition("inline", "a;b,c=d\\e"))
                .isEqualTo("inline; filename=\"a;b,c=d\\\\e\"; filename*=UTF-8''a%3Bb%2Cc%3Dd%5Ce");
    }

    @Test
    void activeContentIsNeverShownInline() {
        for (String type : new String[] {
            "text/html",
            "image/svg+xml",
            "application/xml",
            "text/xml",
            "application/xhtml+xml",
            "application/javascript"
        }) {
            Representation rep = of("x", type, true);
            assertThat(rep.disposition()).as(type).startsWith("attachment;");
            assertThat(rep.securityPolicy()).as(type).startsWith("sandbox");
        }
    }

    @Test
    void passiveMediaIsShownInlineWhenAsked() {
        assertThat(of("p.png", "image/png", true).disposition()).startsWith("inline;");
        assertThat(of("v.mp4", "video/mp4", true).disposition()).startsWith("inline;");
        assertThat(of("p.png", "image/png", false).disposition()).startsWith("attachment;");
        assertThat(of("d.pdf", "application/pdf", true).securityPolicy()).isNull();
    }

    @Test
    void browsersMayCacheUntilTheLinkExpires() {
        assertThat(of("x", "text/plain", false).cacheControl(Instant.parse("2026-11-22T12:00:00Z")))
                .isEqualTo("private, max-age=600, immutable");
    }
}
