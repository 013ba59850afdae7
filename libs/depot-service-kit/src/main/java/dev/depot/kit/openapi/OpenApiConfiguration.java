package dev.depot.kit.openapi;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemCatalog;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.kit.security.ResourceServerConfiguration;
import dev.depot.kit.security.ResourceServerConfiguration.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What the OpenAPI description of every Depot service says the same way, for a service that serves
 * one (springdoc) and names its {@link ProblemCatalog} as a bean: records' required and nullable
 * properties (in request bodies what may be null may be left out), bearer security off {@code
 * depot.security.public-paths}, and every operation's problems under their statuses, each an RFC
 * 9457 body whose {@code code} is one of those named (the {@link Refusals} of its method, those of
 * a request body and of a token); anything else is the default response. The service's own {@code
 * OpenAPI} bean gives the title, description and servers.
 */
@AutoConfiguration(after = ResourceServerConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + PROBLEM;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CODE = "code";

    /** Required and nullable properties of the schemas of the service's records. */
    @Bean
    RecordSchemas recordSchemas(BeanFactory beans) {
        return new RecordSchemas(AutoConfigurationPackages.get(beans));
    }

    /** The problems of {@link Refusals} on each operation. */
    @Bean
    OperationCustomizer refusalResponses(ProblemCatalog catalog) {
        return (operation, handler) -> {
            Refusals refusals = handler.getMethodAnnotation(Refusals.class);
            if (refusals != null) {
                for (String code : refusals.value()) {
                    ProblemCode problem;
                    try {
                        problem = catalog.get(code);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(handler + " names an unknown problem: " + code, e);
                    }
                    refuse(operation, problem, catalog);
                }
            }
            return operation;
        };
    }

    /**
     * The bearer scheme and the problem schemas; bearer security off the public paths (on them none,
     * or an optional declared one), the problems of a request body and of a token, and the default
     * problem of every operation.
     */
    @Bean
    OpenApiCustomizer securityAndCommonProblems(SecurityProperties security, ProblemCatalog catalog) {
        List<PathPattern> open = security.publicPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("The access token a sign-in or refresh answered"))
                    .addSchemas(PROBLEM, problemSchema())
                    .addSchemas(
                            "FieldError",
                            object(
                                    Map.of(
                                            "field", typed("string", "The request field or parameter"),
                                            "message", typed("string", "What is wrong with it")),
                                    "field",
                                    "message"));
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(op -> {
                        PathContainer container = PathContainer.parsePath(path);
                        if (open.stream().noneMatch(pattern -> pattern.matches(container))) {
                            op.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                            refuse(op, CommonProblem.UNAUTHENTICATED, catalog);
                            refuse(op, CommonProblem.TOKEN_REVOKED, catalog);
                        } else if (op.getSecurity() == null) {
                            op.setSecurity(new ArrayList<>());
                        } else {
                            op.addSecurityItem(new SecurityRequirement());
                        }
                        if (op.getRequestBody() != null) {
                            refuse(op, CommonProblem.MALFORMED_REQUEST, catalog);
                            refuse(op, CommonProblem.VALIDATION_FAILED, catalog);
                            refuse(op, CommonProblem.UNSUPPORTED_MEDIA_TYPE, catalog);
                        }
                        op.getResponses()
                                .setDefault(new ApiResponse()
                                        .description(
                                                "Any other problem, e.g. `RATE_LIMITED` (429) or `BACKEND_UNAVAILABLE`"
                                                        + " (503) from the gateway, or `INTERNAL` (500)")
                                        .content(problemContent(new JsonSchema().$ref(PROBLEM_REF))));
                    }));
        };
    }

    /**
     * What may be null in a request body may also be left out: those properties of the schemas a
     * request body refers to (directly or through others) are optional.
     */
    @Bean
    OpenApiCustomizer optionalNullsInRequests() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            Deque<Schema<?>> pending = new ArrayDeque<>();
            api.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().stream()
                            .filter(op -> op.getRequestBody() != null
                                    && op.getRequestBody().getContent() != null)
                            .forEach(op -> op.getRequestBody()
                                    .getContent()
                                    .values()
                                    .forEach(media -> pending.add(media.getSchema()))));
            Set<String> seen = new HashSet<>();
            while (!pending.isEmpty()) {
                Schema<?> schema = pending.pop();
                String ref = schema.get$ref();
                if (ref != null && ref.startsWith(SCHEMAS) && seen.add(ref)) {
                    pending.add(schemas.get(ref.substring(SCHEMAS.length())));
                }
                if (schema.getItems() != null) {
                    pending.add(schema.getItems());
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(pending::add);
                    if (schema.getRequired() != null) {
                        schema.setRequired(schema.getRequired().stream()
                                .filter(name -> {
                                    Set<String> types =
                                            schema.getProperties().get(name).getTypes();
                                    return types == null || !types.contains("null");
                                })
                                .toList());
                    }
                }
            }
        };
    }

    /**
     * Adds {@code problem} to the response of its status: a problem whose {@code code} is one of
     * those the status lists. A 429 or 503 may say in {@code Retry-After} when to try again.
     */
    private static void refuse(Operation operation, ProblemCode problem, ProblemCatalog catalog) {
        int status = problem.status().value();
        String key = Integer.toString(status);
        Set<String> codes = new TreeSet<>(codesOf(operation.getResponses().get(key)));
        codes.add(problem.code());
        ApiResponse refused = new ApiResponse()
                .description(codes.stream()
                        .map(c -> "`" + c + "`: " + catalog.get(c).title())
                        .collect(Collectors.joining("; ")))
                .content(problemContent(new JsonSchema()
                        .addAllOfItem(new JsonSchema().$ref(PROBLEM_REF))
                        .addAllOfItem(new JsonSchema()
                                .types(Set.of("object"))
                                .addProperty(CODE, typed("string", null)._enum(new ArrayList<>(codes)))
                                .required(List.of(CODE)))));
        if (status == 429 || status == 503) {
            refused.addHeaderObject(
                    HttpHeaders.RETRY_AFTER,
                    new Header()
                            .description("Seconds to wait before trying again")
                            .schema(typed("integer", null)));
        }
        operation.getResponses().addApiResponse(key, refused);
    }

    /** The codes a problem response made by {@link #refuse} lists; none for any other. */
    private static List<String> codesOf(ApiResponse response) {
        MediaType problem = response == null || response.getContent() == null
                ? null
                : response.getContent().get(PROBLEM_JSON);
        if (problem == null || problem.getSchema().getAllOf() == null) {
            return List.of();
        }
        Schema<?> codes = (Schema<?>) problem.getSchema().getAllOf().getLast();
        return codes.getProperties().get(CODE).getEnum().stream()
                .map(String::valueOf)
                .toList();
    }

    private static Content problemContent(Schema<?> schema) {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema));
    }

    private static Schema<?> problemSchema() {
        Schema<?> problem = object(
                Map.of(
                        "type",
                        typed(
                                        "string",
                                        "Identifies the kind of problem: "
                                                + ProblemCode.TYPE_BASE
                                                + " followed by the code in kebab case")
                                .format("uri"),
                        "title",
                        typed("string", "Short summary of the kind of problem"),
                        "status",
                        typed("integer", "The HTTP status").format("int32"),
                        "detail",
                        typed("string", "What went wrong this time, for people"),
                        CODE,
                        typed("string", "Stable machine-readable code, e.g. `VALIDATION_FAILED`"),
                        "traceId",
                        typed("string", "The request's trace id: quote it when reporting a problem"),
                        "errors",
                        new JsonSchema()
                                .types(Set.of("array"))
                                .items(new JsonSchema().$ref(SCHEMAS + "FieldError"))
                                .description("With `VALIDATION_FAILED`: each invalid field"),
                        "retryAfter",
                        typed("integer", "With 429: seconds to wait, as in `Retry-After`")
                                .format("int64")),
                "type",
                "title",
                "status",
                CODE);
        return problem.description("An RFC 9457 problem details document");
    }

    private static Schema<?> object(Map<String, Schema<?>> properties, String... required) {
        Schema<?> object = new JsonSchema().types(Set.of("object"));
        new TreeMap<>(properties).forEach(object::addProperty);
        return object.required(Stream.of(required).sorted().toList());
    }

    private static Schema<Object> typed(String type, String description) {
        return new JsonSchema().types(Set.of(type)).description(description);
    }
}
