package dev.depot.transcode.processing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code poster} of a video: one frame, one second in (or the first frame of a shorter clip),
 * extracted by the ffmpeg executable and scaled to fit in {@value ThumbnailMaker#LARGE} px without
 * upscaling. Without ffmpeg, videos simply get no poster.
 */
@Component
class VideoPoster {

    private static final Logger LOG = LoggerFactory.getLogger(VideoPoster.class);
    private static final String FIT = "scale='min("
            + ThumbnailMaker.LARGE
            + ",iw)':'min("
            + ThumbnailMaker.LARGE
            + ",ih)':force_original_aspect_ratio=decrease";

    /** Where to look for the frame: 1 s in skips black fade-ins; 0 for clips shorter than that. */
    private static final List<String> POSITIONS = List.of("1", "0");

    private final Optional<Path> ffmpeg;
    private final Duration timeout;
    private final Path workDir;

    VideoPoster(ProcessingProperties properties) {
        this.ffmpeg = locate(properties.ffmpeg(), System.getenv("PATH"));
        this.timeout = properties.ffmpegTimeout();
        this.workDir = properties.temporaryDirectory();
        if (ffmpeg.isPresent()) {
            LOG.info("video posters made with {}", ffmpeg.get());
        } else {
            LOG.warn("ffmpeg not found as '{}': videos are processed without a poster", properties.ffmpeg());
        }
    }

    /** Whether posters can be made at all. */
    boolean available() {
        return ffmpeg.isPresent();
    }

    /** Finds an executable given as a path, or as a name on {@code path}. */
    static Optional<Path> locate(String executable, String path) {
        if (executable.contains(File.separator)) {
            Path file = Path.of(executable);
            return isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path file = Path.of(dir, executable);
                if (isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /** The poster of a video file; empty when ffmpeg is not available. */
    Optional<RenderedPreview> poster(Path video) throws PreviewFailedException {
        if (ffmpeg.isEmpty()) {
            return Optional.empty();
        }
        Path out = null;
        Path log = null;
        try {
            out = Files.createTempFile(workDir, "poster-", ".jpg");
            log = Files.createTempFile(workDir, "ffmpeg-", ".log");
            for (String position : POSITIONS) {
                int exit = run(position, video, out, log);
                if (exit == 0 && Files.size(out) > 0) {
                    return Optional.of(read(out));
                }
                LOG.info("ffmpeg found no frame at {} s (exit {}): {}", position, exit, lastLine(log));
            }
            throw new PreviewFailedException("no frame could be extracted from the video");
        } catch (IOException e) {
            throw new PreviewFailedException("the video frame could not be extracted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(log);
        }
    }

    private int run(String position, Path video, Path out, Path log) throws IOException, PreviewFailedException {
        Process process = new ProcessBuilder(
                        ffmpeg.get().toString(),
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-ss",
                        position,
                        "-i",
                        video.toString(),
                        "-an",
                        "-sn",
                        "-dn",
                        "-frames:v",
                        "1",
                        "-vf",
                        FIT,
                        "-q:v",
                        "3",
                        "-f",
                        "image2",
                        "-update",
                        "1",
                        "-y",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new PreviewFailedException(
                        "extracting a video frame took longer than " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ffmpeg ran", e);
        }
    }

    private static RenderedPreview read(Path jpeg) throws IOException, PreviewFailedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PreviewFailedException("ffmpeg wrote no readable frame");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new RenderedPreview(
                        RenderedPreview.POSTER, Files.readAllBytes(jpeg), reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.getLast();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("temporary file {} not deleted: {}", file, e.toString());
            }
        }
    }
}
