package nl.pupildata.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * HTML laid out as PDF (openhtmltopdf on PDFBox), the one writer of every PDF the product makes. The documents are
 * archived, so they are PDF/A-3u: every font embedded (DejaVu Sans, shipped in this module; templates name
 * {@value #FONT}), an sRGB output intent, the PDF/A identification in the metadata. The HTML must be well-formed
 * XHTML; pictures travel inside it as data URIs, so nothing is fetched while laying out.
 */
public final class HtmlPdf {

    /** The font family templates must use: the only one embedded. */
    public static final String FONT = "DejaVu Sans";

    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private HtmlPdf() {
    }

    /** Blocking (layout and fonts): call it off the event loop. The HTML's {@code <title>} becomes the PDF's. */
    public static byte[] render(String html, String producer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
            builder.useColorProfile(SRGB);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.withProducer(producer);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] font(String file) {
        try (InputStream in = HtmlPdf.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from platform-pdf: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
