package nl.pupildata.platform.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Every PDF the product writes is archived, so it is PDF/A-3u: fonts embedded, sRGB intent, identified as such. */
class HtmlPdfTest {

    static final String HTML = """
            <html xmlns="http://www.w3.org/1999/xhtml" lang="nl"><head><meta charset="UTF-8"/><title>Proef</title>
            <style>@page { size: A4; font-family: "DejaVu Sans"; } body { font-family: "DejaVu Sans"; }</style></head>
            <body><img src="%s" alt="logo"/><h1>Ontvangstbevestiging</h1>
            <p>Geachte mevrouw Çelik-Ëmre, <strong>uiterlijk 23 december</strong>.</p></body></html>""";

    /** A logo with transparency, as a board's PNG often is. */
    static String transparentLogo() throws java.io.IOException {
        java.awt.image.BufferedImage logo = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x1f, 0x4e, 0x79));
        g.fillOval(0, 0, 20, 20);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(logo, "png", png);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
    }

    @Test
    void aDocumentIsPdfA3u_withEveryFontEmbedded_andItsTextReadsBack() throws Exception {
        byte[] pdf = HtmlPdf.render(HTML.formatted(transparentLogo()), "test");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>") || xmp.contains("pdfaid:part=\"3\""), xmp);
            assertTrue(xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>")
                    || xmp.contains("pdfaid:conformance=\"U\""), xmp);
            assertFalse(document.getDocumentCatalog().getOutputIntents().isEmpty(), "an sRGB output intent");
            assertEquals("Proef", document.getDocumentInformation().getTitle());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertTrue(fonts.size() >= 2, "regular and bold: " + fonts);
            fonts.forEach(f -> assertTrue(f.isEmbedded(), f.getName() + " is embedded"));
            assertTrue(fonts.stream().allMatch(f -> f.getName().contains("DejaVuSans")), fonts.toString());
            var resources = document.getPage(0).getResources();
            int images = 0;
            for (COSName name : resources.getXObjectNames()) {
                images++;
                assertNotEquals(org.apache.pdfbox.cos.COSBoolean.TRUE, resources.getXObject(name).getCOSObject()
                        .getItem(COSName.INTERPOLATE), "PDF/A: no image is interpolated");
            }
            assertEquals(1, images, "the logo");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            assertTrue(text.contains("Geachte mevrouw Çelik-Ëmre, uiterlijk 23 december."), text);
        }
    }
}
