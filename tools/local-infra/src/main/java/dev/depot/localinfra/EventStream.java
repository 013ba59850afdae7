package dev.depot.localinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events stream read the way a browser reads one: events (and comments) as they
 * arrive, parsed by the rules of the format, for tests to wait on.
 */
public final class EventStream implements AutoCloseable {

    /** One dispatched event: its name ({@code message} when unnamed), id and data lines joined. */
    public record Event(String name, String id, String data) {}

    private static final Event END = new Event("", "", "");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile int comments;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("event-stream").start(this::read);
        }
    }

    /** Opens a stream with a bearer token; returns once the response's head has arrived. */
    public static EventStream open(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The body of a stream that did not open (a problem). */
    public String refusal() throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Comment lines read so far (heartbeats). */
    public int comments() {
        return comments;
    }

    /** The next event that matches, skipping others; fails after {@code patience}. */
    public Event await(Predicate<Event> wanted, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Event event = next(Duration.between(Instant.now(), deadline))
                    .orElseThrow(() -> new AssertionError("no such event within " + patience));
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** The next event, or empty when none came within {@code patience} or the stream ended. */
    public Optional<Event> next(Duration patience) throws InterruptedException {
        Event event = events.poll(Math.max(0, patience.toMillis()), TimeUnit.MILLISECONDS);
        if (event == END) {
            events.add(END);
            return Optional.empty();
        }
        return Optional.ofNullable(event);
    }

    /** Whether the server ended the stream within {@code patience}, skipping events before. */
    public boolean ends(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Event event = events.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
                return true;
            }
        }
        return false;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments++;
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException closed) {
            // The stream was closed by this side or cut: it ends here either way.
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
