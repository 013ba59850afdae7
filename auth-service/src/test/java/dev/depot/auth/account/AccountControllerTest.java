package dev.depot.auth.account;

import static dev.depot.auth.WebRequests.json;
import static dev.depot.auth.WebRequests.signedIn;
import static dev.depot.localinfra.MockMvcProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.WebSlice;
import dev.depot.kit.problem.DepotException;
import dev.depot.localinfra.MockMvcProblems.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The problems the account endpoints answer, with their services stubbed. */
@WebMvcTest(AccountController.class)
@WebSlice
@MockitoBean(types = {AccountService.class, EmailVerificationService.class, PasswordResetService.class})
class AccountControllerTest {

    private static final String SIGNUP =
            "{\"email\":\"ada@example.com\",\"username\":\"ada\",\"password\":\"correct horse\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    EmailVerificationService verification;

    @Autowired
    PasswordResetService resets;

    @Test
    void invalidFieldsAreListedOneByOne() throws Exception {
        Answer answer = assertProblem(
                mvc,
                json(
                        post("/api/auth/signup"),
                        "{\"email\":\"not an address\",\"username\":\"-x\",\"password\":\"short\"}"),
                400,
                "VALIDATION_FAILED");
        assertThat(answer.problem()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("email", "username", "password");
        assertThat(answer.problem()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("message").asString()))
                .contains("must be an email address");
    }

    @Test
    void anUnreadableBodyIsMalformed() throws Exception {
        assertProblem(mvc, json(post("/api/auth/signup"), "{\"email\":"), 400, "MALFORMED_REQUEST");
        assertProblem(
                mvc,
                post("/api/auth/signup").contentType(MediaType.TEXT_PLAIN).content(SIGNUP),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void signupPassesOnTheServicesRefusals() throws Exception {
        given(accounts.signup(anyString(), anyString(), anyString()))
                .willThrow(new DepotException(AuthProblem.WEAK_PASSWORD, "Too common."))
                .willThrow(new DepotException(AuthProblem.EMAIL_TAKEN, "Taken."))
                .willThrow(new DepotException(AuthProblem.USERNAME_TAKEN, "Taken."));
        Answer weak = assertProblem(mvc, json(post("/api/auth/signup"), SIGNUP), 400, "WEAK_PASSWORD");
        assertThat(weak.problem().path("detail").asString()).isEqualTo("Too common.");
        assertThat(weak.problem().path("type").asString()).isEqualTo("https://depot.dev/problems/weak-password");
        assertProblem(mvc, json(post("/api/auth/signup"), SIGNUP), 409, "EMAIL_TAKEN");
        assertProblem(mvc, json(post("/api/auth/signup"), SIGNUP), 409, "USERNAME_TAKEN");
    }

    @Test
    void theOwnAccountNeedsAnAccessToken() throws Exception {
        assertProblem(mvc, get("/api/auth/account"), 401, "UNAUTHENTICATED");
        assertProblem(mvc, json(patch("/api/auth/account"), "{\"username\":\"bob\"}"), 401, "UNAUTHENTICATED");
        assertProblem(mvc, post("/api/auth/verify-email/resend"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUpdateNamesSomethingToChange() throws Exception {
        Answer answer =
                assertProblem(mvc, json(patch("/api/auth/account").with(signedIn()), "{}"), 400, "VALIDATION_FAILED");
        assertThat(answer.problem().path("detail").asString()).contains("new username");
    }

    @Test
    void changingOrDeletingTheAccountNeedsTheRightPassword() throws Exception {
        willThrow(new DepotException(AuthProblem.WRONG_PASSWORD, "Wrong."))
                .given(accounts)
                .changePassword(any(), anyString(), anyString());
        willThrow(new DepotException(AuthProblem.WRONG_PASSWORD, "Wrong."))
                .given(accounts)
                .delete(any(), anyString());
        assertProblem(
                mvc,
                json(
                        post("/api/auth/account/password").with(signedIn()),
                        "{\"currentPassword\":\"guess\",\"newPassword\":\"a new passphrase\"}"),
                403,
                "WRONG_PASSWORD");
        assertProblem(
                mvc, json(delete("/api/auth/account").with(signedIn()), "{\"password\":\"x\"}"), 403, "WRONG_PASSWORD");
        assertProblem(mvc, json(delete("/api/auth/account").with(signedIn()), "{}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void anotherVerificationMailWaitsForItsCooldown() throws Exception {
        willThrow(new DepotException(AuthProblem.TOO_MANY_ATTEMPTS, "Wait.", Map.of(DepotException.RETRY_AFTER, 60L)))
                .given(accounts)
                .resendVerification(any());
        Answer answer =
                assertProblem(mvc, post("/api/auth/verify-email/resend").with(signedIn()), 429, "TOO_MANY_ATTEMPTS");
        assertThat(answer.response().getHeader("Retry-After")).isEqualTo("60");
        assertThat(answer.problem().path("retryAfter").asLong()).isEqualTo(60);
    }

    @Test
    void spentOrUnknownLinksAreRefused() throws Exception {
        given(verification.verify(anyString())).willThrow(new DepotException(AuthProblem.TOKEN_INVALID, "Used."));
        willThrow(new DepotException(AuthProblem.TOKEN_INVALID, "Used."))
                .given(resets)
                .reset(anyString(), anyString());
        assertProblem(mvc, json(post("/api/auth/verify-email"), "{\"token\":\"abc\"}"), 400, "TOKEN_INVALID");
        assertProblem(
                mvc,
                json(post("/api/auth/password/reset"), "{\"token\":\"abc\",\"newPassword\":\"a new passphrase\"}"),
                400,
                "TOKEN_INVALID");
        assertProblem(mvc, json(post("/api/auth/password/forgot"), "{\"email\":\"\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void anUnknownMethodOrFailureSaysNoMoreThanItMust() throws Exception {
        assertProblem(mvc, json(put("/api/auth/account").with(signedIn()), "{}"), 405, "METHOD_NOT_ALLOWED");
        given(accounts.get(any())).willThrow(new IllegalStateException("connection pool exhausted"));
        Answer answer = assertProblem(mvc, get("/api/auth/account").with(signedIn()), 500, "INTERNAL");
        assertThat(answer.problem().path("detail").asString()).isEqualTo("An internal error occurred.");
        assertThat(answer.response().getContentAsString()).doesNotContain("pool");
    }
}
