package dev.depot.auth;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.kit.security.ResourceServerConfiguration.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The OpenAPI 3.1 description of the accounts and sessions API, served at
 * {@code /api/auth/openapi.json}. Operations outside {@code depot.security.public-paths} take a
 * bearer token. Every operation lists the problems it answers under their statuses, each an
 * RFC 9457 body whose {@code code} is one of those named; anything else is the default response.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  private static final String BEARER = "bearer";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String CODE = "code";
  private static final Map<String, ProblemCode> CATALOG = catalog();

  @Bean
  OpenAPI authOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Depot accounts API").version("v1")
            .description("Sign-up, the own account, email verification, password recovery,"
                + " sign-in, sessions and the keys that verify access tokens. Errors are RFC 9457"
                + " problem details with a stable `code`."))
        .servers(List.of(new Server().url("/").description("Depot's public address")))
        .components(new Components()
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("The access token a sign-in or refresh answered"))
            .addSchemas(PROBLEM, problemSchema())
            .addSchemas("FieldError", object(Map.of(
                "field", typed("string", "The request field or parameter"),
                "message", typed("string", "What is wrong with it")), "field", "message")));
  }

  /** Required and nullable properties of the records' schemas. */
  @Bean
  RecordSchemas recordSchemas() {
    return new RecordSchemas();
  }

  /** The problems of {@link Refusals} on each operation. */
  @Bean
  OperationCustomizer refusalResponses() {
    return (operation, handler) -> {
      Refusals refusals = handler.getMethodAnnotation(Refusals.class);
      if (refusals != null) {
        for (String code : refusals.value()) {
          ProblemCode problem = CATALOG.get(code);
          if (problem == null) {
            throw new IllegalStateException(handler + " names an unknown problem: " + code);
          }
          refuse(operation, problem);
        }
      }
      return operation;
    };
  }

  /**
   * Bearer security off the public paths (on them none, or an optional declared one), the
   * problems of a request body and of a token, and the default problem of every operation.
   */
  @Bean
  OpenApiCustomizer securityAndCommonProblems(SecurityProperties security) {
    List<PathPattern> open = security.publicPaths().stream()
        .map(PathPatternParser.defaultInstance::parse).toList();
    return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
      PathContainer container = PathContainer.parsePath(path);
      if (open.stream().noneMatch(pattern -> pattern.matches(container))) {
        op.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        refuse(op, CommonProblem.UNAUTHENTICATED);
        refuse(op, CommonProblem.TOKEN_REVOKED);
      } else if (op.getSecurity() == null) {
        op.setSecurity(new ArrayList<>());
      } else {
        op.addSecurityItem(new SecurityRequirement());
      }
      if (op.getRequestBody() != null) {
        refuse(op, CommonProblem.MALFORMED_REQUEST);
        refuse(op, CommonProblem.VALIDATION_FAILED);
      }
      op.getResponses().setDefault(new ApiResponse()
          .description("Any other problem, e.g. `RATE_LIMITED` (429) or `BACKEND_UNAVAILABLE`"
              + " (503) from the gateway, or `INTERNAL` (500)")
          .content(problemContent(new JsonSchema().$ref(PROBLEM_REF))));
    }));
  }

  /**
   * Adds {@code problem} to the response of its status: a problem whose {@code code} is one of
   * those the status lists.
   */
  private static void refuse(Operation operation, ProblemCode problem) {
    String status = Integer.toString(problem.status().value());
    Set<String> codes = new TreeSet<>(codesOf(operation.getResponses().get(status)));
    codes.add(problem.code());
    ApiResponse refused = new ApiResponse()
        .description(codes.stream().map(c -> "`" + c + "`: " + CATALOG.get(c).title())
            .collect(Collectors.joining("; ")))
        .content(problemContent(new JsonSchema()
            .addAllOfItem(new JsonSchema().$ref(PROBLEM_REF))
            .addAllOfItem(new JsonSchema().types(Set.of("object")).addProperty(CODE,
                typed("string", null)._enum(new ArrayList<>(codes))).required(List.of(CODE)))));
    if (problem.status().value() == 429) {
      refused.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
          .description("Seconds to wait before trying again").schema(typed("integer", null)));
    }
    operation.getResponses().addApiResponse(status, refused);
  }

  /** The codes a problem response made by {@link #refuse} lists; none for any other. */
  private static List<String> codesOf(ApiResponse response) {
    MediaType problem = response == null || response.getContent() == null ? null
        : response.getContent().get(PROBLEM_JSON);
    if (problem == null || problem.getSchema().getAllOf() == null) {
      return List.of();
    }
    Schema<?> codes = (Schema<?>) problem.getSchema().getAllOf().getLast();
    return codes.getProperties().get(CODE).getEnum().stream().map(String::valueOf).toList();
  }

  private static Content problemContent(Schema<?> schema) {
    return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema));
  }

  private static Schema<?> problemSchema() {
    Schema<?> problem = object(Map.of(
        "type", typed("string", "Identifies the kind of problem: https://depot.dev/problems/"
            + " followed by the code in kebab case").format("uri"),
        "title", typed("string", "Short summary of the kind of problem"),
        "status", typed("integer", "The HTTP status").format("int32"),
        "detail", typed("string", "What went wrong this time, for people"),
        CODE, typed("string", "Stable machine-readable code, e.g. `EMAIL_TAKEN`"),
        "traceId", typed("string", "The request's trace id: quote it when reporting a problem"),
        "errors", new JsonSchema().types(Set.of("array"))
            .items(new JsonSchema().$ref("#/components/schemas/FieldError"))
            .description("With `VALIDATION_FAILED`: each invalid field"),
        "retryAfter", typed("integer", "With 429: seconds to wait, as in `Retry-After`")
            .format("int64")), "type", "title", "status", CODE);
    return problem.description("An RFC 9457 problem details document");
  }

  private static Schema<?> object(Map<String, Schema<?>> properties, String... required) {
    Schema<?> object = new JsonSchema().types(Set.of("object"));
    new TreeMap<>(properties).forEach(object::addProperty);
    return object.required(List.of(required));
  }

  private static Schema<Object> typed(String type, String description) {
    return new JsonSchema().types(Set.of(type)).description(description);
  }

  /** Every code an operation may name: the kit's common problems and {@link AuthProblem}. */
  private static Map<String, ProblemCode> catalog() {
    Map<String, ProblemCode> codes = new TreeMap<>();
    for (CommonProblem problem : CommonProblem.values()) {
      codes.put(problem.code(), problem);
    }
    for (Field field : AuthProblem.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemCode.class) {
        try {
          ProblemCode problem = (ProblemCode) field.get(null);
          codes.put(problem.code(), problem);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return codes;
  }
}
