package dev.depot.metadata;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemAdvice;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.account.SliceCallers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Controllers under MockMvc, without a server or a Spring context: what every request of the
 * service has around them (the problem advice, bean validation, the caller of a verified token,
 * a trace), and their collaborators as the test's stubs. Checks the problem bodies of refusals.
 */
public final class WebSlice {

  /** Whom every request speaks for. */
  public static final Caller CALLER =
      new Caller(UUID.fromString("0b6c5d1e-7f3a-4c2b-9a8d-5e4f3a2b1c0d"), "alice", true);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Jwt TOKEN = Jwt.withTokenValue("token").header("alg", "RS256")
      .subject(CALLER.userId().toString()).claim("preferred_username", CALLER.username())
      .claim("email_verified", CALLER.emailVerified())
      .issuedAt(Instant.parse("2026-12-01T10:00:00Z"))
      .expiresAt(Instant.parse("2026-12-01T10:15:00Z")).build();

  private final MockMvc mvc;

  private WebSlice(MockMvc mvc) {
    this.mvc = mvc;
  }

  public static WebSlice of(Object... controllers) {
    return new WebSlice(MockMvcBuilders.standaloneSetup(controllers)
        .setControllerAdvice(new ProblemAdvice())
        .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver(),
            SliceCallers.resolver())
        .build());
  }

  /** Performs a request as {@link #CALLER}, inside a trace. */
  public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(TOKEN));
    Span span = Span.wrap(SpanContext.create(TRACE_ID, "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault()));
    try (Scope scope = span.makeCurrent()) {
      return mvc.perform(request);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Performs a request and checks that it is refused with this problem and detail. */
  public ResultActions refuses(MockHttpServletRequestBuilder request, ProblemCode problem,
      String detail) throws Exception {
    return perform(request).andExpectAll(problem(problem))
        .andExpect(jsonPath("$.detail").value(detail));
  }

  /** Performs a request and checks that it is refused with this problem (detail worded by MVC). */
  public ResultActions refuses(MockHttpServletRequestBuilder request, ProblemCode problem)
      throws Exception {
    return perform(request).andExpectAll(problem(problem))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.blankOrNullString())));
  }

  /**
   * Performs a request and checks that it is refused as {@code VALIDATION_FAILED}, naming each
   * invalid field or parameter with its message, in the order given as {@code field, message}.
   */
  public ResultActions refusesInvalid(MockHttpServletRequestBuilder request, String detail,
      String... fieldsAndMessages) throws Exception {
    ResultActions result = refuses(request, CommonProblem.VALIDATION_FAILED, detail)
        .andExpect(jsonPath("$.errors.length()").value(fieldsAndMessages.length / 2));
    for (int i = 0; i < fieldsAndMessages.length; i += 2) {
      result.andExpect(jsonPath("$.errors[?(@.field == '%s')].message", fieldsAndMessages[i])
          .value(fieldsAndMessages[i + 1]));
    }
    return result;
  }

  /** A request with a JSON body. */
  public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request,
      String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  /** An RFC 9457 body with the members every Depot problem has. */
  private static ResultMatcher[] problem(ProblemCode problem) {
    return new ResultMatcher[] {
        status().is(problem.status().value()),
        content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
        jsonPath("$.status").value(problem.status().value()),
        jsonPath("$.type").value(problem.type().toString()),
        jsonPath("$.title").value(problem.title()),
        jsonPath("$.code").value(problem.code()),
        jsonPath("$.traceId").value(TRACE_ID)};
  }
}
