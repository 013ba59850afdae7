package dev.depot.transcode.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZipPathsTest {

    @Test
    void pathsThatEscapeTheArchiveAreRefused() {
        for (String path : new String[] {"", "/etc/passwd", "a/../../b", "..", "a/./b", "a//b", "a\\b", "a\0b"}) {
            assertThatThrownBy(() -> ZipPaths.safe(path)).as(path).isInstanceOf(UnsafeManifestException.class);
        }
        assertThat(ZipPaths.safe("a/b c/#%?.txt")).isEqualTo("a/b c/#%?.txt");
        assertThat(ZipPaths.safe("a/b/")).isEqualTo("a/b/");
        assertThat(ZipPaths.safe("..hidden/x..y")).isEqualTo("..hidden/x..y");
    }

    @Test
    void aTakenPathGetsTheNextFreeNumber() {
        Set<String> taken = new HashSet<>();
        assertThat(ZipPaths.unique("f/report.pdf", taken)).isEqualTo("f/report.pdf");
        assertThat(ZipPaths.unique("f/report.pdf", taken)).isEqualTo("f/report (1).pdf");
        assertThat(ZipPaths.unique("f/report.pdf", taken)).isEqualTo("f/report (2).pdf");
        assertThat(ZipPaths.unique("f/.profile", taken)).isEqualTo("f/.profile");
        assertThat(ZipPaths.unique("f/.profile", taken)).isEqualTo("f/.profile (1)");
        assertThat(ZipPaths.unique("README", taken)).isEqualTo("README");
        assertThat(ZipPaths.unique("README", taken)).isEqualTo("README (1)");
    }

    @Test
    void compressedMediaAreStoredAndTextIsDeflated() {
        assertThat(Compression.isCompressed("image/jpeg", "a.txt")).isTrue();
        assertThat(Compression.isCompressed("video/mp4", "a")).isTrue();
        assertThat(Compression.isCompressed("application/zip", "a")).isTrue();
        assertThat(Compression.isCompressed("image/bmp", "a.bmp")).isFalse();
        assertThat(Compression.isCompressed("text/plain; charset=utf-8", "a.jpg"))
                .isFalse();
        assertThat(Compression.isCompressed("application/octet-stream", "movie.MKV"))
                .isTrue();
        assertThat(Compression.isCompressed(null, "notes.txt")).isFalse();
        assertThat(Compression.isCompressed(null, "dir.jpg/notes")).isFalse();
    }
}
