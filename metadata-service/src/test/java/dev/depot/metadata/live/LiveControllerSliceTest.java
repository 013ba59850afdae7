package dev.depot.metadata.live;

import static dev.depot.metadata.WebSlice.CALLER;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
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
    when(streams.open(eq(CALLER.userId()), any())).thenThrow(new DepotException(
        MetadataProblem.TOO_MANY_STREAMS,
        "This server holds as many live streams as it can; try again later.",
        Map.of(DepotException.RETRY_AFTER, 20L)));
    web.refuses(get("/api/events").accept(MediaType.TEXT_EVENT_STREAM),
            MetadataProblem.TOO_MANY_STREAMS,
            "This server holds as many live streams as it can; try again later.")
        .andExpect(header().string("Retry-After", "20"))
        .andExpect(jsonPath("$.retryAfter").value(20));
  }

  @Test
  void aStartingServerSaysWhenToTryAgain() throws Exception {
    when(streams.open(eq(CALLER.userId()), any())).thenThrow(new DepotException(
        CommonProblem.BACKEND_UNAVAILABLE, "Live events are starting; try again shortly.",
        Map.of(DepotException.RETRY_AFTER, 2)));
    web.refuses(get("/api/events").accept(MediaType.TEXT_EVENT_STREAM),
            CommonProblem.BACKEND_UNAVAILABLE, "Live events are starting; try again shortly.")
        .andExpect(header().string("Retry-After", "2"));
  }
}
