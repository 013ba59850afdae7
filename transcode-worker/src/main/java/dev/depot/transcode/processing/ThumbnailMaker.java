package dev.depot.transcode.processing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Makes the {@code small} (fits in 256 px) and {@code large} (fits in 1024 px) JPEG previews of an
 * image. The sizing rules: keep the aspect ratio, never upscale, flatten transparency on white, and
 * honour a JPEG's EXIF orientation.
 *
 * <p>Memory is bounded before any pixel is decoded: the reader reports the dimensions first, images
 * above {@link ProcessingProperties#maxImagePixels()} are refused, and big ones are decoded with
 * source subsampling to no more than about twice the large size (so a 100 MP photo costs some 16
 * MB, not 400). The remaining downscale halves the image step by step with bilinear filtering, then
 * takes the last step bicubic — the usual way to avoid the aliasing of one big Java2D scale.
 */
@Component
class ThumbnailMaker {

    static final int SMALL = 256;
    static final int LARGE = 1024;

    /** A width and a height in pixels. */
    record Size(int width, int height) {}

    private final long maxPixels;
    private final float quality;

    ThumbnailMaker(ProcessingProperties properties) {
        this.maxPixels = properties.maxImagePixels();
        this.quality = properties.jpegQuality();
    }

    /** Whether the JDK's image readers know this type (JPEG, PNG, GIF, BMP, TIFF, WBMP...). */
    static boolean canRead(String mimeType) {
        return ImageIO.getImageReadersByMIMEType(mimeType).hasNext();
    }

    /** The size an image of {@code width}×{@code height} gets to fit in a square {@code box}. */
    static Size fit(int width, int height, int box) {
        if (width <= box && height <= box) {
            return new Size(width, height);
        }
        double scale = Math.min((double) box / width, (double) box / height);
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /**
     * The source subsampling for decoding an image that will be shown in at most {@code box} pixels:
     * the largest step that keeps at least twice the box along the longer side.
     */
    static int subsampling(int width, int height, int box) {
        return Math.max(1, Math.max(width, height) / (2 * box));
    }

    /** The small and large previews of an image file. */
    List<RenderedPreview> thumbnails(Path file) throws PreviewFailedException {
        Decoded decoded = decode(file);
        return thumbnails(decoded.image(), decoded.width(), decoded.height(), ExifOrientation.of(file));
    }

    /** The small and large previews of an image already in memory (a rendered PDF page). */
    List<RenderedPreview> thumbnails(BufferedImage image) {
        return thumbnails(image, image.getWidth(), image.getHeight(), ExifOrientation.NORMAL);
    }

    private List<RenderedPreview> thumbnails(BufferedImage image, int width, int height, int orientation) {
        Size largeSize = fit(width, height, LARGE);
        Size smallSize = fit(width, height, SMALL);
        BufferedImage large = scale(image, largeSize);
        BufferedImage small = scale(large, smallSize);
        return List.of(
                preview(RenderedPreview.SMALL, ExifOrientation.apply(small, orientation)),
                preview(RenderedPreview.LARGE, ExifOrientation.apply(large, orientation)));
    }

    private RenderedPreview preview(String kind, BufferedImage image) {
        return new RenderedPreview(kind, jpeg(image), image.getWidth(), image.getHeight());
    }

    private record Decoded(BufferedImage image, int width, int height) {}

    private Decoded decode(Path file) throws PreviewFailedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new PreviewFailedException("the image format is not recognised");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new PreviewFailedException("the image has no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw new PreviewFailedException("the image is too large for a preview ("
                            + width
                            + "×"
                            + height
                            + " pixels, at most "
                            + maxPixels
                            + ")");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, LARGE);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return new Decoded(reader.read(0, param), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Decoders report corrupt data with IIOException and, at times, with runtime exceptions.
            throw new PreviewFailedException("the image could not be decoded", e);
        }
    }

    /** Downscales (or copies) an image to exactly {@code target}, flattened on white. */
    static BufferedImage scale(BufferedImage source, Size target) {
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        boolean copied = false;
        while (width / 2 >= target.width() && height / 2 >= target.height()) {
            width /= 2;
            height /= 2;
            current = draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            copied = true;
        }
        if (!copied || width != target.width() || height != target.height()) {
            current = draw(current, target.width(), target.height(), RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(
                    RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Encodes an RGB image as JPEG at the configured quality. */
    byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a preview in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
