package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.TestInfra;
import dev.depot.metadata.live.LivePush;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Live events on real Postgres and Kafka: a change pushed in a transaction reaches every stream of
 * its user (and only theirs) through the outbox and the topic; streams are limited per account and
 * end with the token.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    LivePush live;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aPushReachesEveryStreamOfItsUserAndNoOneElse() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        try (EventStream first = open(alice, Duration.ofMinutes(5));
                EventStream second = open(alice, Duration.ofMinutes(5));
                EventStream other = open(bob, Duration.ofMinutes(5))) {
            assertThat(first.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(first.response().headers().firstValue("X-Accel-Buffering"))
                    .hasValue("no");
            for (EventStream stream : List.of(first, second, other)) {
                stream.await(e -> e.name().equals("open"), PATIENCE);
            }

            UUID subject = UUID.randomUUID();
            tx.executeWithoutResult(s -> live.push(
                    alice,
                    "archive",
                    subject,
                    Map.of("id", subject.toString(), "status", "preparing", "entriesDone", 7)));
            tx.executeWithoutResult(
                    s -> live.push(bob, "archive", subject, Map.of("id", subject.toString(), "status", "bob's")));

            for (EventStream stream : List.of(first, second)) {
                EventStream.Event event = stream.await(e -> e.name().equals("archive"), PATIENCE);
                JsonNode data = Api.JSON.readTree(event.data());
                assertThat(data.get("id").asString()).isEqualTo(subject.toString());
                assertThat(data.get("entriesDone").asInt()).isEqualTo(7);
                assertThat(event.id()).isNotBlank();
            }
            EventStream.Event bobs = other.await(e -> e.name().equals("archive"), PATIENCE);
            assertThat(Api.JSON.readTree(bobs.data()).get("status").asString()).isEqualTo("bob's");
            assertThat(other.next(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void aPushRolledBackWithItsChangeReachesNoOne() throws Exception {
        UUID alice = UUID.randomUUID();
        try (EventStream stream = open(alice, Duration.ofMinutes(5))) {
            stream.await(e -> e.name().equals("open"), PATIENCE);
            tx.executeWithoutResult(s -> {
                live.push(alice, "archive", UUID.randomUUID(), Map.of("status", "rolled back"));
                s.setRollbackOnly();
            });
            tx.executeWithoutResult(s -> live.push(alice, "archive", UUID.randomUUID(), Map.of("status", "committed")));
            EventStream.Event event = stream.await(e -> e.name().equals("archive"), PATIENCE);
            assertThat(Api.JSON.readTree(event.data()).get("status").asString()).isEqualTo("committed");
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        UUID alice = UUID.randomUUID();
        Instant before = Instant.now();
        try (EventStream stream = open(alice, Duration.ofSeconds(3))) {
            EventStream.Event open = stream.await(e -> e.name().equals("open"), PATIENCE);
            Instant ends = Instant.parse(
                    Api.JSON.readTree(open.data()).get("expiresAt").asString());
            assertThat(ends).isBetween(before.truncatedTo(ChronoUnit.SECONDS), before.plusSeconds(4));
            assertThat(stream.ends(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void aNinthStreamOfAnAccountEndsItsOldest() throws Exception {
        UUID alice = UUID.randomUUID();
        List<EventStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < 9; i++) {
                EventStream stream = open(alice, Duration.ofMinutes(5));
                assertThat(stream.response().statusCode()).isEqualTo(200);
                stream.await(e -> e.name().equals("open"), PATIENCE);
                held.add(stream);
            }
            assertThat(held.getFirst().ends(Duration.ofSeconds(5))).isTrue();
            for (EventStream stream : held.subList(1, 9)) {
                assertThat(stream.ends(Duration.ZERO)).isFalse();
            }
            UUID subject = UUID.randomUUID();
            tx.executeWithoutResult(s -> live.push(alice, "archive", subject, Map.of("n", 9)));
            for (EventStream stream : held.subList(1, 9)) {
                stream.await(e -> e.name().equals("archive"), PATIENCE);
            }
        } finally {
            for (EventStream stream : held) {
                stream.close();
            }
        }
    }

    @Test
    void aStreamNeedsAValidToken() throws Exception {
        try (EventStream anonymous = EventStream.open(uri(), null);
                EventStream forged = EventStream.open(
                        uri(),
                        dev.depot.localinfra.TestTokens.untrusted("depot").issue("x"))) {
            assertThat(anonymous.response().statusCode()).isEqualTo(401);
            assertThat(Api.JSON.readTree(anonymous.refusal()).get("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(forged.response().statusCode()).isEqualTo(401);
        }
    }

    /** A stream of the user's, once the instance listens (it answers 503 while it starts). */
    static EventStream open(int port, UUID user, Duration tokenLife) throws Exception {
        String token = TestInfra.tokens().issue(user.toString(), tokenLife);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            EventStream stream = EventStream.open(uri(port), token);
            if (stream.response().statusCode() != 503 || Instant.now().isAfter(deadline)) {
                return stream;
            }
            stream.close();
            Thread.sleep(200);
        }
    }

    private EventStream open(UUID user, Duration tokenLife) throws Exception {
        return open(port, user, tokenLife);
    }

    private URI uri() {
        return uri(port);
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/api/events");
    }
}
