package dev.depot.localinfra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Starts what the services need on one machine without Docker. A component whose variable is
 * already set in the environment (for example {@code DEPOT_DB_URL}) is not started: the real server
 * named there is used, exactly as docker compose would point the services at it.
 */
public final class LocalInfra implements AutoCloseable {

    /** Fixed ports of the local run; tests ask for free ones instead. */
    public record Ports(int postgres, int kafka, int kafkaController, int s3, int redis, int smtp, int imap) {

        public static Ports localRun() {
            return new Ports(15432, 19092, 19093, 19000, 16379, 12525, 12143);
        }

        public static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private final List<InfraComponent> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> variables = new TreeMap<>();

    private LocalInfra() {}

    /**
     * Starts every component not replaced through {@code environment}, in parallel, and returns the
     * running infrastructure with the complete set of DEPOT_* variables.
     */
    public static LocalInfra start(Path dataDir, Ports ports, Map<String, String> environment) throws Exception {
        LocalInfra infra = new LocalInfra();
        Map<String, String> secrets = DevSecrets.load(dataDir.resolve("secrets"));
        infra.variables.put("DEPOT_TICKET_SECRET", secrets.get("DEPOT_TICKET_SECRET"));
        infra.variables.put("DEPOT_AUTH_SIGNING_KEY", secrets.get("DEPOT_AUTH_SIGNING_KEY"));
        List<Candidate> candidates = List.of(
                new Candidate(
                        "DEPOT_DB_URL",
                        List.of("DEPOT_DB_USER", "DEPOT_DB_PASSWORD"),
                        d -> new LocalPostgres(d.resolve("postgres"), ports.postgres())),
                new Candidate(
                        "DEPOT_KAFKA_BOOTSTRAP",
                        List.of(),
                        d -> new LocalKafka(d.resolve("kafka"), ports.kafka(), ports.kafkaController())),
                new Candidate(
                        "DEPOT_S3_ENDPOINT",
                        List.of("DEPOT_S3_ACCESS_KEY", "DEPOT_S3_SECRET_KEY", "DEPOT_S3_BUCKET", "DEPOT_S3_REGION"),
                        d -> new LocalS3(d.resolve("s3"), ports.s3(), secrets.get("DEPOT_S3_SECRET_KEY"))),
                new Candidate("DEPOT_REDIS_URL", List.of(), d -> new LocalRedis(d.resolve("redis"), ports.redis())),
                new Candidate(
                        "DEPOT_SMTP_HOST", List.of("DEPOT_SMTP_PORT"), d -> new LocalSmtp(ports.smtp(), ports.imap())));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (Candidate c : candidates) {
                if (environment.containsKey(c.primary())) {
                    results.add(pool.submit(() -> c.passThrough(environment)));
                } else {
                    InfraComponent component = c.factory().apply(dataDir);
                    results.add(pool.submit(() -> {
                        Map<String, String> vars = component.start();
                        infra.started.add(component);
                        return vars;
                    }));
                }
            }
            for (Future<Map<String, String>> result : results) {
                infra.variables.putAll(result.get());
            }
        } catch (Exception e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    /** The DEPOT_* variables that point a service at this infrastructure. */
    public Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    public List<String> startedComponents() {
        return started.stream().map(InfraComponent::name).toList();
    }

    @Override
    public void close() {
        List<InfraComponent> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (InfraComponent component : reversed) {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("local-infra: stopping " + component.name() + " failed: " + e);
            }
        }
        started.clear();
    }

    private record Candidate(String primary, List<String> companions, Function<Path, InfraComponent> factory) {

        Map<String, String> passThrough(Map<String, String> environment) {
            Map<String, String> vars = new TreeMap<>();
            vars.put(primary, environment.get(primary));
            companions.stream().filter(environment::containsKey).forEach(k -> vars.put(k, environment.get(k)));
            return vars;
        }
    }
}
