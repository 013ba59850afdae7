package dev.depot.transcode.processing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Previews of a PDF: its first page rendered with Apache PDFBox at the resolution that makes its
 * longer side {@value ThumbnailMaker#LARGE} px, then the usual small and large images. The document
 * is parsed with a temp-file stream cache and embedded images may be subsampled, so a big PDF does
 * not fill the heap.
 */
@Component
class PdfPreview {

    private final ThumbnailMaker thumbnails;

    PdfPreview(ThumbnailMaker thumbnails) {
        this.thumbnails = thumbnails;
    }

    List<RenderedPreview> previews(Path file) throws PreviewFailedException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() == 0) {
                throw new PreviewFailedException("the PDF has no pages");
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longer = Math.max(box.getWidth(), box.getHeight());
            if (!(longer > 0)) {
                throw new PreviewFailedException("the first page of the PDF has no size");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            // Scale 1 is 72 DPI: this is the DPI that gives the page LARGE pixels along its longer side.
            page = renderer.renderImage(0, ThumbnailMaker.LARGE / longer, ImageType.RGB);
        } catch (InvalidPasswordException e) {
            throw new PreviewFailedException("the PDF is password protected", e);
        } catch (IOException | RuntimeException e) {
            throw new PreviewFailedException("the PDF could not be rendered", e);
        }
        return thumbnails.thumbnails(page);
    }
}
