package nl.pupildata.request;

import static io.restassured.RestAssured.given;
import static nl.pupildata.request.RequestHandlingTests.DIRECTOR;
import static nl.pupildata.request.RequestHandlingTests.TODAY;
import static nl.pupildata.request.RequestHandlingTests.WAIT;
import static nl.pupildata.request.RequestHandlingTests.body;
import static nl.pupildata.request.RequestHandlingTests.intake;
import static nl.pupildata.request.RequestHandlingTests.step;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import java.time.Instant;
import nl.pupildata.events.ConsentRequested;
import nl.pupildata.events.DeadlineExtended;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.Topic;
import nl.pupildata.infra.Await;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Letters to guardians (issue 18) through HTTP against the real database and broker: the PDF's text is read back, the
 * issued letter is on the topic without its words and can be written again identically; one page of each letter is
 * kept as a picture in docs/letters/.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LetterTests {

    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    static final String ACCESS = ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\"";

    static byte[] pdf(UUID id, String kind, String query) {
        return given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/" + kind + query).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // bold words in their place on the line
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The first page as a picture, for people to look at (docs/letters/). */
    static void picture(byte[] pdf, String kind) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Path out = Path.of("..", "docs", "letters", kind + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
        }
    }

    @Test
    void pa3_theAcknowledgement_itsDatesAndTheOtherGuardian_issuedWithoutItsWordsOnKafka_writtenAgainIdentically()
            throws IOException {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL", ACCESS));
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/acknowledgement").then()
                .statusCode(422).body("rule", is("PA-3"));
        LocalDate expected = LocalDate.now().plusDays(12);
        step(DIRECTOR, id, "acknowledgement", "{\"expectedOn\":\"" + expected + "\",\"otherGuardiansMentioned\":true}")
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/requests/" + id
                + "/letters/acknowledgement").then().statusCode(404); // as if it did not exist: no oracle
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/no-such-letter").then()
                .statusCode(404);

        String text = text(pdf(id, "acknowledgement", ""));
        assertTrue(text.contains("Op " + DUTCH.format(LocalDate.parse(TODAY)) + " hebben wij uw verzoek ontvangen"),
                text);
        assertTrue(text.contains("U kunt het dossier verwachten op " + DUTCH.format(expected)), text);
        assertTrue(text.contains("Sam de Vries") && text.contains("Beste Anna de Vries"), text);
        assertTrue(text.contains("Bram de Vries"), "apart: the other guardian is named: " + text);
        assertTrue(text.contains("als PDF ontvangen per beveiligde mail"), text);
        try (PDDocument document = Loader.loadPDF(pdf(id, "acknowledgement", ""))) {
            assertTrue(document.getPage(0).getResources().getXObjectNames().iterator().hasNext(),
                    "the board's logo (pupil-data.board.logo) is on the letterhead");
        }

        int version = given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body("{}")
                .post("/requests/" + id + "/letters/acknowledgement").then().statusCode(200)
                .body("recipientGuardianId", is("g1")).extract().path("version");
        byte[] issued = pdf(id, "acknowledgement", "?issued=" + version);
        assertEquals(text, text(issued), "written again from the record, the same letter");
        picture(issued, "acknowledgement");
        var records = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 3, WAIT).stream()
                .filter(r -> "LetterIssued".equals(TopicProbe.headers(r).get("ce_type"))).toList();
        assertEquals(1, records.size(), records.toString());
        String onTopic = records.get(0).value();
        assertTrue(onTopic.contains("\"kind\":\"ACKNOWLEDGEMENT\"") && !onTopic.contains("\"g1\"")
                && !onTopic.contains("Vries") && !onTopic.contains("verwachten"), onTopic);
        assertEquals("g1", ((nl.pupildata.events.LetterIssued) TopicProbe.envelope(records.get(0)).event())
                .recipientGuardianId(), "the recipient's id, sealed with the request's key");
        given().header("Authorization", DIRECTOR).get("/requests/" + id).then().body("status", is("IN_PROGRESS"));
    }

    @Test
    void pa9_theOtherGuardiansNotice_afterTheDossierWasGiven() throws IOException {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL", ACCESS));
        step(DIRECTOR, id, "review", "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .statusCode(200);
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/other-guardian-notice?guardianId=g2")
                .then().statusCode(422).body("rule", is("PA-9"));
        step(DIRECTOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"anna@example.nl\","
                + "\"exportedFromPupilAdministration\":true}").statusCode(200);
        byte[] pdf = pdf(id, "other-guardian-notice", "?guardianId=g2");
        String text = text(pdf);
        assertTrue(text.contains("Beste Bram de Vries") && text.contains("Anna de Vries het dossier van Sam de Vries"),
                text);
        assertTrue(text.contains("verstrekt") && text.contains(DUTCH.format(LocalDate.now())), text);
        picture(pdf, "other-guardian-notice");
    }

    @Test
    void pa12_theRefusalLetter_theRecordedReasonAndWhereToObject() throws IOException {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL", ACCESS));
        for (String officer : List.of("SAFEGUARDING_OFFICER", "QUALITY_OFFICER")) {
            String consultation = step(DIRECTOR, id, "consultations", "{\"officer\":\"" + officer
                    + "\",\"question\":\"Weigeren?\"}").statusCode(200).extract()
                    .path("consultations.find { it.officer == '" + officer + "' }.id");
            step(Tokens.bearerAs(officer.toLowerCase(Locale.ROOT) + "@board", officer, "12AB"), id,
                    "consultations/" + consultation + "/answer", "{\"advice\":\"Ja, deels\",\"on\":\"" + TODAY + "\"}")
                    .statusCode(200);
        }
        step(DIRECTOR, id, "refusal", "{\"partial\":true,\"reason\":\"Het verslag van het gesprek met de "
                + "jeugdhulp raakt de veiligheid van het kind.\"}").statusCode(200);
        byte[] pdf = pdf(id, "refusal", "");
        String text = text(pdf);
        assertTrue(text.contains("een deel van het dossier niet met u te delen"), text);
        assertTrue(text.contains("Het verslag van het gesprek met de jeugdhulp raakt de veiligheid van het kind."),
                text);
        assertTrue(text.contains("Autoriteit Persoonsgegevens") && text.contains("klachtenregeling"), text);
        picture(pdf, "refusal");
    }

    /** The consent request's description and the extension's reason come from the other services' events. */
    @Test
    void g10_theConsentRequest_pa6_theExtensionNotice_fromWhatTheOtherServicesRecorded() throws IOException {
        UUID id = intake(body("THIRD_PARTY", "EMAIL",
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopediepraktijk Oost\"}"));
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/consent-request?guardianId=g2")
                .then().statusCode(422).body("rule", is("G-10"));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentRequested(id, "kc@12AB", "g2",
                "Spraak- en taalontwikkeling in groep 4"), Instant.now()));
        Await.until("request-service learned the consent request", WAIT, () -> given()
                .header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/consent-request?guardianId=g2")
                .statusCode() == 200);
        byte[] consent = pdf(id, "consent-request", "?guardianId=g2");
        String text = text(consent);
        assertTrue(text.contains("Beste Bram de Vries") && text.contains("Logopediepraktijk Oost"), text);
        assertTrue(text.contains("Spraak- en taalontwikkeling in groep 4") && text.contains("intrekken"), text);
        assertTrue(text.contains("vragen wij u allebei"), "apart: both are asked: " + text);
        picture(consent, "consent-request");

        UUID access = intake(body("PARENT_ACCESS", "EMAIL", ACCESS));
        LocalDate newDue = LocalDate.now().plusWeeks(4).plusMonths(1);
        TopicProbe.publish(EventEnvelope.wrap(new DeadlineExtended(access, "privacy@board", 1, newDue,
                "Een deel van het dossier ligt bij de vorige school.", LocalDate.now()), Instant.now()));
        Await.until("request-service learned the extension", WAIT, () -> given().header("Authorization", DIRECTOR)
                .get("/requests/" + access + "/letters/extension-notice").statusCode() == 200);
        byte[] extension = pdf(access, "extension-notice", "");
        String notice = text(extension);
        assertTrue(notice.contains("U krijgt uiterlijk op " + DUTCH.format(newDue) + " antwoord"), notice);
        assertTrue(notice.contains("Een deel van het dossier ligt bij de vorige school.") && notice.contains("eerste"),
                notice);
        picture(extension, "extension-notice");
    }

    @Test
    void oso5_theInvitationToSeeTheTransferFileFirst() throws IOException {
        UUID id = intake(body("SECONDARY_TRANSFER", "OSO",
                ",\"receivingSchool\":{\"brin\":\"56EF\",\"name\":\"Het Lyceum\"}"));
        byte[] pdf = pdf(id, "transfer-file-invitation", "?guardianId=g2");
        String text = text(pdf);
        assertTrue(text.contains("Beste Bram de Vries") && text.contains("voortgezet onderwijs (BRIN 56EF)"), text);
        assertTrue(text.contains("zienswijze"), text);
        picture(pdf, "transfer-file-invitation");
    }
}
