package dev.depot.auth.session;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.WebSlice;
import dev.depot.kit.problem.DepotException;
import dev.depot.localinfra.MockMvcProblems.Answer;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The problems sign-in, refresh, sign-out and the session list answer, with sessions stubbed. */
@WebMvcTest(SessionController.class)
@WebSlice
@Import(SessionCookie.class)
@EnableConfigurationProperties(SessionCookieProperties.class)
@MockitoBean(types = SessionService.class)
class SessionControllerTest {

    private static final String LOGIN = "{\"login\":\"ada\",\"password\":\"correct horse\"}";
    private static final String DASHBOARD = "http://localhost:3000";

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionService sessions;

    @Test
    void aLoginNeedsBothFieldsAndTheRightPassword() throws Exception {
        Answer invalid =
                assertProblem(mvc, json(post("/api/auth/login"), "{\"login\":\" \"}"), 400, "VALIDATION_FAILED");
        assertThat(invalid.problem()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("login", "password");
        given(sessions.login(anyString(), anyString(), any()))
                .willThrow(new DepotException(AuthProblem.INVALID_CREDENTIALS, "Wrong."))
                .willThrow(new DepotException(
                        AuthProblem.TOO_MANY_ATTEMPTS, "Wait.", Map.of(DepotException.RETRY_AFTER, 900L)));
        assertProblem(mvc, json(post("/api/auth/login"), LOGIN), 401, "INVALID_CREDENTIALS");
        Answer throttled = assertProblem(mvc, json(post("/api/auth/login"), LOGIN), 429, "TOO_MANY_ATTEMPTS");
        assertThat(throttled.response().getHeader("Retry-After")).isEqualTo("900");
    }

    @Test
    void theSessionCookieIsForTheDashboardsOriginsAndHasOneMode() throws Exception {
        assertProblem(
                mvc,
                json(post("/api/auth/login"), LOGIN).header(SessionCookie.HEADER, "jar"),
                400,
                "MALFORMED_REQUEST");
        assertProblem(
                mvc,
                json(post("/api/auth/login"), LOGIN)
                        .header(SessionCookie.HEADER, SessionCookie.HEADER_VALUE)
                        .header("Origin", "https://elsewhere.example"),
                403,
                "ORIGIN_NOT_ALLOWED");
    }

    @Test
    void aRefreshTokenComesInTheBodyOrInTheCookieNeverBoth() throws Exception {
        assertProblem(mvc, post("/api/auth/refresh"), 400, "MALFORMED_REQUEST");
        assertProblem(mvc, json(post("/api/auth/refresh"), "{\"refreshToken\":\"\"}"), 400, "VALIDATION_FAILED");
        assertProblem(
                mvc,
                json(post("/api/auth/refresh"), "{\"refreshToken\":\"abc\"}")
                        .header(SessionCookie.HEADER, SessionCookie.HEADER_VALUE)
                        .header("Origin", DASHBOARD),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void aRefreshWithoutALiveTokenEndsTheCookie() throws Exception {
        Answer missing = assertProblem(
                mvc,
                post("/api/auth/refresh")
                        .header(SessionCookie.HEADER, SessionCookie.HEADER_VALUE)
                        .header("Origin", DASHBOARD),
                401,
                "REFRESH_TOKEN_INVALID");
        assertThat(missing.response().getHeaders("Set-Cookie"))
                .hasSize(SessionCookie.PATHS.size())
                .allSatisfy(c -> assertThat(c).startsWith("depot_refresh=;").contains("Max-Age=0"));
        given(sessions.refresh(anyString(), any()))
                .willThrow(new DepotException(AuthProblem.REFRESH_TOKEN_INVALID, "Spent."));
        assertProblem(
                mvc, json(post("/api/auth/refresh"), "{\"refreshToken\":\"spent\"}"), 401, "REFRESH_TOKEN_INVALID");
        Answer spent = assertProblem(
                mvc,
                post("/api/auth/refresh")
                        .header(SessionCookie.HEADER, SessionCookie.HEADER_VALUE)
                        .header("Origin", DASHBOARD)
                        .cookie(new Cookie("depot_refresh", "spent")),
                401,
                "REFRESH_TOKEN_INVALID");
        assertThat(spent.response().getHeaders("Set-Cookie"))
                .allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void aSignOutNamesASession() throws Exception {
        assertProblem(mvc, post("/api/auth/logout"), 401, "UNAUTHENTICATED");
        assertProblem(
                mvc,
                post("/api/auth/logout").header(SessionCookie.HEADER, SessionCookie.HEADER_VALUE),
                401,
                "REFRESH_TOKEN_INVALID");
    }

    @Test
    void theSessionListIsTheAccountsOwn() throws Exception {
        assertProblem(mvc, get("/api/auth/sessions"), 401, "UNAUTHENTICATED");
        assertProblem(mvc, post("/api/auth/logout-all"), 401, "UNAUTHENTICATED");
        assertProblem(mvc, delete("/api/auth/sessions/not-a-session").with(signedIn()), 400, "MALFORMED_REQUEST");
        willThrow(new DepotException(AuthProblem.SESSION_NOT_FOUND, "None."))
                .given(sessions)
                .end(any(), any());
        assertProblem(
                mvc, delete("/api/auth/sessions/" + UUID.randomUUID()).with(signedIn()), 404, "SESSION_NOT_FOUND");
    }
}
