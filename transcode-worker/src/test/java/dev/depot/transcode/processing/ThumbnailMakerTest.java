package dev.depot.transcode.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.depot.transcode.processing.ThumbnailMaker.Size;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sizing rules of previews, and what the maker does with real image files. */
class ThumbnailMakerTest {

    @TempDir
    Path dir;

    private final ThumbnailMaker maker = new ThumbnailMaker(properties(100_000_000L));

    static ProcessingProperties properties(long maxPixels) {
        return new ProcessingProperties("ffmpeg", Duration.ofSeconds(30), maxPixels, 0.85f, null);
    }

    @Test
    void landscapeImagesFitTheBoxByTheirWidth() {
        assertThat(ThumbnailMaker.fit(1600, 900, 256)).isEqualTo(new Size(256, 144));
        assertThat(ThumbnailMaker.fit(1600, 900, 1024)).isEqualTo(new Size(1024, 576));
    }

    @Test
    void portraitImagesFitTheBoxByTheirHeight() {
        assertThat(ThumbnailMaker.fit(900, 1600, 256)).isEqualTo(new Size(144, 256));
        assertThat(ThumbnailMaker.fit(3000, 4000, 1024)).isEqualTo(new Size(768, 1024));
    }

    @Test
    void smallImagesAreNeverUpscaled() {
        assertThat(ThumbnailMaker.fit(200, 100, 256)).isEqualTo(new Size(200, 100));
        assertThat(ThumbnailMaker.fit(200, 100, 1024)).isEqualTo(new Size(200, 100));
        assertThat(ThumbnailMaker.fit(256, 256, 256)).isEqualTo(new Size(256, 256));
        assertThat(ThumbnailMaker.fit(1, 1, 256)).isEqualTo(new Size(1, 1));
    }

    @Test
    void extremeAspectRatiosKeepAtLeastOnePixel() {
        assertThat(ThumbnailMaker.fit(100_000, 10, 256)).isEqualTo(new Size(256, 1));
        assertThat(ThumbnailMaker.fit(10, 100_000, 1024)).isEqualTo(new Size(1, 1024));
    }

    @Test
    void aspectRatioIsKeptWithinRounding() {
        Size size = ThumbnailMaker.fit(4032, 3024, 1024);
        assertThat(size).isEqualTo(new Size(1024, 768));
        Size odd = ThumbnailMaker.fit(1000, 333, 256);
        assertThat(odd).isEqualTo(new Size(256, 85));
    }

    @Test
    void hugeImagesAreDecodedSubsampledToAtLeastTwiceTheLargeSize() {
        assertThat(ThumbnailMaker.subsampling(1600, 900, 1024)).isEqualTo(1);
        assertThat(ThumbnailMaker.subsampling(4095, 3000, 1024)).isEqualTo(1);
        assertThat(ThumbnailMaker.subsampling(10_000, 10_000, 1024)).isEqualTo(4);
        int step = ThumbnailMaker.subsampling(40_000, 2_500, 1024);
        assertThat(40_000 / step).isGreaterThanOrEqualTo(2048).isLessThan(4096);
    }

    @Test
    void makesSmallAndLargeJpegsOfTheRightSize() throws Exception {
        Path file = write("picture.png", TestImages.png(1600, 900));

        List<RenderedPreview> previews = maker.thumbnails(file);

        assertThat(previews).extracting(RenderedPreview::kind).containsExactly("small", "large");
        assertThat(previews.get(0))
                .extracting(RenderedPreview::width, RenderedPreview::height)
                .containsExactly(256, 144);
        assertThat(previews.get(1))
                .extracting(RenderedPreview::width, RenderedPreview::height)
                .containsExactly(1024, 576);
        for (RenderedPreview preview : previews) {
            assertThat(TestImages.format(preview.jpeg())).isEqualToIgnoringCase("jpeg");
            BufferedImage image = TestImages.decode(preview.jpeg());
            assertThat(image.getWidth()).isEqualTo(preview.width());
            assertThat(image.getHeight()).isEqualTo(preview.height());
            assertThat(TestImages.isRed(image.getRGB(image.getWidth() / 2, image.getHeight() / 2)))
                    .isTrue();
            assertThat(TestImages.isRed(image.getRGB(2, 2))).isFalse();
        }
    }

