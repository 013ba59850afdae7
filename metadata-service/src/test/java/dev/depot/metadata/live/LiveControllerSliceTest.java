package dev.depot.metadata.live;

import static dev.depot.metadata.WebSlice.CALLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.localinfra.MockMvcProblems.Answer;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code GET /api/events} refused before any event: the client is told when to come back. */
class LiveControllerSliceTest {

    private final LiveStreams streams = mock(LiveStreams.class);
    private final WebSlice web = WebSlice.of(new LiveController(streams, Clock.systemUTC()));

    @Test
    void aFullServerSaysWhenToTryAgain() throws Exception {
        when(streams.open(eq(CALLER.userId()), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.TOO_MANY_STREAMS,
                        "This server holds as many live streams as it can; try again later.",
                        Map.of(DepotException.RETRY_AFTER, 20L)));
        Answer full = web.refuses(
                get("/api/events").accept(MediaType.TEXT_EVENT_STREAM),
                MetadataProblem.TOO_MANY_STREAMS,
                "This server holds as many live streams as it can; try again later.");
        assertThat(full.response().getHeader("Retry-After")).isEqualTo("20");
        assertThat(full.problem().path("retryAfter").asLong()).isEqualTo(20);
    }

    @Test
    void aStartingServerSaysWhenToTryAgain() throws Exception {
        when(streams.open(eq(CALLER.userId()), any()))
                .thenThrow(new DepotException(
                        CommonProblem.BACKEND_UNAVAILABLE,
                        "Live events are starting; try again shortly.",
                        Map.of(DepotException.RETRY_AFTER, 2)));
        Answer starting = web.refuses(
                get("/api/events").accept(MediaType.TEXT_EVENT_STREAM),
                CommonProblem.BACKEND_UNAVAILABLE,
                "Live events are starting; try again shortly.");
        assertThat(starting.response().getHeader("Retry-After")).isEqualTo("2");
    }
}
