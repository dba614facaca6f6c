package nl.pupildata.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * HTML laid out as PDF (openhtmltopdf on PDFBox), the one writer of every PDF the product makes. The HTML must be
 * well-formed XHTML; pictures travel inside it as data URIs, so nothing is fetched while laying out.
 */
public final class HtmlPdf {

    private HtmlPdf() {
    }

    /** Blocking (layout and fonts): call it off the event loop. */
    public static byte[] render(String html, String producer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.withProducer(producer);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
