package dev.depot.metadata.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.notifications.v1.UserNotified;
import dev.depot.kit.problem.DepotException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LiveStreams streams =
            new LiveStreams(new LiveProperties(Duration.ofSeconds(20), Duration.ofHours(1), 2, 3, 4), CLOCK, meters);

    @Test
    void noStreamOpensBeforeNotificationsArrive() {
        streams.start();
        assertThatThrownBy(() -> streams.open(UUID.randomUUID(), null))
                .isInstanceOfSatisfying(
                        DepotException.class,
                        e -> assertThat(e.problem().status().value()).isEqualTo(503));
    }

    @Test
    void theInstanceRefusesStreamsBeyondItsLimitUntilOneEnds() {
        ready();
        streams.open(UUID.randomUUID(), null);
        streams.open(UUID.randomUUID(), null);
        LiveStream third = streams.open(UUID.randomUUID(), null);
        assertThatThrownBy(() -> streams.open(UUID.randomUUID(), null))
                .isInstanceOfSatisfying(DepotException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo("TOO_MANY_STREAMS");
                    assertThat(e.properties()).containsEntry(DepotException.RETRY_AFTER, 20L);
                });
        streams.closed(third);
        assertThat(streams.openStreams()).isEqualTo(2);
        streams.open(UUID.randomUUID(), null);
        assertThat(meters.get("depot.live.streams").gauge().value()).isEqualTo(3);
    }

    @Test
    void anAccountAtItsLimitHasItsOldestStreamEnded() {
        ready();
        UUID alice = UUID.randomUUID();
        LiveStream oldest = streams.open(alice, null);
        LiveStream second = streams.open(alice, null);
        LiveStream third = streams.open(alice, null);
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThat(oldest.offer("x")).isFalse();
        // The ended stream's request finishes later; it no longer counts.
        streams.closed(oldest);
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThat(second.offer("x")).isTrue();
        assertThat(third.offer("x")).isTrue();
    }

    @Test
    void aStreamEndsWithItsTokenAtTheLatest() {
        ready();
        Instant expires = Instant.now().plusSeconds(90);
        assertThat(streams.open(UUID.randomUUID(), expires).deadline()).isEqualTo(expires);
        assertThat(streams.open(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)))
                        .deadline())
                .isBefore(Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void aNotificationReachesOnlyItsUsersStreamsAndASlowOneIsDropped() {
        ready();
        UUID alice = UUID.randomUUID();
        LiveStream hers = streams.open(alice, Instant.now().plusMillis(300));
        LiveStream his = streams.open(UUID.randomUUID(), Instant.now().plusMillis(300));
        for (int i = 0; i < 5; i++) {
            streams.deliver(notice(alice, i));
        }
        assertThat(meters.get("depot.live.dropped").counter().count()).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        hers.pump("", out, CLOCK);
        assertThat(out.size()).isZero();

        LiveStream fresh = streams.open(alice, Instant.now().plusMillis(300));
        streams.deliver(notice(alice, 7));
        ByteArrayOutputStream freshOut = new ByteArrayOutputStream();
        fresh.pump("", freshOut, CLOCK);
        assertThat(freshOut.toString(StandardCharsets.UTF_8))
                .startsWith("event: archive\nid: ")
                .contains("\ndata: {\"n\":7}\n\n");
        ByteArrayOutputStream hisOut = new ByteArrayOutputStream();
        his.pump("", hisOut, CLOCK);
        assertThat(hisOut.toString(StandardCharsets.UTF_8)).doesNotContain("event:");
    }

    @Test
    void stoppingEndsEveryStream() throws Exception {
        ready();
        LiveStream stream = streams.open(UUID.randomUUID(), null);
        Thread pump = Thread.ofVirtual().start(() -> stream.pump("", new ByteArrayOutputStream(), CLOCK));
        streams.stop();
        assertThat(pump.join(Duration.ofSeconds(2))).isTrue();
    }

    private void ready() {
        streams.start();
        streams.listening();
    }

    private static EventEnvelope<UserNotified> notice(UUID user, int n) {
        Instant now = Instant.now();
        return EventEnvelope.of(
                UserNotified.TYPE,
                "/test",
                user.toString(),
                new UserNotified(user, "archive", UUID.randomUUID(), Map.of("n", n), now),
                now);
    }
}
