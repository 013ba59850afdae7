package dev.depot.metadata.live;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events}: a Server-Sent Events stream of what changes for the caller (an archive's
 * progress and outcome), for as long as the token is valid. Nothing is replayed: a client reads the
 * state it shows once the stream is open ({@code event: open}).
 */
@RestController
@Tag(name = "Live events")
class LiveController {

    private final LiveStreams streams;
    private final Clock clock;

    LiveController(LiveStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "liveEvents",
            summary = "Live events for the caller (Server-Sent Events) until the token expires",
            description = "Starts with `retry: 3000` and `event: open` (data: `{\"expiresAt\"}`, when"
                    + " the stream ends: the token's expiry, at most an hour away). Then `event: archive`"
                    + " with an archive's state (as `GET /api/archives/{id}` without the download URL)"
                    + " after each change, and a `: keep-alive` comment every 20 s. Nothing is replayed:"
                    + " read the state you show after `open`. A ninth stream of one account ends its"
                    + " oldest; 503 while the service starts, 429 when the server is full (Retry-After).")
    @Refusals({"TOO_MANY_STREAMS", "BACKEND_UNAVAILABLE"})
    @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    void events(Caller caller, @AuthenticationPrincipal Jwt jwt, HttpServletResponse response) throws IOException {
        LiveStream stream = streams.open(caller.userId(), jwt.getExpiresAt());
        try {
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE + ";charset=UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-transform");
            // Proxies that buffer responses (nginx) pass each event on at once.
            response.setHeader("X-Accel-Buffering", "no");
            stream.pump(LiveStream.opening(stream.deadline()), response.getOutputStream(), clock);
        } finally {
            streams.closed(stream);
        }
    }
}
