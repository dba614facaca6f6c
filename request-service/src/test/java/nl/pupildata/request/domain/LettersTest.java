package nl.pupildata.request.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.rules.Rule;
import nl.pupildata.rules.RuleViolation;
import org.junit.jupiter.api.Test;

/** A letter says what the record says, or the rule says it does not apply yet. */
class LettersTest {

    static final UUID ID = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Letters.Letterhead HEAD = new Letters.Letterhead("Stichting Wijs", "Postbus 1, Utrecht",
            "De directeur", "via de klachtenregeling.", "");
    static final Letters.People PEOPLE = new Letters.People("Sam de Vries",
            Map.of("g1", "Anna de Vries", "g2", "Bram de Vries"), Map.of("g1", "anna@example.nl"), "Logopedie Oost");
    Letters.Learned learned = new Letters.Learned(LocalDate.of(2026, 12, 23), List.of(), Map.of());

    static RequestReceived received(RequestKind kind, boolean apart) {
        return new RequestReceived(ID, "director", "12AB", kind, LocalDate.of(2026, 11, 25), ReceivedVia.EMAIL, "P-1",
                4, false, List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), apart,
                RequesterCategory.GUARDIAN, kind == RequestKind.PARENT_ACCESS ? "g1" : null,
                AccessMode.PDF_BY_SECURE_MAIL, null, null, kind == RequestKind.SECONDARY_TRANSFER ? "88ZZ" : null,
                null);
    }

    Letters.Letter compose(LetterKind kind, String to, PupilDataEvent... history) {
        return Letters.compose(kind, RequestState.replay(List.of(history)), to, PEOPLE, learned, TODAY, HEAD);
    }

    Rule refusedBy(LetterKind kind, String to, PupilDataEvent... history) {
        return assertThrows(RuleViolation.class, () -> compose(kind, to, history)).rule();
    }

    @Test
    void pa3_theAcknowledgementSaysWhatWasRecorded_receipt_theDate_theWay_andTheOtherGuardian() {
        RequestReceived apart = received(RequestKind.PARENT_ACCESS, true);
        assertEquals(Rule.PA_3, refusedBy(LetterKind.ACKNOWLEDGEMENT, null, apart), "nothing acknowledged yet");
        Letters.Letter letter = compose(LetterKind.ACKNOWLEDGEMENT, null, apart,
                new RequestAcknowledged(ID, "director", LocalDate.of(2026, 12, 10), true));
        assertEquals("g1", letter.recipientGuardianId(), "to the requester");
        assertEquals("25 november 2026", letter.facts().get("receivedOn"));
        assertEquals("10 december 2026", letter.facts().get("expectedOn"));
        assertEquals("23 december 2026", letter.facts().get("dueOn"));
        assertEquals("Bram de Vries", letter.facts().get("otherGuardians"));
        assertEquals("Anna de Vries", letter.facts().get("recipientName"));
        assertEquals(1, letter.templateVersion());
        assertEquals(Rule.PA_3, refusedBy(LetterKind.ACKNOWLEDGEMENT, "g2", apart,
                new RequestAcknowledged(ID, "director", LocalDate.of(2026, 12, 10), true)), "not to the other");
    }

    @Test
    void pa9_theNoticeGoesToTheOtherGuardianWithAuthority_onceTheDossierWasGiven() {
        RequestReceived apart = received(RequestKind.PARENT_ACCESS, true);
        InformationShared shared = new InformationShared(ID, "director", ShareChannel.SECURE_MAIL,
                LocalDate.of(2026, 11, 28), List.of(), null);
        assertEquals(Rule.PA_9, refusedBy(LetterKind.OTHER_GUARDIAN_NOTICE, "g2", apart), "not given yet");
        assertEquals(Rule.PA_9, refusedBy(LetterKind.OTHER_GUARDIAN_NOTICE, "g1", apart, shared), "the requester");
        Letters.Letter letter = compose(LetterKind.OTHER_GUARDIAN_NOTICE, "g2", apart, shared);
        assertEquals("28 november 2026", letter.facts().get("sharedOn"));
        assertEquals("Anna de Vries", letter.facts().get("requesterName"));
    }

    @Test
    void pa12_theRefusalLetterCarriesTheRecordedReason_andWhereToObject() {
        RequestReceived apart = received(RequestKind.PARENT_ACCESS, true);
        assertEquals(Rule.PA_12, refusedBy(LetterKind.REFUSAL, null, apart));
        Letters.Letter letter = compose(LetterKind.REFUSAL, null, apart, new RequestRefused(ID, "director", true,
                "De veiligheid van het kind", List.of(Consultation.SAFEGUARDING_OFFICER, Consultation.QUALITY_OFFICER)));
        assertEquals("De veiligheid van het kind", letter.facts().get("reason"));
        assertEquals("yes", letter.facts().get("partial"));
        assertEquals("via de klachtenregeling.", letter.facts().get("complaints"));
    }

    @Test
    void g10_theConsentRequestSaysWhatWasAskedOfThisGuardian_toWhom_forWhat() {
        RequestReceived thirdParty = new RequestReceived(ID, "director", "12AB", RequestKind.THIRD_PARTY,
                LocalDate.of(2026, 11, 25), ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true), new GuardianRef("g2", false)), true,
                RequesterCategory.EXTERNAL_PROFESSIONAL, null, null, ThirdPartyTopic.SPEECH_THERAPY,
                Complexity.STANDARD, null, null);
        assertEquals(Rule.G_10, refusedBy(LetterKind.CONSENT_REQUEST, "g1", thirdParty), "not asked yet");
        assertEquals(Rule.G_4, refusedBy(LetterKind.CONSENT_REQUEST, "g2", thirdParty), "no authority");
        learned = new Letters.Learned(null, List.of(), Map.of("g1", "Spraak- en taalontwikkeling van groep 3"));
        Letters.Letter letter = compose(LetterKind.CONSENT_REQUEST, "g1", thirdParty);
        assertEquals("Spraak- en taalontwikkeling van groep 3", letter.facts().get("information"));
        assertEquals("Logopedie Oost", letter.facts().get("recipientOrganisation"));
        assertEquals("yes", letter.facts().get("bothGuardians"));
        assertEquals(Rule.G_10, refusedBy(LetterKind.CONSENT_REQUEST, "g1", received(RequestKind.PARENT_ACCESS,
                false)), "a guardian's own request asks no consent");
    }

    @Test
    void pa6_theExtensionNoticeCarriesTheNewDateAndTheRecordedReason() {
        RequestReceived apart = received(RequestKind.PARENT_ACCESS, true);
        assertEquals(Rule.PA_6, refusedBy(LetterKind.EXTENSION_NOTICE, null, apart), "not extended");
        learned = new Letters.Learned(LocalDate.of(2027, 1, 23), List.of(new Letters.Extension(1,
                LocalDate.of(2027, 1, 23), "Een deel ligt bij de vorige school")), Map.of());
        Letters.Letter letter = compose(LetterKind.EXTENSION_NOTICE, null, apart);
        assertEquals("23 januari 2027", letter.facts().get("newDueOn"));
        assertEquals("Een deel ligt bij de vorige school", letter.facts().get("reason"));
        assertEquals("eerste", letter.facts().get("number"));
    }

    @Test
    void oso5_theInvitationToSeeTheTransferFileGoesToAGuardianWithAuthority() {
        assertEquals(Rule.OSO_5, refusedBy(LetterKind.TRANSFER_FILE_INVITATION, null,
                received(RequestKind.PARENT_ACCESS, false)), "only for a transfer");
        Letters.Letter letter = compose(LetterKind.TRANSFER_FILE_INVITATION, null,
                received(RequestKind.SECONDARY_TRANSFER, false));
        assertEquals("g1", letter.recipientGuardianId());
        assertEquals("88ZZ", letter.facts().get("receivingSchool"));
        assertEquals("yes", letter.facts().get("secondary"));
    }
}
