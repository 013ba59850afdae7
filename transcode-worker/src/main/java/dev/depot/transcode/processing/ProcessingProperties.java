package dev.depot.transcode.processing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How stored versions are post-processed. The preview sizes (256 and 1024 px) are part of the
 * {@code VersionProcessed} contract and so are not settings.
 *
 * @param ffmpeg the ffmpeg executable: a name looked up on PATH, or a path; when it cannot be
 *     found, videos are processed without a poster
 * @param ffmpegTimeout how long one poster extraction may run before it counts as failed
 * @param maxImagePixels images with more pixels than this get no previews (PREVIEW_FAILED)
 * @param jpegQuality quality of the preview JPEGs, 0 to 1
 * @param workDir where blobs are streamed to while processed; the system temp directory when unset
 */
@ConfigurationProperties("depot.processing")
@Validated
public record ProcessingProperties(
        @DefaultValue("ffmpeg") @NotBlank String ffmpeg,
        @DefaultValue("60s") @NotNull Duration ffmpegTimeout,
        @DefaultValue("100000000") @Positive long maxImagePixels,

        @DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0")
        float jpegQuality,

        Path workDir) {

    /** The directory for temporary files. */
    Path temporaryDirectory() {
        return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
