package dev.depot.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps docker-compose.yml and a service's configuration from drifting apart: every variable that
 * compose sets for the service must be a configuration property the service reads (a {@code ${VAR}}
 * placeholder in its application.yml, or a documented Spring property in relaxed environment form
 * such as {@code SERVER_PORT}), and every placeholder without a default (a required setting) must
 * be set by compose.
 */
public final class ComposeContract {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");

    private ComposeContract() {}

    /** Returns the problems found, one sentence each; an empty list means compose and code agree. */
    public static List<String> check(Path composeFile, String service, ClassLoader classLoader) {
        Set<String> composeVars = composeEnvironment(composeFile, service);
        String applicationYml = resource(classLoader, "application.yml");
        Set<String> placeholders = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(applicationYml);
        while (m.find()) {
            placeholders.add(m.group(1));
            if (m.group(2) == null) {
                required.add(m.group(1));
            }
        }
        Set<String> springProperties = documentedProperties(classLoader);
        List<String> problems = new ArrayList<>();
        for (String var : composeVars) {
            if (!placeholders.contains(var) && !springProperties.contains(canonical(var))) {
                problems.add(service + ": compose sets " + var + ", which the service never reads");
            }
        }
        for (String var : required) {
            if (!composeVars.contains(var)) {
                problems.add(service + ": required setting " + var + " is not set by compose");
            }
        }
        return problems;
    }

    /** Finds docker-compose.yml by walking up from the working directory. */
    public static Path composeFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docker-compose.yml not found above the working directory");
        }
        return dir.resolve("docker-compose.yml");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> composeEnvironment(Path composeFile, String service) {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(composeFile)) {
            root = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> services = (Map<String, Object>) root.get("services");
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        if (definition == null) {
            throw new IllegalArgumentException("compose has no service " + service);
        }
        Object environment = definition.getOrDefault("environment", Map.of());
        Set<String> names = new TreeSet<>();
        if (environment instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> names.add(k.toString()));
        } else {
            for (Object entry : (List<Object>) environment) {
                names.add(entry.toString().split("=", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> documentedProperties(ClassLoader classLoader) {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(classLoader.getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    properties.forEach(p -> names.add(canonical(p.path("name").asString())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Relaxed binding, both ways: {@code server.port}, {@code SERVER_PORT} → {@code serverport}. */
    private static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    private static String resource(ClassLoader classLoader, String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the classpath");
            }
            return new String(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
