package dev.depot.metadata.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void queuedFramesAreWrittenInOrderThenHeartbeatsUntilTheDeadline() {
        LiveStream stream = new LiveStream(UUID.randomUUID(), Instant.now().plusMillis(350), Duration.ofMillis(100), 4);
        assertThat(stream.offer(LiveStream.frame("archive", "1", "{\"n\":1}"))).isTrue();
        assertThat(stream.offer(LiveStream.frame("archive", "2", "{\"n\":2}"))).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.pump(LiveStream.opening(stream.deadline()), out, CLOCK);

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written)
                .startsWith("retry: 3000\n\nevent: open\ndata: {\"expiresAt\":\""
                        + stream.deadline()
                        + "\"}\n\n"
                        + "event: archive\nid: 1\ndata: {\"n\":1}\n\nevent: archive\nid: 2\ndata: {\"n\":2}\n\n");
        assertThat(written.split(": keep-alive\n\n", -1).length - 1).isBetween(2, 4);
    }

    @Test
    void aClientTooFarBehindHasItsStreamClosed() {
        LiveStream stream = new LiveStream(UUID.randomUUID(), Instant.now().plusSeconds(60), Duration.ofSeconds(20), 2);
        assertThat(stream.offer("a")).isTrue();
        assertThat(stream.offer("b")).isTrue();
        assertThat(stream.offer("c")).isFalse();
        assertThat(stream.offer("d")).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.pump("", out, CLOCK);

        // What was queued is dropped: the client reads the state afresh when it connects again.
        assertThat(out.size()).isZero();
    }

    @Test
    void aClosedStreamEndsAtOnceAndAGoneClientEndsIt() throws Exception {
        LiveStream stream = new LiveStream(UUID.randomUUID(), Instant.now().plusSeconds(60), Duration.ofSeconds(20), 8);
        Thread pump = Thread.ofVirtual().start(() -> stream.pump("", new ByteArrayOutputStream(), CLOCK));
        stream.close();
        assertThat(pump.join(Duration.ofSeconds(2))).isTrue();

        LiveStream orphan = new LiveStream(UUID.randomUUID(), Instant.now().plusSeconds(60), Duration.ofSeconds(20), 8);
        orphan.offer("event: x\ndata: {}\n\n");
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Thread pumpToNobody = Thread.ofVirtual().start(() -> orphan.pump("", gone, CLOCK));
        assertThat(pumpToNobody.join(Duration.ofSeconds(2))).isTrue();
    }
}
