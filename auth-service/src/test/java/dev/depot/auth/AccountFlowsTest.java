package dev.depot.auth;

import static dev.depot.auth.AuthApi.json;
import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.depot.auth.AuthApi.Person;
import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.accounts.v1.UserRegistered;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.MailCatcher;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The account flows on real Postgres, Redis, Kafka and SMTP: every mail is read back from the
 * catcher over IMAP and its link followed.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "depot.auth.dashboard-url=http://dashboard.test")
class AccountFlowsTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    AuthApi api;
    MailCatcher mail;

    @BeforeEach
    void setUp() throws Exception {
        api = new AuthApi("http://127.0.0.1:" + port);
        mail = MailCatcher.ofTestInfra();
    }

    @Test
    void signUpVerifyByMailSignInRefreshAndSignOut() throws Exception {
        Person p = Person.fresh();
        HttpResponse<String> created = api.signup(p.email(), p.username(), p.password());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = json(created);
        assertThat(account.get("emailVerified").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain("password");

        MailCatcher.Mail verification = mail.await(p.email(), "Confirm your email", MAIL_WAIT);
        assertThat(verification.html()).contains("href=\"http://dashboard.test/verify-email?token=");
        String token = verification
                .link("http://dashboard.test/verify-email?token=")
                .substring("http://dashboard.test/verify-email?token=".length());

        // Unverified accounts may sign in; the token says so.
        JsonNode tokens = api.tokens(p.username().toUpperCase(), p.password());
        assertThat(claims(tokens).get("email_verified").asBoolean()).isFalse();

        HttpResponse<String> verified = api.post("/api/auth/verify-email", Map.of("token", token));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).get("emailVerified").asBoolean()).isTrue();
        assertProblem(api.post("/api/auth/verify-email", Map.of("token", token)), 400, "TOKEN_INVALID");

        JsonNode refreshed = json(api.post(
                "/api/auth/refresh",
                Map.of("refreshToken", tokens.get("refreshToken").asString())));
        assertThat(claims(refreshed).get("email_verified").asBoolean()).isTrue();
        assertThat(refreshed.get("sessionId").asString())
                .isEqualTo(tokens.get("sessionId").asString());
        assertThat(refreshed.get("refreshToken").asString())
                .isNotEqualTo(tokens.get("refreshToken").asString());

        String access = refreshed.get("accessToken").asString();
        HttpResponse<String> me = api.send("GET", "/api/auth/account", null, access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(p.email());

        assertThat(api.send("POST", "/api/auth/logout", null, access).statusCode())
                .isEqualTo(204);
        assertProblem(api.send("GET", "/api/auth/account", null, access), 401, "TOKEN_REVOKED");
        assertRefreshRefused(refreshed);
    }

    @Test
    void registrationIsAnnouncedOnKafkaWithTheTraceOfTheRequest() throws Exception {
        Person p = Person.fresh();
        String id = json(api.signup(p.email(), p.username(), p.password()))
                .get("id")
                .asString();
        EventProbe.Event event =
                EventProbe.await(UserRegistered.TOPIC, e -> id.equals(e.key()), Duration.ofSeconds(30));
        JsonNode envelope = AuthApi.JSON.readTree(event.value());
        assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
        assertThat(envelope.get("type").asString()).isEqualTo(UserRegistered.TOPIC);
        assertThat(envelope.get("source").asString()).isEqualTo("/depot/auth-service");
        assertThat(envelope.get("data").get("username").asString()).isEqualTo(p.username());
        assertThat(event.headers()).containsKey("traceparent");
        // What went on the wire is what the published schema describes.
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(
                                UserRegistered.class.getResourceAsStream("/schemas/" + UserRegistered.TOPIC + ".json"))
                        .validate(envelope))
                .isEmpty();
    }

    @Test
    void refreshTokenReuseEndsTheWholeSession() throws Exception {
        Person p = signedUp();
        JsonNode first = api.tokens(p.email(), p.password());
        String stolen = first.get("refreshToken").asString();
        JsonNode second = json(api.post("/api/auth/refresh", Map.of("refreshToken", stolen)));
        JsonNode third = json(api.post(
                "/api/auth/refresh",
                Map.of("refreshToken", second.get("refreshToken").asString())));

        // Within the grace interval, but the family went on from the token it replaced: a replay.
        assertProblem(api.post("/api/auth/refresh", Map.of("refreshToken", stolen)), 401, "REFRESH_TOKEN_INVALID");
        // The legitimate holder's newer token and access token died with the family.
        assertRefreshRefused(third);
        assertProblem(
                api.send(
                        "GET",
                        "/api/auth/account",
                        null,
                        third.get("accessToken").asString()),
                401,
                "TOKEN_REVOKED");
    }

    @Test
    void aRenewalWhoseAnswerWasLostIsAskedAgain() throws Exception {
        Person p = signedUp();
        String first = api.tokens(p.email(), p.password()).get("refreshToken").asString();
        String lost = json(api.post("/api/auth/refresh", Map.of("refreshToken", first)))
                .get("refreshToken")
                .asString();

        JsonNode again = json(api.post("/api/auth/refresh", Map.of("refreshToken", first)));
        assertThat(again.get("refreshToken").asString()).isNotIn(first, lost);
        assertThat(api.send(
                                "GET",
                                "/api/auth/account",
                                null,
                                again.get("accessToken").asString())
                        .statusCode())
                .isEqualTo(200);
        JsonNode next = json(api.post(
                "/api/auth/refresh",
                Map.of("refreshToken", again.get("refreshToken").asString())));
        // Now the family went on: the first token sent once more is a replay.
        assertProblem(api.post("/api/auth/refresh", Map.of("refreshToken", first)), 401, "REFRESH_TOKEN_INVALID");
        assertRefreshRefused(next);
    }

    @Test
    void sessionsAreListedAndCanBeEnded() throws Exception {
        Person p = signedUp();
        JsonNode laptop = api.tokens(p.email(), p.password());
        JsonNode phone = api.tokens(p.username(), p.password());
        String access = laptop.get("accessToken").asString();

        JsonNode list = json(api.send("GET", "/api/auth/sessions", null, access));
        assertThat(list.size()).isEqualTo(2);
        for (JsonNode s : list) {
            assertThat(s.get("current").asBoolean())
                    .isEqualTo(s.get("id")
                            .asString()
                            .equals(laptop.get("sessionId").asString()));
            assertThat(s.get("ipAddress").asString()).isEqualTo(api.address());
            assertThat(s.get("userAgent").asString()).isEqualTo("auth-test/1.0");
        }

        String phoneSession = phone.get("sessionId").asString();
        assertThat(api.send("DELETE", "/api/auth/sessions/" + phoneSession, null, access)
                        .statusCode())
                .isEqualTo(204);
        assertProblem(api.send("DELETE", "/api/auth/sessions/" + phoneSession, null, access), 404, "SESSION_NOT_FOUND");
        assertRefreshRefused(phone);
        assertThat(json(api.send("GET", "/api/auth/sessions", null, access)).size())
                .isEqualTo(1);

        assertThat(api.send("POST", "/api/auth/logout-all", null, access).statusCode())
                .isEqualTo(204);
        assertProblem(api.send("GET", "/api/auth/sessions", null, access), 401, "TOKEN_REVOKED");
    }

    @Test
    void signUpRefusesBadInputWithProblems() throws Exception {
        Person p = Person.fresh();
        JsonNode invalid = assertProblem(
                api.post("/api/auth/signup", Map.of("email", "not-an-address", "username", "-x", "password", "short")),
                400,
                "VALIDATION_FAILED");
        assertThat(invalid.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "username", "password");
        assertProblem(api.post("/api/auth/signup", "{\"email\": "), 400, "MALFORMED_REQUEST");
        assertProblem(api.signup(p.email(), p.username(), "password1234"), 400, "WEAK_PASSWORD");
        assertProblem(api.signup(p.email(), p.username(), p.username() + "!x9"), 400, "WEAK_PASSWORD");
        assertProblem(api.signup(p.email(), p.username(), "aaaaaaaaaaaa"), 400, "WEAK_PASSWORD");

        assertThat(api.signup(p.email(), p.username(), p.password()).statusCode())
                .isEqualTo(201);
        Person other = Person.fresh();
        assertProblem(api.signup(p.email().toUpperCase(), other.username(), other.password()), 409, "EMAIL_TAKEN");
        assertProblem(api.signup(other.email(), p.username().toUpperCase(), other.password()), 409, "USERNAME_TAKEN");
    }

    @Test
    void wrongLoginAndWrongPasswordLookTheSame() throws Exception {
        Person p = signedUp();
        JsonNode unknown = assertProblem(api.login("nobody-" + p.email(), p.password()), 401, "INVALID_CREDENTIALS");
        JsonNode wrong = assertProblem(api.login(p.email(), p.password() + "x"), 401, "INVALID_CREDENTIALS");
        assertThat(unknown.get("detail")).isEqualTo(wrong.get("detail"));
        assertThat(fieldNames(unknown)).isEqualTo(fieldNames(wrong));
    }

    @Test
    void anUnknownLoginTakesAsLongAsAWrongPassword() throws Exception {
        Person p = signedUp();
        // Four failures per account stay below the throttle, which would answer without hashing.
        long known = medianMicros(i -> api.login(p.email(), p.password() + i));
        long unknown = medianMicros(i -> api.login("nobody" + i + p.email(), p.password()));
        // Without the decoy hash an unknown login answers in a fraction of the hashing time.
        assertThat(unknown)
                .as("unknown %d µs vs wrong password %d µs", unknown, known)
                .isGreaterThanOrEqualTo(known / 2);
    }

    @Test
    void failedLoginsAreThrottledPerAccount() throws Exception {
        Person p = signedUp();
        for (int i = 0; i < 5; i++) {
            assertProblem(api.login(p.email(), "wrong password " + i), 401, "INVALID_CREDENTIALS");
        }
        // Even the right password waits now, and so does the same account by its other name.
        HttpResponse<String> refused = api.login(p.email(), p.password());
        JsonNode problem = assertProblem(refused, 429, "TOO_MANY_ATTEMPTS");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(problem.get("retryAfter").asLong()).isEqualTo(retryAfter);
        assertProblem(
                new AuthApi("http://127.0.0.1:" + port).login(p.username(), p.password()), 429, "TOO_MANY_ATTEMPTS");
    }

    @Test
    void failedLoginsAreThrottledPerAddress() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertProblem(api.login("someone" + i + "@example.org", "wrong password"), 401, "INVALID_CREDENTIALS");
        }
        Person p = signedUp();
        assertProblem(api.login(p.email(), p.password()), 429, "TOO_MANY_ATTEMPTS");
        assertThat(new AuthApi("http://127.0.0.1:" + port)
                        .login(p.email(), p.password())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void forgottenPasswordIsResetByMailOnceAndEndsEverySession() throws Exception {
        Person p = signedUp();
        JsonNode session = api.tokens(p.email(), p.password());

        HttpResponse<String> known = api.post("/api/auth/password/forgot", Map.of("email", p.email()));
        HttpResponse<String> unknown = api.post("/api/auth/password/forgot", Map.of("email", "nobody-" + p.email()));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        String prefix = "http://dashboard.test/reset-password?token=";
        String token = mail.await(p.email(), "Reset your Depot password", MAIL_WAIT)
                .link(prefix)
                .substring(prefix.length());
        // A refused new password leaves the link usable.
        assertProblem(
                api.post("/api/auth/password/reset", Map.of("token", token, "newPassword", "qwertyuiop")),
                400,
                "WEAK_PASSWORD");
        String newPassword = "A brand new secret " + p.username().length();
        assertThat(api.post("/api/auth/password/reset", Map.of("token", token, "newPassword", newPassword))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(
                api.post("/api/auth/password/reset", Map.of("token", token, "newPassword", newPassword + "2")),
                400,
                "TOKEN_INVALID");

        assertRefreshRefused(session);
        assertProblem(api.login(p.email(), p.password()), 401, "INVALID_CREDENTIALS");
        assertThat(api.login(p.email(), newPassword).statusCode()).isEqualTo(200);
        assertThat(mail.await(p.email(), "password was changed", MAIL_WAIT).text())
                .contains(p.username());
    }

    @Test
    void aPasswordResetEndsTheSignInLockoutOfItsAccount() throws Exception {
        Person p = signedUp();
        for (int i = 0; i < 5; i++) {
            assertProblem(api.login(p.email(), "wrong password " + i), 401, "INVALID_CREDENTIALS");
        }
        assertProblem(api.login(p.email(), p.password()), 429, "TOO_MANY_ATTEMPTS");

        api.post("/api/auth/password/forgot", Map.of("email", p.email()));
        String prefix = "http://dashboard.test/reset-password?token=";
        String token = mail.await(p.email(), "Reset your Depot password", MAIL_WAIT)
                .link(prefix)
                .substring(prefix.length());
        String newPassword = "Unlocked by the mailbox " + p.username().length();
        assertThat(api.post("/api/auth/password/reset", Map.of("token", token, "newPassword", newPassword))
                        .statusCode())
                .isEqualTo(204);

        // Control of the mailbox was proven: the account signs in at once, by either name.
        assertThat(api.login(p.email(), newPassword).statusCode()).isEqualTo(200);
        assertThat(api.login(p.username(), newPassword).statusCode()).isEqualTo(200);
    }

    @Test
    void forgotPasswordAnswersAsFastForUnknownAddresses() throws Exception {
        Person p = signedUp();
        long known = medianMicros(i -> api.post("/api/auth/password/forgot", Map.of("email", p.email())));
        long unknown = medianMicros(i -> api.post("/api/auth/password/forgot", Map.of("email", "nobody-" + p.email())));
        assertThat(Math.abs(known - unknown))
                .as("known %d µs, unknown %d µs", known, unknown)
                .isLessThanOrEqualTo(15_000);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() throws Exception {
        Person p = signedUp();
        JsonNode here = api.tokens(p.email(), p.password());
        JsonNode elsewhere = api.tokens(p.email(), p.password());
        String access = here.get("accessToken").asString();

        assertProblem(
                api.send(
                        "POST",
                        "/api/auth/account/password",
                        Map.of("currentPassword", "not it at all", "newPassword", "Another secret 42"),
                        access),
                403,
                "WRONG_PASSWORD");
        assertThat(api.send(
                                "POST",
                                "/api/auth/account/password",
                                Map.of("currentPassword", p.password(), "newPassword", "Another secret 42"),
                                access)
                        .statusCode())
                .isEqualTo(204);

        assertThat(api.send("GET", "/api/auth/account", null, access).statusCode())
                .isEqualTo(200);
        assertRefreshRefused(elsewhere);
        assertThat(api.login(p.email(), "Another secret 42").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailChangeTakesEffectOnceTheNewAddressIsVerified() throws Exception {
        Person p = signedUp();
        String access = api.tokens(p.email(), p.password()).get("accessToken").asString();
        String newEmail = "moved-" + p.email();

        JsonNode updated = json(api.send(
                "PATCH", "/api/auth/account", Map.of("email", newEmail, "username", p.username() + "_2"), access));
        assertThat(updated.get("email").asString()).isEqualTo(p.email());
        assertThat(updated.get("pendingEmail").asString()).isEqualTo(newEmail);
        assertThat(updated.get("username").asString()).isEqualTo(p.username() + "_2");

        String prefix = "http://dashboard.test/verify-email?token=";
        String token = mail.await(newEmail, "Confirm your email", MAIL_WAIT)
                .link(prefix)
                .substring(prefix.length());
        JsonNode verified = json(api.post("/api/auth/verify-email", Map.of("token", token)));
        assertThat(verified.get("email").asString()).isEqualTo(newEmail);
        assertThat(verified.get("pendingEmail").isNull()).isTrue();
        assertThat(verified.get("emailVerified").asBoolean()).isTrue();
        assertThat(api.login(newEmail, p.password()).statusCode()).isEqualTo(200);

        Person other = signedUp();
        assertProblem(
                api.send("PATCH", "/api/auth/account", Map.of("email", other.email()), access), 409, "EMAIL_TAKEN");
        assertProblem(api.send("PATCH", "/api/auth/account", Map.of(), access), 400, "VALIDATION_FAILED");
    }

    @Test
    void deletingTheAccountEndsItsSessionsAndIsAnnounced() throws Exception {
        Person p = signedUp();
        JsonNode tokens = api.tokens(p.email(), p.password());
        String access = tokens.get("accessToken").asString();
        String id = json(api.send("GET", "/api/auth/account", null, access))
                .get("id")
                .asString();

        assertProblem(
                api.send("DELETE", "/api/auth/account", Map.of("password", "nope nope"), access),
                403,
                "WRONG_PASSWORD");
        assertThat(api.send("DELETE", "/api/auth/account", Map.of("password", p.password()), access)
                        .statusCode())
                .isEqualTo(204);

        assertProblem(api.send("GET", "/api/auth/account", null, access), 401, "TOKEN_REVOKED");
        assertProblem(api.login(p.email(), p.password()), 401, "INVALID_CREDENTIALS");
        assertRefreshRefused(tokens);
        EventProbe.await(UserDeleted.TOPIC, e -> id.equals(e.key()), Duration.ofSeconds(30));
        // The address is free again.
        assertThat(api.signup(p.email(), p.username(), p.password()).statusCode())
                .isEqualTo(201);
    }

    private void assertRefreshRefused(JsonNode tokens) throws Exception {
        assertProblem(
                api.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", tokens.get("refreshToken").asString())),
                401,
                "REFRESH_TOKEN_INVALID");
    }

    private Person signedUp() throws Exception {
        Person p = Person.fresh();
        HttpResponse<String> created = api.signup(p.email(), p.username(), p.password());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return p;
    }

    private static JsonNode claims(JsonNode tokens) {
        String payload = tokens.get("accessToken").asString().split("\\.")[1];
        return AuthApi.JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }

    private interface Call {
        HttpResponse<String> run(int attempt) throws Exception;
    }

    /** Median time of four calls, after one to warm up. */
    private static long medianMicros(Call call) throws Exception {
        long[] times = new long[4];
        call.run(times.length);
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            call.run(i);
            times[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(times);
        return (times[1] + times[2]) / 2;
    }
}
