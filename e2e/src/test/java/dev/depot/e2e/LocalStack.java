package dev.depot.e2e;

import dev.depot.localinfra.MailCatcher;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local stack under test ({@code ./depot up --data-dir}): its services as processes. */
final class LocalStack {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A stopped service and how to start it again as it was. */
    record Stopped(String service, int port, List<String> command, Map<String, String> environment, File directory) {

        /** Starts the service again (its output appended to its log) and waits until it is ready. */
        void start() throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir().resolve("logs").resolve(service + ".log").toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile(service), Long.toString(process.pid()));
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError(service + " exited while starting again");
                }
                try {
                    if (HTTP.send(
                                            HttpRequest.newBuilder(URI.create(
                                                            "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError(service + " did not come back");
        }
    }

    private LocalStack() {}

    /** The stack's mail catcher (its IMAP port is in the stack's infra.env). */
    static MailCatcher mail() throws IOException {
        Matcher port = Pattern.compile("DEPOT_IMAP_PORT='(\\d+)'")
                .matcher(Files.readString(dataDir().resolve("run/infra.env")));
        if (!port.find()) {
            throw new IllegalStateException("no DEPOT_IMAP_PORT in the stack's infra.env");
        }
        return new MailCatcher("127.0.0.1", Integer.parseInt(port.group(1)));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("depot.e2e.data-dir", ".depot-e2e"));
    }

    /**
     * Stops a service, remembering its command line and environment: with SIGKILL (nothing is flushed
     * or closed) or a graceful SIGTERM.
     */
    static Stopped stop(String service, int port, boolean kill) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile(service)).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        Path proc = Path.of("/proc/" + pid);
        List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
        Map<String, String> environment = new HashMap<>();
        for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        File directory = proc.resolve("cwd").toRealPath().toFile();
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        process.onExit().get();
        return new Stopped(service, port, command, environment, directory);
    }

    private static Path pidFile(String service) {
        return dataDir().resolve("run").resolve(service + ".pid");
    }

    private static List<String> split(byte[] nulSeparated) {
        List<String> parts = new ArrayList<>();
        for (String part : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
