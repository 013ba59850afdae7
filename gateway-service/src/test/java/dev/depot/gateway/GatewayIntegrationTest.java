package dev.depot.gateway;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.depot.kit.session.EndedSessions;
import dev.depot.kit.session.SessionCheck;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.RedisPause;
import dev.depot.localinfra.TestInfra;
import dev.depot.localinfra.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against real Redis, a JWKS endpoint and a stand-in backend that records what reaches
 * it; one backend address has nothing listening, to prove the 503 path.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "depot.gateway.rate-limit.per-user-per-second=1",
            "depot.gateway.rate-limit.per-user-burst=3",
            "depot.gateway.rate-limit.links-per-user-per-second=1",
            "depot.gateway.rate-limit.links-per-user-burst=2",
            "depot.gateway.rate-limit.per-share-link-per-second=1",
            "depot.gateway.rate-limit.per-share-link-burst=2",
            "depot.gateway.max-control-request-size=1KB",
            "depot.gateway.trusted-proxies=127.0.0.1/32",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"
        })
class GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Map<String, List<String>>> SEEN = new ConcurrentHashMap<>();
    private static final CountDownLatch SECOND_EVENT = new CountDownLatch(1);
    private static HttpServer backend;

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisConnectionFactory redisConnections;

    @Autowired
    EndedSessions endedSessions;

    private final HttpClient http = HttpClient.newHttpClient();

    static {
        try {
            startBackends();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Backend addresses are required settings, checked before the test context is refreshed. */
    private static void startBackends() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            SEEN.put(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.createContext("/api/events", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event: open\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                if (SECOND_EVENT.await(30, TimeUnit.SECONDS)) {
                    // Quiet for longer than the gateway's response timeout, as between heartbeats.
                    Thread.sleep(3_000);
                    out.write("event: archive\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        backend.start();
        String up = "http://127.0.0.1:" + backend.getAddress().getPort();
        String down;
        try (ServerSocket s = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + s.getLocalPort();
        }
        System.setProperty("DEPOT_AUTH_URI", up);
        System.setProperty("DEPOT_METADATA_URI", up);
        System.setProperty("DEPOT_UPLOAD_URI", up);
        System.setProperty("DEPOT_DOWNLOAD_URI", down);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void protectedRouteWithoutTokenIsA401Problem() throws Exception {
        assertProblem(get("/api/me", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void forgedExpiredAndMalformedTokensAreRefused() throws Exception {
        String subject = UUID.randomUUID().toString();
        assertProblem(get("/api/me", TestTokens.untrusted(TestInfra.ISSUER).issue(subject)), 401, "UNAUTHENTICATED");
        assertProblem(
                get("/api/me", TestInfra.tokens().issue(subject, Duration.ofMinutes(-5))), 401, "UNAUTHENTICATED");
        assertProblem(get("/api/me", "not.a.jwt"), 401, "UNAUTHENTICATED");
        assertProblem(get("/api/me", "has spaces"), 401, "UNAUTHENTICATED");
        TestTokens otherIssuer =
                TestTokens.fromPem(TestInfra.variables().get("DEPOT_AUTH_SIGNING_KEY"), "http://elsewhere.test");
        assertProblem(get("/api/me", otherIssuer.issue(subject)), 401, "UNAUTHENTICATED");
    }

    @Test
    void validTokenReachesTheBackendWithTokenAndTraceContext() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/folders/root"))
                        .header("Authorization", "Bearer " + token)
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<String>> headers = SEEN.get("/api/folders/root");
        assertThat(headers.get("Authorization")).containsExactly("Bearer " + token);
        assertThat(headers.get("Traceparent").getFirst()).startsWith("00-" + traceId + "-");
    }

    @Test
    void tokensOfAnEndedSessionAreRefusedAtOnce() throws Exception {
        String session = UUID.randomUUID().toString();
        String token = TestInfra.tokens().issueForSession(UUID.randomUUID().toString(), session);
        assertThat(get("/api/folders/root", token).statusCode()).isEqualTo(200);
        // On the list without an announcement: the gateway asks Redis on every request.
        redis.opsForZSet()
                .add(EndedSessions.KEY, session, Instant.now().plusSeconds(60).toEpochMilli())
                .block();
        assertProblem(get("/api/folders/root", token), 401, "TOKEN_REVOKED");
    }

    @Test
    void anEndedSessionStaysEndedWhileRedisIsTooSlowToAnswer() throws Exception {
        String session = UUID.randomUUID().toString();
        String ended = TestInfra.tokens().issueForSession(UUID.randomUUID().toString(), session);
        String live = TestInfra.tokens().issue(UUID.randomUUID().toString());
        new EndedSessions(new StringRedisTemplate(redisConnections), Clock.systemUTC(), Duration.ofSeconds(30))
                .end(List.of(session), Instant.now().plusSeconds(60));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endedSessions.checkLocally(session) != SessionCheck.Verdict.ENDED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        // Longer than the gateway's Redis timeout (500 ms) for both requests.
        RedisPause.pause(Duration.ofSeconds(3));
        assertProblem(get("/api/folders/root", ended), 401, "TOKEN_REVOKED");
        // The rate limits cannot be checked either: they let a live session through.
        assertThat(get("/api/folders/root", live).statusCode()).isEqualTo(200);
    }

    @Test
    void liveEventsPassEachEventAtOnceAndOutliveTheResponseTimeout() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        try (EventStream stream = EventStream.open(uri("/api/events"), token)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("X-Accel-Buffering"))
                    .hasValue("no");
            // The first event arrives while the backend still holds the stream open.
            stream.await(e -> e.name().equals("open"), Duration.ofSeconds(10));
            SECOND_EVENT.countDown();
            EventStream.Event second = stream.await(e -> e.name().equals("archive"), Duration.ofSeconds(10));
            assertThat(second.data()).isEqualTo("{\"n\":2}");
            assertThat(stream.ends(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void servicesLearnTheClientAddressFromTheGatewayOnly() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/auth/.well-known/direct"))
                .header("X-Depot-Client-Address", "6.6.6.6")
                .GET());
        assertThat(SEEN.get("/api/auth/.well-known/direct").get("X-depot-client-address"))
                .containsExactly("127.0.0.1");
        // Through a trusted proxy (the edge) the hop it appended counts, not what the client wrote.
        send(HttpRequest.newBuilder(uri("/api/auth/.well-known/proxied"))
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
                .GET());
        assertThat(SEEN.get("/api/auth/.well-known/proxied").get("X-depot-client-address"))
                .containsExactly("203.0.113.9");
    }

    private void send(HttpRequest.Builder request) throws Exception {
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void urlsTheFirewallRefusesGetAProblem() throws Exception {
        assertProblem(get("/api/shared/%2e%2e%2fapi%2ffolders", null), 400, "MALFORMED_REQUEST");
        assertProblem(get("/dl/..%2F..%2Fetc%2Fpasswd", null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void publicPathsNeedNoToken() throws Exception {
        assertThat(get("/api/auth/.well-known/jwks.json", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/uploads/abc", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unreachableBackendIsA503Problem() throws Exception {
        assertProblem(get("/dl/some-ticket", null), 503, "BACKEND_UNAVAILABLE");
    }

    @Test
    void oversizedControlPlaneBodyIsA413ProblemButUploadsAreNotLimited() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        String big = "x".repeat(4096);
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri("/api/folders"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 413, "PAYLOAD_TOO_LARGE");
        HttpResponse<String> upload = http.send(
                HttpRequest.newBuilder(uri("/api/uploads/abc"))
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
    }

    @Test
    void aUserOverTheRateLimitGetsA429ProblemWithRetryAfter() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(get("/api/folders/root", token));
        }
        HttpResponse<String> limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request was rate-limited"));
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(limited.body()).path("retryAfter").asLong()).isEqualTo(1);
        assertThat(responses.getFirst().statusCode()).isEqualTo(200);
    }

    @Test
    void issuingLinksHasItsOwnSmallerBucket() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        String link = "/api/files/" + UUID.randomUUID() + "/download-url";
        assertThat(get(link, token).statusCode()).isEqualTo(200);
        assertThat(get(link, token).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get(link, token);
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        HttpResponse<String> other = get("/api/folders/root", token);
        assertThat(other.statusCode())
                .as("other requests still pass: " + other.body())
                .isEqualTo(200);
    }

    @Test
    void aPublicShareLinkHasItsOwnBucketWhoeverAsks() throws Exception {
        String link = "/api/shared/" + "Ab1_-".repeat(4) + "xy/download-url";
        String other = "/api/shared/" + "Zz9_-".repeat(4) + "xy/download-url";
        String signedIn = TestInfra.tokens().issue(UUID.randomUUID().toString());
        assertThat(get(link, null).statusCode()).isEqualTo(200);
        assertThat(get(link, signedIn).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get(link, null);
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertProblem(get(link, TestInfra.tokens().issue(UUID.randomUUID().toString())), 429, "RATE_LIMITED");
        assertThat(get(other, null).statusCode())
                .as("another link is not limited")
                .isEqualTo(200);
        assertThat(get(link.replace("/download-url", ""), null).statusCode())
                .as("seeing the file is not a download")
                .isEqualTo(200);
    }

    @Test
    void theSessionCookieTravelsFromTheDashboardOnlyAndSignOutNeedsNoToken() throws Exception {
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(uri("/api/auth/refresh"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "x-depot-session")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:3000");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v.toLowerCase()).contains("x-depot-session"));

        HttpResponse<String> logout = http.send(
                HttpRequest.newBuilder(uri("/api/auth/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("X-Depot-Session", "cookie")
                        .header("Cookie", "depot_refresh=opaque")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
        assertThat(logout.headers().allValues("Access-Control-Expose-Headers"))
                .as("a credentialed request reads no header behind \"*\"")
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Retry-After"));
        assertThat(SEEN.get("/api/auth/logout").get("Cookie")).containsExactly("depot_refresh=opaque");

        SEEN.remove("/api/auth/refresh");
        HttpResponse<String> foreign = http.send(
                HttpRequest.newBuilder(uri("/api/auth/refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.test")
                        .header("X-Depot-Session", "cookie")
                        .header("Cookie", "depot_refresh=opaque")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(SEEN).doesNotContainKey("/api/auth/refresh");
    }

    @Test
    void corsPreflightFromTheDashboardIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/me"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        HttpResponse<String> foreign = http.send(
                HttpRequest.newBuilder(uri("/api/me"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.test")
                        .header("Access-Control-Request-Method", "GET")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void statusReportsEachBackend() throws Exception {
        JsonNode body = JSON.readTree(get("/api/status", null).body());
        assertThat(body.path("services")).hasSize(4);
        assertThat(body.path("status").asString()).isEqualTo("DEGRADED");
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "gateway-service",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
