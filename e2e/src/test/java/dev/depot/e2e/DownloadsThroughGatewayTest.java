package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Downloads of a 200 MiB file through the URL the API hands out (the gateway) and through the edge
 * (nginx with docker/nginx/edge.conf), by clients nobody here wrote: curl resuming after a cut,
 * aria2c with 8 parallel ranges, curl asking for several ranges at once.
 */
class DownloadsThroughGatewayTest {

    private static final int SIZE = 200 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EDGE = "http://127.0.0.1:8088";

    private static GatewayUser user;
    private static Path work;
    private static Path source;
    private static String sourceSha;
    private static String fileId;

    @BeforeAll
    static void uploadAFile() throws Exception {
        user = GatewayUser.signUp("downloads");
        work = Files.createTempDirectory("depot-downloads");
        source = work.resolve("source.bin");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        try (var out = Files.newOutputStream(source)) {
            for (int i = 0; i < SIZE / block.length; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        sourceSha = sha256(source);
        JsonNode started =
                ok(user.send("POST", "/api/files", Map.of("name", "archive 📦 ünïcode.bin", "size", SIZE)), 201);
        fileId = started.get("fileId").asString();
        String ticket = Base64.getEncoder()
                .encodeToString(started.get("ticket").asString().getBytes(StandardCharsets.US_ASCII));
        run(
                "curl",
                "-fsS",
                "-o",
                "/dev/null",
                "-X",
                "POST",
                "-H",
                "Tus-Resumable: 1.0.0",
                "-H",
                "Upload-Length: " + SIZE,
                "-H",
                "Upload-Metadata: ticket " + ticket,
                "-H",
                "Content-Type: application/offset+octet-stream",
                "-T",
                source.toString(),
                started.get("uploadUrl").asString());
        // The file is listed once metadata-service has taken the upload's completion from Kafka.
        Instant deadline = Instant.now().plusSeconds(30);
        while (user.send("GET", "/api/files/" + fileId, null).statusCode() != 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(work)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static String link(int expiresIn) throws Exception {
        return ok(user.send("GET", "/api/files/" + fileId + "/download-url?expiresIn=" + expiresIn, null), 200)
                .get("url")
                .asString();
    }

    private static String viaEdge(String url) {
        URI uri = URI.create(url);
        return EDGE + uri.getRawPath();
    }

    @Test
    void curlResumesAfterACut() throws Exception {
        for (String url : List.of(link(600), viaEdge(link(600)))) {
            Path target = work.resolve("resumed-" + Math.abs(url.hashCode()) + ".bin");
            int cut = exitCode("curl", "-sS", "--limit-rate", "40M", "-m", "1", "-o", target.toString(), url);
            assertThat(cut).as("the first transfer is cut short").isEqualTo(28);
            assertThat(Files.size(target)).isBetween(1L, (long) SIZE - 1);
            run("curl", "-fsS", "-C", "-", "-o", target.toString(), url);
            assertThat(sha256(target)).as(url).isEqualTo(sourceSha);
        }
    }

    @Test
    void aria2cDownloadsWithEightParallelRanges() throws Exception {
        for (String url : List.of(link(600), viaEdge(link(600)))) {
            Path dir = Files.createTempDirectory(work, "aria2");
            run(
                    "aria2c",
                    "-q",
                    "-x",
                    "8",
                    "-s",
                    "8",
                    "-k",
                    "1M",
                    "--allow-overwrite=true",
                    "--auto-file-renaming=false",
                    "-d",
                    dir.toString(),
                    "-o",
                    "file.bin",
                    url);
            assertThat(sha256(dir.resolve("file.bin"))).as(url).isEqualTo(sourceSha);
        }
    }

    @Test
    void curlGetsSeveralRangesAtOnce() throws Exception {
        byte[] data = Files.readAllBytes(source);
        for (String url : List.of(link(600), viaEdge(link(600)))) {
            Path headers = work.resolve("multi-headers.txt");
            Path body = work.resolve("multi.bin");
            run("curl", "-fsS", "-r", "0-99,5000000-5000099,-50", "-D", headers.toString(), "-o", body.toString(), url);
            String head = Files.readString(headers);
            assertThat(head).startsWith("HTTP/1.1 206");
            String type = head.lines()
                    .filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .findFirst()
                    .orElseThrow();
            String boundary = type.substring(type.indexOf("boundary=") + 9).strip();
            List<byte[]> parts = parts(Files.readAllBytes(body), boundary);
            assertThat(parts).hasSize(3);
            assertThat(parts.get(0)).isEqualTo(Arrays.copyOfRange(data, 0, 100));
            assertThat(parts.get(1)).isEqualTo(Arrays.copyOfRange(data, 5_000_000, 5_000_100));
            assertThat(parts.get(2)).isEqualTo(Arrays.copyOfRange(data, SIZE - 50, SIZE));
        }
    }

    @Test
    void validatorsHeadAndUnicodeNamesHoldOnBothPaths() throws Exception {
        for (String url : List.of(link(600), viaEdge(link(600)))) {
            HttpResponse<Void> head = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(SIZE));
            assertThat(head.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; "
                            + "filename=\"archive _ _n_code.bin\"; "
                            + "filename*=UTF-8''archive%20%F0%9F%93%A6%20%C3%BCn%C3%AFcode.bin");
            String etag = head.headers().firstValue("ETag").orElseThrow();
            HttpResponse<Void> notModified = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("If-None-Match", etag)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(notModified.statusCode()).isEqualTo(304);
            HttpResponse<String> unsatisfiable = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Range", "bytes=" + SIZE + "-")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsatisfiable.statusCode()).isEqualTo(416);
            assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
            HttpResponse<Void> staleRange = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Range", "bytes=0-0")
                            .header("If-Range", "\"another-version\"")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(staleRange.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theEdgeRefusesAnExpiredLinkEvenWhenTheBytesAreCached() throws Exception {
        String url = viaEdge(link(3));
        HttpResponse<Void> first = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Range", "bytes=0-1023")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(first.statusCode()).isEqualTo(206);
        HttpResponse<Void> cached = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Range", "bytes=0-1023")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(cached.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        Thread.sleep(3_500);
        HttpResponse<String> expired = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Range", "bytes=0-1023")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("\"code\":\"TICKET_EXPIRED\"");
    }

    @Test
    void aSignatureFromAnotherLinkOrATamperedPathIsRefused() throws Exception {
        String mine = link(600);
        JsonNode other = ok(user.send("POST", "/api/files", Map.of("name", "other.bin", "size", 1)), 201);
        String otherTicket = other.get("ticket").asString();
        String signature = otherTicket.substring(otherTicket.lastIndexOf('.'));
        String swapped = mine.substring(0, mine.lastIndexOf('.')) + signature;
        for (String url : List.of(swapped, viaEdge(swapped))) {
            HttpResponse<String> refused =
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(url).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"TICKET_INVALID\"");
        }
        for (String base : List.of("http://127.0.0.1:8080", EDGE)) {
            for (String path : List.of(
                    "/dl/..%2F..%2Fapi%2Fstatus",
                    "/dl/a/../../api/me", "/dl/" + URI.create(mine).getRawPath().substring(4) + "/x")) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(base + path).isIn(400, 401, 403, 404);
                assertThat(response.body()).as(base + path).doesNotContain("Exception");
            }
        }
    }

    /** Splits a multipart/byteranges body into its parts' bytes. */
    private static List<byte[]> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        for (String part : text.split("--" + boundary)) {
            int start = part.indexOf("\r\n\r\n");
            if (start >= 0) {
                parts.add(part.substring(start + 4, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return parts;
    }

    private static void run(String... command) throws Exception {
        assertThat(exitCode(command)).as(String.join(" ", command)).isZero();
    }

    private static int exitCode(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return process.exitValue();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
