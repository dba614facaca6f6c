package nl.pupildata.request.domain;

import nl.pupildata.rules.Rule;

import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.RuleViolation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.model.*;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    final IntakeRules rules = new IntakeRules(Set.of("gmail.com", "hotmail.com", "live.nl"));

    static Intake parentAccess() {
        return new Intake(RequestKind.PARENT_ACCESS, "12AB", TODAY.minusDays(1), ReceivedVia.EMAIL,
                new Intake.Pupil("P-1", "Sam de Vries", LocalDate.of(2017, 3, 1), 4, false),
                List.of(new Intake.Guardian("g1", "Anna de Vries", "anna@example.nl", true),
                        new Intake.Guardian("g2", "Bram de Vries", "bram@example.nl", true)),
                true, new Intake.Requester("g1", null, null, null, null), AccessMode.PDF_BY_SECURE_MAIL, null, null,
                null, null, null);
    }

    static Intake thirdParty(ThirdPartyTopic topic, ReceivedVia via, String email) {
        return new Intake(RequestKind.THIRD_PARTY, "12AB", TODAY, via,
                new Intake.Pupil("P-2", "Noor", LocalDate.of(2018, 1, 1), 3, false),
                List.of(new Intake.Guardian("g1", "Anna", "anna@example.nl", true)), false,
                new Intake.Requester(null, "Veilig Thuis Utrecht", "J. Jansen", email, null), null, topic, null, null,
                null, null);
    }

    static Intake supportFile(Map<String, String> fields) {
        return new Intake(RequestKind.SUPPORT_FILE, "12AB", TODAY, ReceivedVia.IN_PERSON,
                new Intake.Pupil("P-3", "Lin", LocalDate.of(2016, 5, 5), 6, false),
                List.of(new Intake.Guardian("g1", "Anna", "anna@example.nl", true, true)), false, null, null, null,
                null, null, null, fields);
    }

    @Test
    void swv2_everyGuardianWithAuthorityOnASupportFileHasACheckedEmailAddress() {
        Intake unchecked = new Intake(RequestKind.SUPPORT_FILE, "12AB", TODAY, ReceivedVia.IN_PERSON,
                new Intake.Pupil("P-3", "Lin", LocalDate.of(2016, 5, 5), 6, false),
                List.of(new Intake.Guardian("g1", "Anna", "anna@example.nl", true, true),
                        new Intake.Guardian("g2", "Bram", "bram@example.nl", true, false),
                        new Intake.Guardian("g3", "Cor", null, true, null),
                        new Intake.Guardian("g4", "Dirk", null, false, null)),
                true, null, null, null, null, null, null, Map.of());
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> rules.receive(UUID.randomUUID(), "kc@12AB", unchecked, TODAY));
        assertEquals(Rule.SWV_2, v.rule());
        assertEquals(List.of("guardians[1].emailChecked", "guardians[2].email"),
                v.fields().stream().map(RuleViolation.Field::field).toList(), "not the guardian without authority");
        assertEquals(RequestKind.SUPPORT_FILE,
                rules.receive(UUID.randomUUID(), "kc@12AB", supportFile(Map.of()), TODAY).kind());
    }

    @Test
    void pa1_aCompleteAccessRequestIsAccepted() {
        RequestReceived e = rules.receive(UUID.randomUUID(), "director@12AB", parentAccess(), TODAY);
        assertEquals(RequesterCategory.GUARDIAN, e.requesterCategory());
        assertEquals(AccessMode.PDF_BY_SECURE_MAIL, e.accessMode());
        assertEquals(List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), e.guardians());
    }

    @Test
    void pa1_anAccessRequestMissingItemsListsEveryMissingField() {
        Intake in = new Intake(RequestKind.PARENT_ACCESS, "12AB", TODAY, ReceivedVia.EMAIL,
                new Intake.Pupil("P-1", null, null, null, null),
                List.of(new Intake.Guardian("g1", null, null, true)), false,
                new Intake.Requester("g1", null, null, null, null), null, null, null, null, null, null);
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", in, TODAY));
        assertTrue(v.invalidInput());
        assertEquals(Rule.PA_1, v.rule());
        assertEquals(List.of("pupil.name", "pupil.dateOfBirth", "guardian.name", "guardian.email", "accessMode"),
                v.fields().stream().map(RuleViolation.Field::field).toList());
    }

    @Test
    void pa1_anAccessRequestByPhoneIsNotWritten() {
        Intake in = parentAccess();
        Intake byPhone = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), ReceivedVia.PHONE, in.pupil(),
                in.guardians(), in.guardiansLivingApart(), in.requester(), in.accessMode(), null, null, null, null, null);
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", byPhone, TODAY));
        assertEquals(Rule.PA_1, v.rule());
        assertFalse(v.invalidInput());
    }

    @Test
    void pa2_aPupilOf16OnTheReceiptDateIsRefused() {
        Intake in = parentAccess();
        LocalDate received = TODAY.minusDays(1);
        Intake sixteen = new Intake(in.kind(), in.schoolBrin(), received, in.receivedVia(),
                new Intake.Pupil("P-1", "Sam", received.minusYears(16), 8, true), in.guardians(),
                in.guardiansLivingApart(), in.requester(), in.accessMode(), null, null, null, null, null);
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", sixteen, TODAY));
        assertEquals(Rule.PA_2, v.rule());
        Intake oneDayYounger = new Intake(in.kind(), in.schoolBrin(), received, in.receivedVia(),
                new Intake.Pupil("P-1", "Sam", received.minusYears(16).plusDays(1), 8, true), in.guardians(),
                in.guardiansLivingApart(), in.requester(), in.accessMode(), null, null, null, null, null);
        assertNotNull(rules.receive(UUID.randomUUID(), "x", oneDayYounger, TODAY));
    }

    @Test
    void g8_aComplexQuestionFromAFreeMailAddressIsRefused() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x",
                thirdParty(ThirdPartyTopic.VEILIG_THUIS, ReceivedVia.EMAIL, "jansen@Gmail.com"), TODAY));
        assertEquals(Rule.G_8, v.rule());
        assertEquals("requester.email", v.fields().get(0).field());
    }

    @Test
    void g8_aComplexQuestionByPhoneIsRefused() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x",
                thirdParty(ThirdPartyTopic.CONTESTED_DIVORCE, ReceivedVia.PHONE, "j@vt.nl"), TODAY));
        assertEquals(Rule.G_8, v.rule());
    }

    @Test
    void g8_aComplexQuestionFromAWorkAddressIsAcceptedAndMarkedComplex() {
        RequestReceived e = rules.receive(UUID.randomUUID(), "x",
                thirdParty(ThirdPartyTopic.VEILIG_THUIS, ReceivedVia.EMAIL, "j.jansen@veiligthuisutrecht.nl"), TODAY);
        assertEquals(Complexity.COMPLEX, e.complexity());
    }

    @Test
    void g10_aStandardQuestionMayComeByPhone() {
        RequestReceived e = rules.receive(UUID.randomUUID(), "x",
                thirdParty(ThirdPartyTopic.SPEECH_THERAPY, ReceivedVia.PHONE, null), TODAY);
        assertEquals(Complexity.STANDARD, e.complexity());
    }

    @Test
    void swv4_aBsnAnywhereInASupportFileIsRefusedWithoutEchoingIt() {
        // 111222333 passes the eleven-test.
        assertTrue(NationalIds.isBsn("111222333"));
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x",
                supportFile(Map.of("hulpvraag", "Leerling (bsn 111.222.333) leest traag")), TODAY));
        assertEquals(Rule.SWV_4, v.rule());
        assertEquals("fields.hulpvraag", v.fields().get(0).field());
        assertFalse(v.getMessage().contains("111"));
        assertFalse(v.fields().toString().contains("111"));
    }

    @Test
    void swv4_anOnderwijsnummerIsRefusedToo_inEveryKindOfRequest() {
        Intake in = parentAccess();
        Intake withNumber = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), in.receivedVia(),
                new Intake.Pupil("1012.22.331", "Sam de Vries", LocalDate.of(2017, 3, 1), 4, false),
                in.guardians(), in.guardiansLivingApart(), in.requester(), in.accessMode(), in.topic(),
                in.receivingSchool(), in.warmHandover(), in.organisation(), in.fields());
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", withNumber,
                TODAY));
        assertEquals(Rule.SWV_4, v.rule());
        assertEquals("pupil.ref", v.fields().get(0).field());
        assertFalse(v.fields().toString().contains("1012"), "never echoed");
    }

    @Test
    void thePupilReferenceAndGuardianIdsAreOpaqueReferences_refusedWithoutEchoingThem() {
        Intake in = parentAccess();
        for (String ref : List.of("sam.devries@example.nl", "Sam de Vries", "=HYPERLINK(\"https://x.example\")",
                "P".repeat(41))) {
            Intake bad = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), in.receivedVia(),
                    new Intake.Pupil(ref, "Sam de Vries", LocalDate.of(2017, 3, 1), 4, false), in.guardians(),
                    in.guardiansLivingApart(), in.requester(), in.accessMode(), in.topic(), in.receivingSchool(),
                    in.warmHandover(), in.organisation(), in.fields());
            RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", bad,
                    TODAY), ref);
            assertEquals(List.of("pupil.ref"), v.fields().stream().map(RuleViolation.Field::field).toList(), ref);
            assertFalse(v.fields().toString().contains(ref.substring(0, 5)), "never echoed: " + ref);
        }
        Intake namedGuardian = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), in.receivedVia(), in.pupil(),
                List.of(new Intake.Guardian("Anna de Vries", "Anna de Vries", "anna@example.nl", true)), false,
                new Intake.Requester("Anna de Vries", null, null, null, null), in.accessMode(), null, null, null, null,
                null);
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", namedGuardian,
                TODAY));
        assertTrue(v.fields().stream().anyMatch(f -> f.field().equals("guardians[0].id")), v.fields().toString());
    }

    @Test
    void swv4_nineDigitsThatFailTheElevenTestAreNoBsn() {
        assertFalse(NationalIds.isBsn("123456789"));
        assertNotNull(rules.receive(UUID.randomUUID(), "x",
                supportFile(Map.of("telefoon", "ticket 123456789", "hulpvraag", "leest traag")), TODAY));
    }

    @Test
    void plainValidation_brinFutureDatesUnknownGuardianAndEmail() {
        Intake in = parentAccess();
        Intake bad = new Intake(in.kind(), "12-AB", TODAY.plusDays(1), in.receivedVia(), in.pupil(),
                List.of(new Intake.Guardian("g1", "Anna", "not-an-email", true)), true,
                new Intake.Requester("g9", null, null, null, null), in.accessMode(), null, null, null, null, null);
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", bad, TODAY));
        assertTrue(v.invalidInput());
        List<String> fields = v.fields().stream().map(RuleViolation.Field::field).toList();
        assertTrue(fields.containsAll(List.of("schoolBrin", "receivedOn", "guardians[0].email", "requester.guardianId")),
                fields.toString());
    }

    @Test
    void aControlCharacterInAnyTypedTextIsRefusedNamingTheField_becausePostgresCannotStoreANul() {
        // Found by BadInputTest (seed 10961280278199): a NUL in the requester's name reached the database as a 500.
        Intake in = thirdParty(ThirdPartyTopic.DYSLEXIA_CARE, ReceivedVia.EMAIL, "j@zorg.nl");
        Intake bad = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), in.receivedVia(),
                new Intake.Pupil("P-2", "No\u0000or", LocalDate.of(2018, 1, 1), 3, false), in.guardians(),
                in.guardiansLivingApart(), new Intake.Requester(null, "Veilig Thuis", "J.\u0007Jansen", null, null),
                null, in.topic(), null, null, null, Map.of("hulpvraag", "lezen\u0000"));
        RuleViolation v = assertThrows(RuleViolation.class, () -> rules.receive(UUID.randomUUID(), "x", bad, TODAY));
        assertTrue(v.invalidInput());
        assertEquals(List.of("pupil.name", "requester.name", "fields.hulpvraag"),
                v.fields().stream().map(RuleViolation.Field::field).toList());
        assertEquals("bevat onzichtbare tekens", v.fields().get(0).message());
        Intake lineBreaks = new Intake(in.kind(), in.schoolBrin(), in.receivedOn(), in.receivedVia(), in.pupil(),
                in.guardians(), in.guardiansLivingApart(), in.requester(), null, in.topic(), null, null, null,
                Map.of("hulpvraag", "lezen\r\nen\tspellen"));
        assertNotNull(rules.receive(UUID.randomUUID(), "x", lineBreaks, TODAY), "line breaks and tabs are text");
    }
}
