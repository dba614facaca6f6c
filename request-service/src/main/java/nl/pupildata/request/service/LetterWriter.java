package nl.pupildata.request.service;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import nl.pupildata.platform.pdf.HtmlPdf;
import nl.pupildata.request.domain.Letters;

/**
 * Writes a letter: its Qute template ({@code templates/letters/<KIND>.html}) filled with the letter's facts, laid
 * out as PDF. The same facts give the same text, so an issued letter can be written again from the record.
 */
@ApplicationScoped
public class LetterWriter {

    private final Engine qute;

    public LetterWriter(Engine qute) {
        this.qute = qute;
    }

    public String html(Letters.Letter letter) {
        return qute.getTemplate("letters/" + letter.kind().name()).data("facts", letter.facts()).render();
    }

    /** Blocking (layout and fonts): call it off the event loop. */
    public byte[] pdf(Letters.Letter letter) {
        return HtmlPdf.render(html(letter), "pupil-data request-service");
    }

}
