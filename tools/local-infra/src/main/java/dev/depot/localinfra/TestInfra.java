package dev.depot.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;

/**
 * Real infrastructure for integration tests, started at most once per test JVM and shared by every
 * test class. When the DEPOT_* variables are already set (as {@code ./depot test} does after
 * starting one infrastructure for the whole build) they are used as they are; otherwise the
 * components start in-process on free ports. The variables become system properties, so the
 * services' {@code ${DEPOT_...}} placeholders resolve to them.
 */
public final class TestInfra implements BeforeAllCallback {

    private static final List<String> REQUIRED =
            List.of("DEPOT_DB_URL", "DEPOT_KAFKA_BOOTSTRAP", "DEPOT_S3_ENDPOINT", "DEPOT_REDIS_URL", "DEPOT_SMTP_HOST");
    public static final String ISSUER = "http://depot.test";

    private static Map<String, String> variables;
    private static TestTokens tokens;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        variables();
    }

    public static synchronized Map<String, String> variables() throws Exception {
        if (variables == null) {
            Map<String, String> env = System.getenv();
            if (REQUIRED.stream().allMatch(env::containsKey)) {
                variables = new TreeMap<>();
                env.forEach((k, v) -> {
                    if (k.startsWith("DEPOT_")) {
                        variables.put(k, v);
                    }
                });
            } else {
                Path dir = Files.createTempDirectory("depot-test-infra");
                LocalInfra infra = LocalInfra.start(dir, LocalInfra.Ports.free(), env);
                // after the application contexts, which still use the servers while they close
                SpringApplication.getShutdownHandlers().add(infra::close);
                variables = infra.variables();
            }
            variables = new TreeMap<>(variables);
            tokens = TestTokens.fromPem(variables.get("DEPOT_AUTH_SIGNING_KEY"), ISSUER);
            variables.put("DEPOT_JWT_ISSUER", ISSUER);
            variables.put("DEPOT_JWKS_URI", tokens.serveJwks().toString());
            variables.forEach(System::setProperty);
        }
        return variables;
    }

    /**
     * Tokens that every service under test trusts: signed with DEPOT_AUTH_SIGNING_KEY, whose public
     * half is served at DEPOT_JWKS_URI.
     */
    public static synchronized TestTokens tokens() throws Exception {
        variables();
        return tokens;
    }
}
