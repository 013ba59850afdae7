package dev.depot.transcode.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bytes are, and when the uploader's word is kept. */
class MimeSnifferTest {

    @TempDir
    Path dir;

    private final MimeSniffer sniffer = new MimeSniffer();

    @Test
    void theBytesWinOverAWrongDeclaration() throws Exception {
        assertThat(sniff(TestImages.png(20, 10), "text/plain")).isEqualTo("image/png");
        assertThat(sniff(TestImages.pdf(), "image/png")).isEqualTo("application/pdf");
        assertThat(sniff(zip(), "image/png")).isEqualTo("application/zip");
    }

    @Test
    void aDeclarationThatRefinesTheBytesIsKept() throws Exception {
        byte[] csv = "name,size\nreport.pdf,1200\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(csv, "text/csv")).isEqualTo("text/csv");
        assertThat(sniff("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isEqualTo("application/json");
        assertThat(sniff(zip(), "application/java-archive")).isEqualTo("application/java-archive");
    }

    @Test
    void aDeclarationThatTikaCouldHaveCheckedIsNotTakenOnTrust() throws Exception {
        byte[] text = "just some words\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(text, "image/png")).isEqualTo("text/plain");
        assertThat(sniff(text, "text/html")).isEqualTo("text/plain");
        assertThat(sniff(binary(), "image/png")).isEqualTo("application/octet-stream");
        assertThat(sniff(binary(), "application/pdf")).isEqualTo("application/octet-stream");
    }

    @Test
    void unknownBinaryKeepsAnUncheckableDeclaration() throws Exception {
        assertThat(sniff(binary(), "application/x-depot-test")).isEqualTo("application/x-depot-test");
    }

    @Test
    void missingOrBrokenDeclarationsLeaveTheSniffedType() throws Exception {
        byte[] text = "plain\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(text, null)).isEqualTo("text/plain");
        assertThat(sniff(text, "")).isEqualTo("text/plain");
        assertThat(sniff(text, "not a type")).isEqualTo("text/plain");
        assertThat(sniff(binary(), null)).isEqualTo("application/octet-stream");
    }

    @Test
    void parametersAreDroppedAndCaseIgnored() throws Exception {
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(csv, "Text/CSV; charset=UTF-8")).isEqualTo("text/csv");
        assertThat(sniff(csv, "text/plain; charset=UTF-8")).isEqualTo("text/plain");
    }

    @Test
    void videosAreRecognisedByTheirHeader() throws Exception {
        assertThat(sniff(TestImages.fakeMp4(), "application/octet-stream")).startsWith("video/");
    }

    private String sniff(byte[] bytes, String declared) throws Exception {
        Path file = Files.createTempFile(dir, "blob", ".bin");
        Files.write(file, bytes);
        return sniffer.sniff(file, declared);
    }

    private static byte[] binary() {
        byte[] bytes = new byte[1024];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x01; // no known signature starts with it
        bytes[1] = 0x02;
        return bytes;
    }

    static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