    @Test
    void bigImagesGoThroughSubsamplingWithTheExactTargetSize() throws Exception {
        Path file = write("big.png", TestImages.png(6000, 1000));

        List<RenderedPreview> previews = maker.thumbnails(file);

        assertThat(previews)
                .extracting(RenderedPreview::width, RenderedPreview::height)
                .containsExactly(tuple(256, 43), tuple(1024, 171));
    }

    @Test
    void smallImagesKeepTheirSizeInBothPreviews() throws Exception {
        Path file = write("icon.gif", TestImages.encode(TestImages.picture(120, 80), "gif"));

        assertThat(maker.thumbnails(file))
                .extracting(RenderedPreview::width, RenderedPreview::height)
                .containsOnly(tuple(120, 80));
    }

    @Test
    void transparencyIsFlattenedOnWhite() throws Exception {
        BufferedImage transparent = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Path file = write("clear.png", TestImages.encode(transparent, "png"));

        RenderedPreview small = maker.thumbnails(file).getFirst();

        Color corner = new Color(TestImages.decode(small.jpeg()).getRGB(10, 10));
        assertThat(corner.getRed()).isGreaterThan(245);
        assertThat(corner.getGreen()).isGreaterThan(245);
        assertThat(corner.getBlue()).isGreaterThan(245);
    }

    @Test
    void readsBmpToo() throws Exception {
        Path file = write("picture.bmp", TestImages.encode(TestImages.picture(400, 300), "bmp"));

        assertThat(maker.thumbnails(file)).extracting(RenderedPreview::width).containsExactly(256, 400);
    }

    @Test
    void imagesAboveThePixelLimitAreRefusedBeforeDecoding() throws Exception {
        Path file = write("picture.png", TestImages.png(1600, 900));
        ThumbnailMaker strict = new ThumbnailMaker(properties(1_000_000L));

        assertThatThrownBy(() -> strict.thumbnails(file))
                .isInstanceOf(PreviewFailedException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void corruptImagesFailAsPreviewFailures() throws Exception {
        Path file = write("broken.png", TestImages.corruptPng());

        assertThatThrownBy(() -> maker.thumbnails(file))
                .isInstanceOf(PreviewFailedException.class)
                .hasMessage("the image could not be decoded");
    }

    @Test
    void exifOrientationTurnsThePreviews() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.picture(1600, 900), "jpeg");
        Path file = write("photo.jpg", withExifOrientation(jpeg, 6));

        assertThat(ExifOrientation.of(file)).isEqualTo(6);
        List<RenderedPreview> previews = maker.thumbnails(file);

        assertThat(previews)
                .extracting(RenderedPreview::width, RenderedPreview::height)
                .containsExactly(tuple(144, 256), tuple(576, 1024));
    }

    @Test
    void orientationsMovePixelsWhereTheyBelong() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, Color.RED.getRGB()); // top left
        assertThat(ExifOrientation.apply(image, 6).getRGB(1, 0)).isEqualTo(Color.RED.getRGB());
        assertThat(ExifOrientation.apply(image, 8).getRGB(0, 2)).isEqualTo(Color.RED.getRGB());
        assertThat(ExifOrientation.apply(image, 3).getRGB(2, 1)).isEqualTo(Color.RED.getRGB());
        assertThat(ExifOrientation.apply(image, 2).getRGB(2, 0)).isEqualTo(Color.RED.getRGB());
        assertThat(ExifOrientation.apply(image, 1)).isSameAs(image);
    }

    @Test
    void filesWithoutExifAreNotTurned() throws Exception {
        assertThat(ExifOrientation.of(write("a.png", TestImages.png(10, 10)))).isEqualTo(1);
        assertThat(ExifOrientation.of(write("a.jpg", TestImages.encode(TestImages.picture(10, 10), "jpeg"))))
                .isEqualTo(1);
        assertThat(ExifOrientation.of(write("empty", new byte[0]))).isEqualTo(1);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Inserts an APP1 Exif segment (big-endian TIFF, one IFD0 entry) after the JPEG's SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // header, IFD0 at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // orientation, SHORT, 1
            0,
            0,
            0,
            0
        }; // no next IFD
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
