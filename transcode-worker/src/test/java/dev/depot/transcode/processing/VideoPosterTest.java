package dev.depot.transcode.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posters with the real ffmpeg where one is installed (compose's image has it; a bare build machine
 * may not, and then only the "no ffmpeg" rules run).
 */
class VideoPosterTest {

    @TempDir
    Path dir;

    static boolean ffmpegInstalled() {
        return VideoPoster.locate("ffmpeg", System.getenv("PATH")).isPresent();
    }

    private VideoPoster poster(String ffmpeg) {
        return new VideoPoster(new ProcessingProperties(ffmpeg, Duration.ofSeconds(30), 1L, 0.85f, dir));
    }

    @Test
    void anExecutableIsFoundOnThePathOrByItsPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("fake-ffmpeg"), "#!/bin/sh\n");
        assertThat(VideoPoster.locate("fake-ffmpeg", "/nonexistent:" + bin)).isEmpty();
        tool.toFile().setExecutable(true);
        assertThat(VideoPoster.locate("fake-ffmpeg", "/nonexistent:" + bin)).contains(tool);
        assertThat(VideoPoster.locate(tool.toString(), null)).contains(tool);
        assertThat(VideoPoster.locate("fake-ffmpeg", null)).isEmpty();
        assertThat(VideoPoster.locate(bin.resolve("missing").toString(), "")).isEmpty();
    }

    @Test
    void withoutFfmpegThereIsNoPosterAndNoFailure() throws Exception {
        VideoPoster poster = poster("/nonexistent/ffmpeg");
        Path video = Files.write(dir.resolve("clip.mp4"), TestImages.fakeMp4());

        assertThat(poster.available()).isFalse();
        assertThat(poster.poster(video)).isEmpty();
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aVideoGetsAPosterThatFitsTheLargeSize() throws Exception {
        Path video = testVideo("clip.mp4", "1280x720", "3");

        Optional<RenderedPreview> poster = poster("ffmpeg").poster(video);

        assertThat(poster).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo("poster");
            assertThat(p.width()).isEqualTo(1024);
            assertThat(p.height()).isEqualTo(576);
        });
        BufferedImage image = TestImages.decode(poster.get().jpeg());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(TestImages.format(poster.get().jpeg())).isEqualToIgnoringCase("jpeg");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(name -> name.startsWith("poster-") || name.startsWith("ffmpeg-")))
                    .isEmpty();
        }
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aClipShorterThanASecondGetsItsFirstFrameUnscaled() throws Exception {
        Path video = testVideo("short.mp4", "320x240", "0.4");

        Optional<RenderedPreview> poster = poster("ffmpeg").poster(video);

        assertThat(poster).hasValueSatisfying(p -> {
            assertThat(p.width()).isEqualTo(320);
            assertThat(p.height()).isEqualTo(240);
        });
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aBrokenVideoFailsItsPreview() throws Exception {
        Path video = Files.write(dir.resolve("broken.mp4"), TestImages.fakeMp4());

        assertThatThrownBy(() -> poster("ffmpeg").poster(video)).isInstanceOf(PreviewFailedException.class);
    }

    private Path testVideo(String name, String size, String seconds) throws Exception {
        Path video = dir.resolve(name);
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=" + size + ":rate=10",
                        "-t",
                        seconds,
                        "-c:v",
                        "mpeg4",
                        "-y",
                        video.toString())
                .inheritIO()
                .start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        return video;
    }
}
