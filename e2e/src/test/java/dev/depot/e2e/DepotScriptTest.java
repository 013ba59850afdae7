package dev.depot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./depot} on a machine that lacks tools: it names what is missing, with what each one is
 * for, in one line, and stops before it builds or starts anything. Run with a PATH made of links to
 * every program on this machine's PATH but the ones taken away.
 */
class DepotScriptTest {

    private static final Path ROOT =
            Path.of(System.getProperty("depot.root", "..")).toAbsolutePath().normalize();

    @Test
    void upNamesEveryMissingToolInOneLineAndStopsWithoutARequiredOne(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Result result = run(Set.of("curl", "nginx", "ffmpeg", "jq"), "up", "--detach", "--data-dir", data.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.lines()).hasSize(1);
        assertThat(result.lines().getFirst())
                .contains("missing: ")
                .contains("curl (required")
                .contains("nginx (optional: the edge")
                .contains("ffmpeg (optional: video posters)")
                .contains("jq (optional");
        assertThat(data).as("nothing started").doesNotExist();
    }

    @Test
    void testNamesTheToolsItCannotInstallAndRunsNothing() throws Exception {
        Result result = run(Set.of("apt-get", "aria2c", "unzip", "jq"), "test");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.lines()).hasSize(1);
        assertThat(result.lines().getFirst()).contains("missing for the tests: aria2 unzip jq");
    }

    private record Result(int exit, List<String> lines) {}

    /** Runs {@code ./depot} with a PATH without {@code taken}, and answers its output's lines. */
    private static Result run(Set<String> taken, String... arguments) throws Exception {
        Path bin = Files.createTempDirectory("depot-path-");
        try {
            return run(bin, taken, arguments);
        } finally {
            try (Stream<Path> links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
            Files.delete(bin);
        }
    }

    private static Result run(Path bin, Set<String> taken, String... arguments) throws Exception {
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            Path directory = Path.of(entry);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(directory)) {
                for (Path program : programs.toList()) {
                    Path link = bin.resolve(program.getFileName().toString());
                    if (!taken.contains(program.getFileName().toString())
                            && Files.isExecutable(program)
                            && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("depot").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("./depot " + String.join(" ", arguments) + " did not stop");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output.lines().toList());
    }
}
