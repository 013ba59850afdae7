package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The docs site's examples run against the local stack as they are written. A page marks an example
 * to be run with {@code ```bash runnable}; the examples of a page run in page order in one bash
 * ({@link ExampleShell}), so what one sets is there for the next, and every {@code curl} in them
 * must be answered 2xx. A block may say otherwise: {@code status=404} (every curl in it must answer
 * that: a documented error) or {@code stream} (its curls read a stream for {@value #STREAM_SECONDS}
 * s and are then cut off). Every bash example that calls curl is run, or named in {@link #NOT_RUN}
 * with the reason.
 */
class DocsExamplesTest {

    private static final Path DOCS = Path.of(System.getProperty("depot.docs.dir", "../docs-site/docs"));
    private static final Duration EXAMPLE_TIMEOUT = Duration.ofSeconds(120);
    private static final String STREAM_SECONDS = "3";
    private static final Set<String> WORDS = Set.of("runnable", "status", "stream");

    /** Bash examples that call curl but are not run here, by page and a text of theirs: why. */
    private static final Map<String, String> NOT_RUN = Map.of();

    /** What a reader does between two examples of a page, away from the shell. */
    private record Interlude(String page, String beforeExampleWith, String why, String code, Email email) {

        static Interlude shell(String page, String before, String why, String code) {
            return new Interlude(page, before, why, code, null);
        }

        static Interlude email(String page, String before, String why, Email email) {
            return new Interlude(page, before, why, null, email);
        }
    }

    /** An email whose link's token the next example reads from {@code EMAIL_TOKEN}. */
    private record Email(String address, String subject, String link) {}

    private static final List<Interlude> INTERLUDES = List.of(
            Interlude.email(
                    "accounts.md",
                    "\"$API/api/auth/verify-email\"",
                    "the reader opens the link in the verification email",
                    new Email("ada@example.com", "Confirm your email", "http://localhost:3000/verify-email?token=")),
            Interlude.shell(
                    "accounts.md",
                    "/api/auth/sessions/$SESSION",
                    "a second session, as if signed in on another device, to end",
                    "SESSION=$(" + login("Lantern-Meadow-Copper") + " | jq -r .sessionId)\n"),
            Interlude.shell(
                    "accounts.md",
                    "/api/auth/logout-all",
                    "logout ended the session: the reader signs in again",
                    signIn("Harbour-Quartz-Tulip")),
            Interlude.email(
                    "accounts.md",
                    "/api/auth/password/reset",
                    "the reader opens the link in the reset email",
                    new Email(
                            "ada@example.com",
                            "Reset your Depot password",
                            "http://localhost:3000/reset-password?token=")),
            Interlude.shell(
                    "accounts.md",
                    "-X DELETE \"$API/api/auth/account\"",
                    "the reset ended every session: the reader signs in with the new password",
                    signIn("Willow-Granite-Sparrow")));

    /** The page's sign-in example with another password. */
    private static String signIn(String password) {
        return "TOKENS=$(" + login(password) + ")\nACCESS=$(jq -r .accessToken <<<\"$TOKENS\")\n";
    }

    private static String login(String password) {
        return "curl -sS -X POST \"$API/api/auth/login\" -H 'Content-Type: application/json'"
                + " -d '{\"login\": \"ada\", \"password\": \""
                + password
                + "\"}'";
    }

    @TestFactory
    Stream<DynamicTest> everyPageRunsItsExamplesInOrder() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<FencedBlock> examples = FencedBlock.read(page).stream()
                    .filter(FencedBlock::runnable)
                    .toList();
            if (!examples.isEmpty()) {
                String name = DOCS.relativize(page).toString();
                tests.add(DynamicTest.dynamicTest(name, () -> run(name, examples)));
            }
        }
        assertThat(tests).as("pages with runnable examples").isNotEmpty();
        return tests.stream();
    }

    @Test
    void everyCurlExampleIsRunOrSaysWhyNot() throws IOException {
        List<String> unmarked = new ArrayList<>();
        List<String> unknownWords = new ArrayList<>();
        Set<String> notRunUnused = new HashSet<>(NOT_RUN.keySet());
        for (Path page : pages()) {
            for (FencedBlock block : FencedBlock.read(page)) {
                if (!Set.of("bash", "sh", "shell").contains(block.language())) {
                    continue;
                }
                if (block.runnable()) {
                    if (!WORDS.containsAll(block.words().keySet())) {
                        unknownWords.add(block.where() + " " + block.meta());
                    }
                    continue;
                }
                if (!block.code().contains("curl ")) {
                    continue;
                }
                String excused = NOT_RUN.keySet().stream()
                        .filter(key -> key.startsWith(block.page() + ": ")
                                && block.code()
                                        .contains(key.substring(block.page().length() + 2)))
                        .findFirst()
                        .orElse(null);
                if (excused == null) {
                    unmarked.add(block.where());
                } else {
                    notRunUnused.remove(excused);
                }
            }
        }
        assertThat(unmarked)
                .as("curl examples neither marked ```bash runnable nor in NOT_RUN")
                .isEmpty();
        assertThat(unknownWords)
                .as("runnable examples with words other than " + WORDS)
                .isEmpty();
        assertThat(notRunUnused).as("NOT_RUN entries that name no example").isEmpty();
        for (Interlude interlude : INTERLUDES) {
            assertThat(FencedBlock.read(DOCS.resolve(interlude.page())).stream()
                            .filter(b -> b.runnable() && b.code().contains(interlude.beforeExampleWith())))
                    .as("runnable examples of %s with %s", interlude.page(), interlude.beforeExampleWith())
                    .hasSize(1);
        }
    }

    private static void run(String page, List<FencedBlock> examples) throws Exception {
        Path directory = Files.createTempDirectory("docs-examples-");
        Map<String, String> variables = given(directory);
        Map<Email, Integer> mailBefore = new HashMap<>();
        for (Interlude interlude : INTERLUDES) {
            if (interlude.page().equals(page) && interlude.email() != null) {
                mailBefore.put(interlude.email(), count(interlude.email()));
            }
        }
        try (ExampleShell shell = new ExampleShell(directory, variables)) {
            for (FencedBlock example : examples) {
                for (Interlude interlude : INTERLUDES) {
                    if (interlude.page().equals(page) && example.code().contains(interlude.beforeExampleWith())) {
                        String code = interlude.code() != null
                                ? interlude.code()
                                : "EMAIL_TOKEN='" + token(interlude.email(), mailBefore.get(interlude.email())) + "'\n";
                        shell.run(
                                "before " + example.where() + ", " + interlude.why(), code, Map.of(), EXAMPLE_TIMEOUT);
                    }
                }
                Map<String, String> settings = new HashMap<>();
                Map<String, String> words = example.words();
                if (words.containsKey("status")) {
                    settings.put("DEPOT_EXPECT_STATUS", words.get("status"));
                }
                if (words.containsKey("stream")) {
                    settings.put("DEPOT_CUT_AFTER", STREAM_SECONDS);
                }
                try {
                    shell.run(example.where(), example.code(), settings, EXAMPLE_TIMEOUT);
                } catch (AssertionError e) {
                    throw new AssertionError(
                            "the example at "
                                    + example.where()
                                    + " failed:\n"
                                    + example.code().indent(4)
                                    + "\n"
                                    + e.getMessage(),
                            e);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * What every page may take as known, each named in the page's text, made for each page with an
     * account of its own: {@code TOKEN}, an access token of a verified account; {@code FOLDER}, one
     * of its folders; {@code FILE}, one of its files (64 KiB of text, in the root folder); and a
     * {@code video.mp4} (2 MiB) in the working directory.
     */
    private static Map<String, String> given(Path directory) throws Exception {
        GatewayUser user = GatewayUser.signUp("docs", true);
        String root = ok(user.send("GET", "/api/folders/root", null), 200)
                .at("/folder/id")
                .asString();
        String folder = ok(user.send("POST", "/api/folders", Map.of("parentId", root, "name", "Photos")), 201)
                .get("id")
                .asString();
        byte[] notes = "Depot docs example notes.\n".repeat(2521).getBytes(StandardCharsets.UTF_8);
        JsonNode started = ok(
                user.send(
                        "POST",
                        "/api/files",
                        Map.of("folderId", root, "name", "notes.txt", "size", notes.length, "mimeType", "text/plain")),
                201);
        assertThat(GatewayUser.tusCreateWithUpload(started, notes).statusCode()).isEqualTo(201);
        String file = started.get("fileId").asString();
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> listed = user.send("GET", "/api/files/" + file, null);
        while (listed.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            listed = user.send("GET", "/api/files/" + file, null);
        }
        assertThat(listed.statusCode())
                .as("the given file, once its upload completed: %s", listed.body())
                .isEqualTo(200);
        byte[] video = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(video);
        Files.write(directory.resolve("video.mp4"), video);
        return Map.of("TOKEN", user.accessToken(), "FOLDER", folder, "FILE", file);
    }

    private static int count(Email email) throws Exception {
        return (int) LocalStack.mail().inbox(email.address()).stream()
                .filter(mail -> mail.subject().contains(email.subject()))
                .count();
    }

    /** The token of the first such email after the {@code before} there were when the page began. */
    private static String token(Email email, int before) throws Exception {
        String link = LocalStack.mail()
                .await(email.address(), email.subject(), before + 1, Duration.ofSeconds(60))
                .link(email.link());
        return link.substring(email.link().length());
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return files.filter(
                            p -> p.toString().endsWith(".md") || p.toString().endsWith(".mdx"))
                    .sorted()
                    .toList();
        }
    }
}
