package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemAdvice;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.localinfra.MockMvcProblems;
import dev.depot.localinfra.MockMvcProblems.Answer;
import dev.depot.localinfra.OpenApiSpecs;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.account.SliceCallers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Controllers under MockMvc, without a server or a Spring context: what every request of the
 * service has around them (the problem advice, bean validation, the caller of a verified token),
 * and their collaborators as the test's stubs. Checks the problem bodies of refusals as {@link
 * MockMvcProblems} does (each request in a trace of its own), their exact type, title and detail,
 * and that the committed {@code openapi/metadata-service.json} lists each one.
 */
public final class WebSlice {

    /** Whom every request speaks for. */
    public static final Caller CALLER =
            new Caller(UUID.fromString("0b6c5d1e-7f3a-4c2b-9a8d-5e4f3a2b1c0d"), "alice", true);

    private static final Jwt TOKEN = Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject(CALLER.userId().toString())
            .claim("preferred_username", CALLER.username())
            .claim("email_verified", CALLER.emailVerified())
            .issuedAt(Instant.parse("2026-12-01T10:00:00Z"))
            .expiresAt(Instant.parse("2026-12-01T10:15:00Z"))
            .build();
    private static final String DESCRIPTION = "metadata-service.json";

    private final MockMvc mvc;

    private WebSlice(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static WebSlice of(Object... controllers) {
        return new WebSlice(MockMvcBuilders.standaloneSetup(controllers)
                .setControllerAdvice(new ProblemAdvice())
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver(), SliceCallers.resolver())
                .build());
    }

    /** Performs a request as {@link #CALLER} and checks that it is refused with this problem. */
    public Answer refuses(MockHttpServletRequestBuilder request, ProblemCode problem, String detail) throws Exception {
        Answer answer = refuses(request, problem);
        assertThat(answer.problem().path("detail").asString()).isEqualTo(detail);
        return answer;
    }

    /** The same for a refusal whose detail MVC words (it says something). */
    public Answer refuses(MockHttpServletRequestBuilder request, ProblemCode problem) throws Exception {
        int status = problem.status().value();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(TOKEN));
        Answer answer;
        try {
            answer = MockMvcProblems.assertProblem(mvc, request, status, problem.code());
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(answer.problem().path("type").asString())
                .isEqualTo(problem.type().toString());
        assertThat(answer.problem().path("title").asString()).isEqualTo(problem.title());
        assertThat(answer.problem().path("detail").asString()).isNotBlank();
        MockHttpServletRequest sent = request.buildRequest(new MockServletContext());
        OpenApiSpecs.assertListsProblem(DESCRIPTION, sent.getMethod(), sent.getRequestURI(), status, problem.code());
        return answer;
    }

    /**
     * Performs a request and checks that it is refused as {@code VALIDATION_FAILED}, naming each
     * invalid field or parameter with its message (given as {@code field, message}), and no other.
     */
    public Answer refusesInvalid(MockHttpServletRequestBuilder request, String detail, String... fieldsAndMessages)
            throws Exception {
        Answer answer = refuses(request, CommonProblem.VALIDATION_FAILED, detail);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            expected.add(fieldsAndMessages[i] + ": " + fieldsAndMessages[i + 1]);
        }
        assertThat(answer.problem()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString() + ": "
                                + e.path("message").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
        return answer;
    }

    /** A request with a JSON body. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
