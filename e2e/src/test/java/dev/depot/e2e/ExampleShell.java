package dev.depot.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash that runs the examples of one docs page in order, so that what an example sets ({@code
 * ACCESS}, {@code FILE}, …) is there for the next one, as in a reader's terminal. It runs with
 * {@code set -euo pipefail}; {@code curl} is wrapped so that every answer must be 2xx, or the
 * status the example expects.
 */
final class ExampleShell implements AutoCloseable {

    /**
     * Sourced first. The wrapper dumps the headers itself ({@code -D}), so an example must not use
     * {@code -D}; {@code -q} keeps a {@code ~/.curlrc} out of it.
     */
    private static final String PRELUDE = """
      set -euo pipefail
      shopt -s inherit_errexit
      DEPOT_EXPECT_STATUS=
      DEPOT_CUT_AFTER=
      curl() {
        local headers status rc=0
        headers=$(mktemp)
        command curl -q -D "$headers" ${DEPOT_CUT_AFTER:+--max-time "$DEPOT_CUT_AFTER"} "$@" \\
          || rc=$?
        status=$(tr -d '\\r' <"$headers" | awk '/^HTTP\\// { s = $2 } END { print s }')
        rm -f "$headers"
        if [ "$rc" -eq 28 ] && [ -n "$DEPOT_CUT_AFTER" ] && [ -n "$status" ]; then
          rc=0 # a stream, cut off after the example's time
        fi
        if [ "$rc" -ne 0 ]; then
          echo "docs example: curl failed (exit $rc)" >&2
          return "$rc"
        fi
        if [ -n "$DEPOT_EXPECT_STATUS" ]; then
          [ "$status" = "$DEPOT_EXPECT_STATUS" ] && return 0
          echo "docs example: curl answered ${status:-nothing}, not $DEPOT_EXPECT_STATUS" >&2
          return 1
        fi
        case "$status" in 2??) return 0 ;; esac
        echo "docs example: curl answered ${status:-nothing}" >&2
        return 1
      }
      """;

    private final Process bash;
    private final Writer input;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final String done = "::docs-example-done " + UUID.randomUUID();
    private final Path directory;
    private final StringBuilder transcript = new StringBuilder();
    private int scripts;

    /** Starts bash in {@code directory} with the given variables set (and nothing else of ours). */
    ExampleShell(Path directory, Map<String, String> variables) throws IOException, InterruptedException {
        this.directory = directory;
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc")
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(variables);
        bash = builder.start();
        input = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            output.add(line);
                        }
                    } catch (IOException e) {
                        // the shell is gone; run() notices
                    }
                },
                "docs-example-output");
        reader.setDaemon(true);
        reader.start();
        run("prelude", PRELUDE, Map.of(), Duration.ofSeconds(10));
    }

    /**
     * Runs {@code code} (sourced from a file named after {@code name}, so that bash's messages name
     * it) with the wrapper's settings, and answers its output. Fails with the output when a command
     * fails, the shell ends or the time is up.
     */
    String run(String name, String code, Map<String, String> settings, Duration timeout)
            throws IOException, InterruptedException {
        Path script = directory
                .resolve(".examples")
                .resolve(String.format("%02d-%s.sh", ++scripts, name.replaceAll("[^A-Za-z0-9.-]", "_")));
        Files.createDirectories(script.getParent());
        Files.writeString(script, code);
        StringBuilder command = new StringBuilder();
        for (String setting : new String[] {"DEPOT_EXPECT_STATUS", "DEPOT_CUT_AFTER"}) {
            command.append(setting)
                    .append('=')
                    .append(settings.getOrDefault(setting, ""))
                    .append("; ");
        }
        command.append("source ")
                .append(quote(script.toString()))
                .append(" </dev/null; echo; echo ")
                .append(quote(done))
                .append('\n');
        input.write(command.toString());
        input.flush();
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = output.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.equals(done)) {
                transcript.append(out);
                return out.toString();
            }
            if (line != null) {
                out.append(line).append('\n');
                continue;
            }
            if (!bash.isAlive() && output.isEmpty()) {
                throw new AssertionError(name + " failed (exit " + bash.exitValue() + "):\n" + out);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(name + " did not finish in " + timeout + ":\n" + out);
            }
        }
    }

    /** What the page's examples printed so far. */
    String transcript() {
        return transcript.toString();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException {
        try {
            input.close();
        } catch (IOException e) {
            // already gone
        }
        bash.descendants().forEach(ProcessHandle::destroyForcibly);
        bash.destroyForcibly();
    }
}
