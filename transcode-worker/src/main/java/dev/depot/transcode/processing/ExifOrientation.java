package dev.depot.transcode.processing;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation of a JPEG (how a camera held sideways wants its pixels turned), read from
 * the APP1 segment without any metadata library. Anything missing or malformed means "as stored":
 * an EXIF-less image, another format or a broken tag is simply not turned.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final int SOI = 0xFFD8;
    private static final int APP1 = 0xFFE1;
    private static final int SOS = 0xFFDA;
    private static final int EOI = 0xFFD9;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {}

    /** The orientation (1 to 8) of a file, {@link #NORMAL} unless a JPEG says otherwise. */
    static int of(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != SOI) {
                return NORMAL;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == SOS || marker == EOI) {
                    return NORMAL;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return NORMAL;
                }
                if (marker == APP1) {
                    byte[] segment = in.readNBytes(length - 2);
                    if (startsWith(segment, EXIF_HEADER)) {
                        return fromTiff(segment, EXIF_HEADER.length);
                    }
                } else {
                    in.skipNBytes(length - 2);
                }
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    /** Reads tag 0x0112 of IFD0 from the TIFF structure that starts at {@code tiff}. */
    static int fromTiff(byte[] b, int tiff) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** Turns an image so that it shows upright; a new image unless the orientation is normal. */
    static BufferedImage apply(BufferedImage source, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                switch (orientation) {
                    case 2 -> target.setRGB(w - 1 - x, y, rgb); // mirrored
                    case 3 -> target.setRGB(w - 1 - x, h - 1 - y, rgb); // upside down
                    case 4 -> target.setRGB(x, h - 1 - y, rgb); // mirrored vertically
                    case 5 -> target.setRGB(y, x, rgb); // transposed
                    case 6 -> target.setRGB(h - 1 - y, x, rgb); // turn 90° clockwise
                    case 7 -> target.setRGB(h - 1 - y, w - 1 - x, rgb); // transversed
                    default -> target.setRGB(y, w - 1 - x, rgb); // 8: turn 90° counter-clockwise
                }
            }
        }
        return target;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long first = u16(b, at, little);
        long second = u16(b, at + 2, little);
        return little ? first | second << 16 : first << 16 | second;
    }
}
