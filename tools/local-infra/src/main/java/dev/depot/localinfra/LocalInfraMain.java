package dev.depot.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the local infrastructure until stopped: {@code --data-dir DIR [--fresh] [--free-ports]
 * --env-file FILE}. The env file (shell syntax) is written once everything accepts connections.
 */
public final class LocalInfraMain {

    private LocalInfraMain() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".depot");
        Path envFile = null;
        boolean fresh = false;
        boolean freePorts = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--env-file" -> envFile = Path.of(args[++i]);
                case "--fresh" -> fresh = true;
                case "--free-ports" -> freePorts = true;
                default -> {
                    System.err.println("local-infra: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (envFile == null) {
            System.err.println("local-infra: --env-file is required");
            System.exit(2);
        }
        if (fresh) {
            deleteData(dataDir);
        }
        Files.deleteIfExists(envFile);
        long begin = System.nanoTime();
        LocalInfra infra = LocalInfra.start(
                dataDir, freePorts ? LocalInfra.Ports.free() : LocalInfra.Ports.localRun(), System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            infra.close();
                            stopped.countDown();
                        },
                        "local-infra-shutdown"));
        writeEnvFile(envFile, infra.variables());
        System.out.printf(
                "local-infra: started %s in %d ms%n",
                infra.startedComponents(), (System.nanoTime() - begin) / 1_000_000);
        stopped.await();
    }

    /** Removes the stateful folders, keeping secrets so that an operator's keys stay stable. */
    private static void deleteData(Path dataDir) throws IOException {
        for (String part : new String[] {"postgres", "kafka", "s3", "redis"}) {
            Path dir = dataDir.resolve(part);
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static void writeEnvFile(Path file, Map<String, String> variables) throws IOException {
        StringBuilder out = new StringBuilder();
        variables.forEach((k, v) -> out.append("export ")
                .append(k)
                .append("='")
                .append(v.replace("\n", "\\n").replace("'", "'\\''"))
                .append("'\n"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, out);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
