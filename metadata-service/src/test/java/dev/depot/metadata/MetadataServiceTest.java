package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.kit.session.EndedSessions;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.RedisPause;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetadataServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RedisConnectionFactory redis;

    private ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient(port);
    }

    @Test
    void meAnswersWithTheTokenSubject() throws Exception {
        String subject = UUID.randomUUID().toString();
        HttpResponse<String> response = client.get("/api/me", TestInfra.tokens().issue(subject));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"" + subject + "\"");
    }

    @Test
    void theServiceChecksTokensItselfBehindTheGateway() throws Exception {
        assertProblem(client.get("/api/me", null), 401, "UNAUTHENTICATED");
        assertProblem(
                client.get("/api/me", TestInfra.tokens().issue(UUID.randomUUID().toString(), Duration.ofMinutes(-2))),
                401,
                "UNAUTHENTICATED");
    }

    @Test
    void anEndedSessionIsRefusedHereTooEvenWhileRedisIsSlow() throws Exception {
        String session = UUID.randomUUID().toString();
        String ended = TestInfra.tokens().issueForSession(UUID.randomUUID().toString(), session);
        String live = TestInfra.tokens().issue(UUID.randomUUID().toString());
        assertThat(client.get("/api/me", ended).statusCode()).isEqualTo(200);

        // As auth-service ends a session at sign-out: the announcement reaches this service.
        new EndedSessions(new StringRedisTemplate(redis), Clock.systemUTC(), Duration.ofSeconds(30))
                .end(List.of(session), Instant.now().plusSeconds(60));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.get("/api/me", ended).statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertProblem(client.get("/api/me", ended), 401, "TOKEN_REVOKED");

        // The check reads the copy in memory: a Redis that does not answer changes nothing.
        RedisPause.pause(Duration.ofSeconds(2));
        assertProblem(client.get("/api/me", ended), 401, "TOKEN_REVOKED");
        assertThat(client.get("/api/me", live).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenThatNamesNoSessionIsRefused() throws Exception {
        assertProblem(
                client.get(
                        "/api/me",
                        TestInfra.tokens()
                                .issue(
                                        UUID.randomUUID().toString(),
                                        Duration.ofMinutes(5),
                                        Collections.singletonMap("sid", null))),
                401,
                "UNAUTHENTICATED");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() throws Exception {
        String token = TestInfra.tokens().issue(UUID.randomUUID().toString());
        assertProblem(client.get("/api/nothing-here", token), 404, "NOT_FOUND");
        assertProblem(client.send(client.request("/api/me", token).DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void flywayOwnsTheMetadataSchema() {
        Integer migrations = jdbc.queryForObject(
                "select count(*) from information_schema.tables"
                        + " where table_schema = 'metadata' and table_name = 'flyway_schema_history'",
                Integer.class);
        assertThat(migrations).isEqualTo(1);
    }

    @Test
    void healthAndMetricsAreExposed() throws Exception {
        assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "metadata-service",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
