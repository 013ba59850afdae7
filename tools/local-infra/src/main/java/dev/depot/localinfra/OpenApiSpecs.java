package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API descriptions committed in the repository's {@code openapi/} folder, held against what a
 * service really does: a spec the service serves must equal its committed copy and list the
 * problems its endpoints answer, and a hand-kept one must describe exactly the operations the
 * service maps.
 */
public final class OpenApiSpecs {

    /** Set to true to write a service's served spec over its committed copy. */
    public static final String UPDATE_PROPERTY = "depot.openapi.update";

    private static final Path COMMITTED = Path.of("..", "openapi");
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Map<String, JsonNode> DESCRIPTIONS = new ConcurrentHashMap<>();
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiSpecs() {}

    /**
     * Checks the spec a service served: OpenAPI 3.1, written pretty-printed to {@code
     * target/openapi/<file>} (and over {@code openapi/<file>} with {@code
     * -Ddepot.openapi.update=true}), equal to the committed copy. Returns it, parsed.
     */
    public static JsonNode assertServedIsCommitted(HttpResponse<String> served, String file) throws IOException {
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        JsonNode spec = PRETTY.readTree(served.body());
        assertThat(spec.path("openapi").asString()).startsWith("3.1");
        String generated = PRETTY.writeValueAsString(spec) + "\n";
        Path written = Path.of("target", "openapi", file);
        Files.createDirectories(written.getParent());
        Files.writeString(written, generated, StandardCharsets.UTF_8);
        Path committed = COMMITTED.resolve(file);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("openapi/" + file + " is committed").exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("openapi/"
                        + file
                        + " differs from the served spec: run the build with -D"
                        + UPDATE_PROPERTY
                        + "=true and commit the result")
                .isEqualTo(generated);
        return spec;
    }

    /**
     * Checks that the committed description {@code openapi/<file>} (JSON) lists {@code code} among
     * the problems of the operation that serves {@code method path} under {@code status}; a 5xx
     * status it does not list is its {@code default} response's.
     */
    public static void assertListsProblem(String file, String method, String path, int status, String code) {
        JsonNode paths = DESCRIPTIONS
                .computeIfAbsent(file, f -> PRETTY.readTree(COMMITTED.resolve(f).toFile()))
                .path("paths");
        String template = paths.propertyNames().stream()
                .filter(t -> templatePattern(t).matcher(path).matches())
                .min(Comparator.comparingLong(
                        t -> t.chars().filter(c -> c == '{').count()))
                .orElse(null);
        assertThat(template)
                .as("openapi/%s describes %s %s", file, method, path)
                .isNotNull();
        JsonNode responses =
                paths.path(template).path(method.toLowerCase(Locale.ROOT)).path("responses");
        JsonNode listed = responses.path(Integer.toString(status));
        if (listed.isMissingNode() && status >= 500) {
            assertThat(responses.has("default"))
                    .as("openapi/%s has a default response for %s %s", file, method, template)
                    .isTrue();
            return;
        }
        assertThat(listed.at("/content/application~1problem+json/schema/allOf/1/properties/code/enum")
                        .valueStream()
                        .map(JsonNode::asString))
                .as("the codes openapi/%s lists under %d for %s %s", file, status, method, template)
                .contains(code);
    }

    /** A path template ({@code /api/files/{id}}) as a pattern of the paths it stands for. */
    private static Pattern templatePattern(String template) {
        return Pattern.compile(Arrays.stream(template.split("/", -1))
                .map(s -> s.startsWith("{") && s.endsWith("}") ? "[^/]+" : Pattern.quote(s))
                .collect(Collectors.joining("/")));
    }

    /**
     * Checks a hand-kept description ({@code openapi/<file>}, YAML): OpenAPI 3.1, and its operations
     * ({@code "PATCH /api/uploads/{id}"}) are exactly those the service's controllers under {@code
     * rootPackage} map (a path mapped with and without a trailing slash counts once). Returns the
     * description, parsed.
     */
    public static Map<String, Object> assertDescribesMappings(
            String file, RequestMappingHandlerMapping mappings, String rootPackage) throws IOException {
        Map<String, Object> description;
        try (Reader reader = Files.newBufferedReader(COMMITTED.resolve(file))) {
            description = new Yaml().load(reader);
        }
        assertThat(String.valueOf(description.get("openapi"))).startsWith("3.1");
        Set<String> described = new TreeSet<>();
        map(description.get("paths"))
                .forEach((path, item) -> map(item).keySet().stream()
                        .filter(METHODS::contains)
                        .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith(rootPackage)) {
                operations(info, mapped);
            }
        });
        assertThat(described)
                .as("the operations openapi/%s describes, against those %s maps", file, rootPackage)
                .isEqualTo(mapped);
        return description;
    }

    /** The node of a parsed description at {@code path}, e.g. {@code "components", "headers"}. */
    public static Object at(Map<String, Object> description, String... path) {
        Object node = description;
        for (String key : path) {
            node = map(node).get(key);
            assertThat(node)
                    .as("the description has %s", String.join("/", path))
                    .isNotNull();
        }
        return node;
    }

    private static void operations(RequestMappingInfo info, Set<String> into) {
        assertThat(info.getMethodsCondition().getMethods())
                .as("%s names its HTTP methods", info)
                .isNotEmpty();
        for (String pattern : info.getPatternValues()) {
            String path = pattern.length() > 1 && pattern.endsWith("/")
                    ? pattern.substring(0, pattern.length() - 1)
                    : pattern;
            info.getMethodsCondition().getMethods().forEach(m -> into.add(m.name() + " " + path));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
