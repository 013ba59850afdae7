package dev.depot.e2e;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local stack started by {@code ./depot up}, spoken to through the gateway only, as a client
 * would. Tokens are minted with the local run's signing key, whose public half auth-service
 * publishes; the last test stops a service to see the gateway's 503.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmokeTest {

    private static final ServiceClient GATEWAY = new ServiceClient(8080);
    private static Path dataDir;
    private static TestTokens tokens;

    @BeforeAll
    static void stack() throws Exception {
        dataDir = LocalStack.dataDir();
        tokens = TestTokens.fromPem(
                Files.readString(dataDir.resolve("secrets/auth-signing-key.pem")), "http://localhost:8080");
    }

    @Test
    @Order(1)
    void everyServiceIsReadyBehindTheGateway() throws Exception {
        HttpResponse<String> response = GATEWAY.get("/api/status", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("DOWN")
                .contains("auth-service", "metadata-service", "upload-service", "download-service");
    }

    @Test
    @Order(2)
    void aProtectedRouteNeedsAValidToken() throws Exception {
        String subject = UUID.randomUUID().toString();
        assertProblem(GATEWAY.get("/api/me", null), 401, "UNAUTHENTICATED");
        assertProblem(
                GATEWAY.get(
                        "/api/me", TestTokens.untrusted("http://localhost:8080").issue(subject)),
                401,
                "UNAUTHENTICATED");
        assertProblem(GATEWAY.get("/api/me", tokens.issue(subject, Duration.ofMinutes(-1))), 401, "UNAUTHENTICATED");
    }

    @Test
    @Order(3)
    void aValidTokenReachesMetadataAndItsTraceIdIsInBothLogs() throws Exception {
        String subject = UUID.randomUUID().toString();
        String traceId = HexFormat.of().formatHex(randomBytes());
        HttpResponse<String> response = GATEWAY.send(GATEWAY.request("/api/me", tokens.issue(subject))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(subject);
        assertLogged("gateway-service", traceId);
        assertLogged("metadata-service", traceId);
    }

    @Test
    @Order(4)
    void theDataPlaneAnswersThroughTheGateway() throws Exception {
        HttpResponse<String> tus = GATEWAY.send(
                GATEWAY.request("/api/uploads/", null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(tus.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertProblem(GATEWAY.get("/dl/v1.forged.ticket", null), 403, "TICKET_INVALID");
        assertThat(GATEWAY.get("/api/auth/.well-known/jwks.json", null).body()).contains("\"kid\"");
    }

    @Test
    @Order(5)
    void aStoppedBackendIsA503Problem() throws Exception {
        LocalStack.Stopped stopped = LocalStack.stop("download-service", 8084, false);
        assertProblem(GATEWAY.get("/dl/v1.any.ticket", null), 503, "BACKEND_UNAVAILABLE");
        stopped.start();
        assertProblem(GATEWAY.get("/dl/v1.any.ticket", null), 403, "TICKET_INVALID");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void assertLogged(String service, String traceId) throws Exception {
        Path log = dataDir.resolve("logs/" + service + ".log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(traceId)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("trace id " + traceId + " not in " + log);
    }
}
