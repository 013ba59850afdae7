package dev.depot.auth;

import static dev.depot.auth.AuthApi.json;
import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.auth.AuthApi.Person;
import dev.depot.localinfra.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's refresh token lives in an HttpOnly cookie: it is never in a response body, it is
 * read only on requests that ask for it from the dashboard's origin, it rotates like the body token
 * and is cleared on sign-out or when it stops working. API clients keep the body token.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "depot.auth.session-cookie.origins=http://dashboard.test,http://localhost:3000",
            "depot.auth.sessions.reuse-grace=1s"
        })
class SessionCookieTest {

    private static final String DASHBOARD = "http://dashboard.test";
    private static final String COOKIE_MODE = "X-Depot-Session";

    @LocalServerPort
    int port;

    AuthApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
    }

    @Test
    void aCookieSignInKeepsTheRefreshTokenOutOfTheBodyAndInAnHttpOnlyCookie() throws Exception {
        Person p = signedUp();
        HttpResponse<String> login =
                browser("/api/auth/login", Map.of("login", p.email(), "password", p.password()), null);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode body = json(login);
        assertThat(body.has("refreshToken")).isFalse();
        assertThat(body.get("accessToken").asString()).isNotBlank();
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(2);
        assertThat(cookies)
                .allSatisfy(c -> assertThat(c)
                        .startsWith("depot_refresh=")
                        .contains("; HttpOnly", "; Secure", "; SameSite=Strict", "; Max-Age=2592000"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/auth/refresh"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/auth/logout"));
        assertThat(value(cookies.get(0))).isEqualTo(value(cookies.get(1))).hasSizeGreaterThan(20);
    }

    @Test
    void theCookieRotatesAndAReplayedCookieEndsTheSessionAndIsCleared() throws Exception {
        String first = signIn();
        HttpResponse<String> refreshed = browser("/api/auth/refresh", null, first);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).has("refreshToken")).isFalse();
        String second = value(refreshed.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(second).isNotEqualTo(first);

        Thread.sleep(1_100); // past the reuse grace: no longer a renewal whose answer was lost
        HttpResponse<String> replayed = browser("/api/auth/refresh", null, first);
        assertProblem(replayed, 401, "REFRESH_TOKEN_INVALID");
        assertCleared(replayed);
        // Reuse ends the whole family, the newer cookie included.
        assertProblem(browser("/api/auth/refresh", null, second), 401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void theCookieIsNotReadWithoutTheHeaderNorFromAnotherOrigin() throws Exception {
        String token = signIn();

        // A plain form post or fetch carries the cookie but not the header: the cookie is ignored.
        HttpResponse<String> noHeader = send(
                "/api/auth/refresh", null, Map.of("Origin", "http://evil.test", "Cookie", "depot_refresh=" + token));
        assertProblem(noHeader, 400, "MALFORMED_REQUEST");
        assertThat(noHeader.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> foreign = send(
                "/api/auth/refresh",
                null,
                Map.of(COOKIE_MODE, "cookie", "Origin", "http://evil.test", "Cookie", "depot_refresh=" + token));
        assertProblem(foreign, 403, "ORIGIN_NOT_ALLOWED");
        assertProblem(
                send(
                        "/api/auth/logout",
                        null,
                        Map.of(
                                COOKIE_MODE,
                                "cookie",
                                "Origin",
                                "http://evil.test",
                                "Cookie",
                                "depot_refresh=" + token)),
                403,
                "ORIGIN_NOT_ALLOWED");
        assertProblem(
                send(
                        "/api/auth/refresh",
                        null,
                        Map.of(COOKIE_MODE, "yes", "Origin", DASHBOARD, "Cookie", "depot_refresh=" + token)),
                400,
                "MALFORMED_REQUEST");

        // None of them spent the token or ended the session.
        assertThat(browser("/api/auth/refresh", null, token).statusCode()).isEqualTo(200);
    }

    @Test
    void withTheHeaderTheTokenComesFromTheCookieOnly() throws Exception {
        String token = signIn();
        assertProblem(browser("/api/auth/refresh", Map.of("refreshToken", token), token), 400, "MALFORMED_REQUEST");

        HttpResponse<String> missing = browser("/api/auth/refresh", null, null);
        assertProblem(missing, 401, "REFRESH_TOKEN_INVALID");
        assertCleared(missing);
    }

    @Test
    void signingOutWithTheCookieEndsItsSessionAndClearsIt() throws Exception {
        Person p = signedUp();
        HttpResponse<String> login =
                browser("/api/auth/login", Map.of("login", p.email(), "password", p.password()), null);
        String token = value(login.headers().firstValue("Set-Cookie").orElseThrow());
        String access = json(login).get("accessToken").asString();

        HttpResponse<String> logout = browser("/api/auth/logout", null, token);
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertCleared(logout);
        assertProblem(api.send("GET", "/api/auth/account", null, access), 401, "TOKEN_REVOKED");
        assertProblem(browser("/api/auth/refresh", null, token), 401, "REFRESH_TOKEN_INVALID");

        HttpResponse<String> again = browser("/api/auth/logout", null, null);
        assertProblem(again, 401, "REFRESH_TOKEN_INVALID");
        assertCleared(again);
    }

    @Test
    void apiClientsKeepTheBodyTokenAndNeedAnAccessTokenToSignOut() throws Exception {
        Person p = signedUp();
        JsonNode tokens = api.tokens(p.email(), p.password());
        HttpResponse<String> refreshed = api.post(
                "/api/auth/refresh",
                Map.of("refreshToken", tokens.get("refreshToken").asString()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(json(refreshed).get("refreshToken").asString()).isNotBlank();
        assertThat(refreshed.headers().allValues("Set-Cookie")).isEmpty();

        assertProblem(api.post("/api/auth/logout", null), 401, "UNAUTHENTICATED");
        HttpResponse<String> logout = api.send(
                "POST",
                "/api/auth/logout",
                null,
                json(refreshed).get("accessToken").asString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** Signs a fresh account in as the dashboard does; returns the cookie's refresh token. */
    private String signIn() throws Exception {
        Person p = signedUp();
        HttpResponse<String> login =
                browser("/api/auth/login", Map.of("login", p.email(), "password", p.password()), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return value(login.headers().firstValue("Set-Cookie").orElseThrow());
    }

    /** A request as the dashboard sends it: from its origin, asking for the cookie. */
    private HttpResponse<String> browser(String path, Object body, String cookie) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(COOKIE_MODE, "cookie");
        headers.put("Origin", DASHBOARD);
        if (cookie != null) {
            headers.put("Cookie", "depot_refresh=" + cookie);
        }
        return send(path, body, headers);
    }

    private HttpResponse<String> send(String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Depot-Client-Address", api.address());
        headers.forEach(request::header);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(AuthApi.JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCleared(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .hasSize(2)
                .allSatisfy(c ->
                        assertThat(c).startsWith("depot_refresh=;").contains("; Max-Age=0", "; HttpOnly", "; Secure"));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private Person signedUp() throws Exception {
        Person p = Person.fresh();
        HttpResponse<String> created = api.signup(p.email(), p.username(), p.password());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return p;
    }
}
