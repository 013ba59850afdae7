package dev.depot.e2e;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.MailCatcher;
import dev.depot.localinfra.ServiceClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's account life through the gateway of the local stack, with the emails read from the local
 * mail catcher over IMAP and their links followed.
 */
class AccountsThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ServiceClient GATEWAY = new ServiceClient(8080);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static MailCatcher mail;

    @BeforeAll
    static void mailCatcher() throws Exception {
        mail = LocalStack.mail();
    }

    @Test
    void signUpVerifySignInUseTheApiAndSignOut() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "e2e-" + id + "@example.org";
        String password = "Stack test secret " + id;
        HttpResponse<String> created =
                post("/api/auth/signup", Map.of("email", email, "username", "e2e_" + id, "password", password), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String link =
                mail.await(email, "Confirm your email", MAIL_WAIT).link("http://localhost:3000/verify-email?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        HttpResponse<String> verified = post("/api/auth/verify-email", Map.of("token", token), null);
        assertThat(JSON.readTree(verified.body()).get("emailVerified").asBoolean())
                .isTrue();

        JsonNode tokens = JSON.readTree(post("/api/auth/login", Map.of("login", email, "password", password), null)
                .body());
        String access = tokens.get("accessToken").asString();
        // A token auth-service issued is accepted by the gateway and by metadata-service.
        HttpResponse<String> me = GATEWAY.get("/api/me", access);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(GATEWAY.get("/api/auth/sessions", access).body()).contains("\"current\":true");

        JsonNode refreshed = JSON.readTree(post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", tokens.get("refreshToken").asString()),
                        null)
                .body());
        assertThat(post("/api/auth/logout", null, refreshed.get("accessToken").asString())
                        .statusCode())
                .isEqualTo(204);
        assertProblem(GATEWAY.get("/api/me", access), 401, "TOKEN_REVOKED");
        assertProblem(GATEWAY.get("/api/me", refreshed.get("accessToken").asString()), 401, "TOKEN_REVOKED");
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLink() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "e2e-reset-" + id + "@example.org";
        post(
                "/api/auth/signup",
                Map.of("email", email, "username", "e2e_r_" + id, "password", "Stack test secret " + id),
                null);
        assertThat(post("/api/auth/password/forgot", Map.of("email", email), null)
                        .statusCode())
                .isEqualTo(202);
        String link = mail.await(email, "Reset your Depot password", MAIL_WAIT)
                .link("http://localhost:3000/reset-password?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertThat(post("/api/auth/password/reset", Map.of("token", token, "newPassword", "Renewed secret " + id), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(post("/api/auth/login", Map.of("login", email, "password", "Renewed secret " + id), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsAProblemThroughTheGateway() throws Exception {
        assertProblem(post("/api/auth/signup", Map.of("email", "nope"), null), 400, "VALIDATION_FAILED");
        assertProblem(
                post("/api/auth/login", Map.of("login", "nobody@example.org", "password", "whatever it is"), null),
                401,
                "INVALID_CREDENTIALS");
    }

    private static HttpResponse<String> post(String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = GATEWAY.request(path, token);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return GATEWAY.send(request);
    }
}
