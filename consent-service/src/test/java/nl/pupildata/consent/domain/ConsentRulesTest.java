package nl.pupildata.consent.domain;

import nl.pupildata.rules.Rule;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.rules.RuleViolation;
import org.junit.jupiter.api.Test;

/** given(events) / when(command) / then(events or a rule). */
class ConsentRulesTest {

    static final UUID ID = UUID.randomUUID();
    final List<PupilDataEvent> history = new ArrayList<>();
    /** Whether the QUALITY_OFFICER answered a consultation on the request (request-service's event). */
    boolean advised;

    static RequestReceived received(RequestKind kind, boolean apart, GuardianRef... guardians) {
        return new RequestReceived(ID, "director@12AB", "12AB", kind, LocalDate.of(2026, 11, 2), ReceivedVia.EMAIL,
                "P-1", 4, false, List.of(guardians), apart, RequesterCategory.EXTERNAL_PROFESSIONAL, null, null,
                ThirdPartyTopic.SPEECH_THERAPY, Complexity.STANDARD, null, null);
    }

    /** The request received, and (G-10) every guardian asked for consent, told what will be given. */
    void given(RequestReceived r) {
        history.add(ConsentRules.requirementFor(r));
        r.guardians().forEach(g -> history.add(new ConsentRequested(ID, "coordinator@12AB", g.id(),
                "Spraak- en taalontwikkeling")));
    }

    List<ConsentEvent> when(ConsentRules.Command c) {
        return when(c, RequestKind.THIRD_PARTY);
    }

    List<ConsentEvent> when(ConsentRules.Command c, RequestKind kind) {
        List<ConsentEvent> events = ConsentRules.decide(c, ConsentState.replay(history), kind, "coordinator@12AB",
                advised);
        history.addAll(events);
        return events;
    }

    static List<String> types(List<ConsentEvent> events) {
        return events.stream().map(e -> EventType.of(e).typeName()).toList();
    }

    static ConsentRules.Grant grant(String g) {
        return new ConsentRules.Grant(g, ConsentEvidence.EMAIL, "mail-" + g);
    }

    @Test
    void g4_guardiansApart_oneYesIsNotEnough_bothIs_andAWithdrawalLapses() {
        given(received(RequestKind.THIRD_PARTY, true, new GuardianRef("g1", true), new GuardianRef("g2", true)));
        assertEquals(ConsentRequirement.ALL_WITH_AUTHORITY, ((ConsentRequirementDetermined) history.get(0)).requirement());
        assertEquals(List.of("ConsentGranted"), types(when(grant("g1"))));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g2"))));
        assertEquals(List.of("ConsentWithdrawn", "ConsentLapsed"), types(when(new ConsentRules.Withdraw("g1"))));
        assertFalse(ConsentState.replay(history).satisfied());
    }

    @Test
    void g10_aGrantCountsOnlyAfterTheGuardianWasAskedAndToldWhatKindOfInformation() {
        history.add(ConsentRules.requirementFor(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true))));
        RuleViolation v = assertThrows(RuleViolation.class, () -> when(grant("g1")));
        assertEquals(Rule.G_10, v.rule());
        assertEquals(Rule.G_10, assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Ask("g1", " "))).rule(), "what kind of information");
        assertEquals(List.of("ConsentRequested"), types(when(new ConsentRules.Ask("g1", "Leesresultaten groep 4"))));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g1"))));
    }

    @Test
    void g10_aTransferFilesConsentIsAskedByItsOwnEmail_notFirstRecordedHere() {
        history.add(ConsentRules.requirementFor(received(RequestKind.SCHOOL_TRANSFER, false,
                new GuardianRef("g1", true))));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"),
                types(when(grant("g1"), RequestKind.SCHOOL_TRANSFER)));
    }

    List<ConsentEvent> corrected(boolean apart, GuardianRef... guardians) {
        List<ConsentEvent> events = ConsentRules.redetermine(ConsentState.replay(history), RequestKind.THIRD_PARTY,
                new GuardiansCorrected(ID, "director@12AB", List.of(guardians), apart));
        history.addAll(events);
        return events;
    }

    @Test
    void g4_g5_aConsentOfSomeoneWhoNoLongerHasAuthorityStopsCounting() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true), new GuardianRef("g2", true)));
        when(grant("g2"));
        assertEquals(List.of("ConsentRequirementDetermined", "ConsentLapsed"),
                types(corrected(false, new GuardianRef("g1", true), new GuardianRef("g2", false))));
        assertEquals("g2", ((ConsentLapsed) history.get(history.size() - 1)).guardianId());
        assertEquals(Rule.G_4, assertThrows(RuleViolation.class, () -> when(grant("g2"))).rule());
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g1"))));
    }

    @Test
    void g4_guardiansFoundToLiveApartAfterIntake_nowBothMustConsent() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true), new GuardianRef("g2", true)));
        when(grant("g1"));
        assertTrue(ConsentState.replay(history).satisfied());
        List<ConsentEvent> events = corrected(true, new GuardianRef("g1", true), new GuardianRef("g2", true));
        assertEquals(ConsentRequirement.ALL_WITH_AUTHORITY, ((ConsentRequirementDetermined) events.get(0)).requirement());
        assertEquals("g2", ((ConsentLapsed) events.get(1)).guardianId(), "whose consent is now missing");
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g2"))));
        assertEquals(List.of("ConsentRequirementDetermined"),
                types(corrected(true, new GuardianRef("g1", true), new GuardianRef("g2", true))), "no change, no lapse");
    }

    @Test
    void swv5_theNextSchoolsContactNeedsAConsentOfItsOwn_askedFirst_apartFromTheSupportFilesConsent() {
        history.add(ConsentRules.requirementFor(received(RequestKind.SUPPORT_FILE, true, new GuardianRef("g1", true),
                new GuardianRef("g2", true))));
        ConsentPurpose contact = ConsentPurpose.NEXT_SCHOOL_CONTACT;
        assertEquals(List.of("ConsentGranted"), types(when(grant("g1"), RequestKind.SUPPORT_FILE)));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g2"), RequestKind.SUPPORT_FILE)));
        assertFalse(ConsentState.replay(history).satisfied(contact), "the support file's consent does not cover it");
        ConsentRules.Grant g1 = new ConsentRules.Grant("g1", ConsentEvidence.EMAIL, "mail", contact);
        assertEquals(Rule.SWV_5, assertThrows(RuleViolation.class, () -> when(g1, RequestKind.SUPPORT_FILE)).rule(),
                "asked first");
        when(new ConsentRules.Ask("g1", "Contactpersoon van het Stadslyceum toevoegen", contact), RequestKind.SUPPORT_FILE);
        when(new ConsentRules.Ask("g2", "Contactpersoon van het Stadslyceum toevoegen", contact), RequestKind.SUPPORT_FILE);
        assertEquals(List.of("ConsentGranted"), types(when(g1, RequestKind.SUPPORT_FILE)), "apart: both");
        List<ConsentEvent> both = when(new ConsentRules.Grant("g2", ConsentEvidence.SIGNATURE, "formulier", contact),
                RequestKind.SUPPORT_FILE);
        assertEquals(contact, ((ConsentSatisfied) both.get(1)).purpose());
        List<ConsentEvent> withdrawn = when(new ConsentRules.Withdraw("g1", contact), RequestKind.SUPPORT_FILE);
        assertEquals(contact, ((ConsentLapsed) withdrawn.get(1)).purpose());
        assertTrue(ConsentState.replay(history).satisfied(), "the support file's own consent stands");
        assertEquals(Rule.SWV_5, assertThrows(RuleViolation.class, () -> when(new ConsentRules.Ask("g1", "x", contact),
                RequestKind.THIRD_PARTY)).rule(), "only for a support file");
    }

    @Test
    void g4_guardiansTogether_oneWithAuthoritySuffices() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true), new GuardianRef("g2", true)));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g2"))));
        // A second grant is no new transition.
        assertEquals(List.of("ConsentGranted"), types(when(grant("g1"))));
    }

    @Test
    void g4_aGuardianWithoutAuthorityCanNeitherGiveNorBlock() {
        given(received(RequestKind.THIRD_PARTY, true, new GuardianRef("g1", true), new GuardianRef("g2", false)));
        RuleViolation v = assertThrows(RuleViolation.class, () -> when(grant("g2")));
        assertEquals(Rule.G_4, v.rule());
        assertThrows(RuleViolation.class, () -> when(new ConsentRules.Refuse("g2")));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g1"))));
    }

    @Test
    void g4_anUnknownGuardianIsRefused() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.G_4, assertThrows(RuleViolation.class, () -> when(grant("g7"))).rule());
    }

    @Test
    void g4_noConsentNeededForAGuardiansOwnAccessRequest() {
        given(received(RequestKind.PARENT_ACCESS, true, new GuardianRef("g1", true)));
        assertEquals(ConsentRequirement.NONE, ConsentState.replay(history).requirement());
        assertTrue(ConsentState.replay(history).satisfied());
    }

    @Test
    void g5_aGrantAfterAWithdrawalCountsAgain() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        when(grant("g1"));
        when(new ConsentRules.Withdraw("g1"));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g1"))));
    }

    @Test
    void g5_nothingToWithdrawWithoutAGrant() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.G_5, assertThrows(RuleViolation.class, () -> when(new ConsentRules.Withdraw("g1"))).rule());
    }

    @Test
    void refusalFollowedByALaterGrant() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(List.of("ConsentRefused"), types(when(new ConsentRules.Refuse("g1"))));
        assertEquals(List.of("ConsentGranted", "ConsentSatisfied"), types(when(grant("g1"))));
    }

    @Test
    void g3_aGrantNeedsWrittenEvidenceWithAReference() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Grant("g1", ConsentEvidence.SIGNATURE, " ")));
        assertEquals(Rule.G_3, v.rule());
        assertTrue(v.invalidInput());
    }

    @Test
    void g10_aConsentRequestSaysWhatKindOfInformation() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.G_10, assertThrows(RuleViolation.class, () -> when(new ConsentRules.Ask("g1", ""))).rule());
        assertEquals(List.of("ConsentRequested"),
                types(when(new ConsentRules.Ask("g1", "Leesniveau en toetsresultaten voor de logopedist"))));
    }

    @Test
    void whatGoesIntoTheEventIsBoundedAndNamesNoOne() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Ask("g1", "Leesniveau, voor logopedist a.smit@praktijk.nl")));
        assertNull(v.rule(), "plain validation (400)");
        assertEquals("informationDescription", v.fields().get(0).field());
        assertFalse(v.fields().toString().contains("a.smit"), "never echoed");
        assertEquals("evidenceRef", assertThrows(RuleViolation.class, () -> when(new ConsentRules.Grant("g1",
                ConsentEvidence.EMAIL, "x".repeat(1001)))).fields().get(0).field());
    }

    @Test
    void swv4_noNationalNumberInWhatStaffType() {
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.SWV_4, assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Ask("g1", "Toetsen van leerling 1012 22 331"))).rule());
        assertEquals(Rule.SWV_4, assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Grant("g1", ConsentEvidence.EMAIL, "mail over bsn 111222333"))).rule());
    }

    @Test
    void g9_aSafeguardingExemptionNeedsTheQualityOfficersAnsweredConsultation() {
        given(received(RequestKind.THIRD_PARTY, true, new GuardianRef("g1", true), new GuardianRef("g2", true)));
        RuleViolation v = assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Exempt(ExemptionGround.SAFEGUARDING, "Duidelijke signalen")));
        assertEquals(Rule.G_9, v.rule());
        assertEquals(List.of("consultations"), v.fields().stream().map(RuleViolation.Field::field).toList());
        advised = true;
        assertEquals(Rule.G_9, assertThrows(RuleViolation.class,
                () -> when(new ConsentRules.Exempt(ExemptionGround.SAFEGUARDING, " "))).rule(), "a reason");
        assertEquals(List.of("ConsentExemptionGranted", "ConsentSatisfied"), types(when(
                new ConsentRules.Exempt(ExemptionGround.SAFEGUARDING, "Duidelijke signalen"))));
    }

    @Test
    void g9_neverForResearch_norWhereNoConsentIsNeeded() {
        advised = true;
        given(received(RequestKind.RESEARCH, false, new GuardianRef("g1", true)));
        assertEquals(Rule.G_9, assertThrows(RuleViolation.class, () -> when(
                new ConsentRules.Exempt(ExemptionGround.SAFEGUARDING, "Signalen"), RequestKind.RESEARCH)).rule());
        history.clear();
        given(received(RequestKind.OUTGOING_INQUIRY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.G_9, assertThrows(RuleViolation.class, () -> when(
                new ConsentRules.Exempt(ExemptionGround.SAFEGUARDING, "Signalen"), RequestKind.OUTGOING_INQUIRY))
                .rule(), "the school's own inquiry needs no consent to skip");
    }

    @Test
    void oso4_theStatutoryExemptionOnlyForTransfersAndAfterTheAnsweredConsultation() {
        advised = true;
        given(received(RequestKind.THIRD_PARTY, false, new GuardianRef("g1", true)));
        assertEquals(Rule.OSO_4, assertThrows(RuleViolation.class, () -> when(
                new ConsentRules.Exempt(ExemptionGround.STATUTORY_TRANSFER, "wettelijk deel"))).rule());
        history.clear();
        advised = false;
        given(received(RequestKind.SCHOOL_TRANSFER, false, new GuardianRef("g1", true)));
        assertEquals(Rule.OSO_4, assertThrows(RuleViolation.class, () -> when(
                new ConsentRules.Exempt(ExemptionGround.STATUTORY_TRANSFER, "wettelijk deel"),
                RequestKind.SCHOOL_TRANSFER)).rule());
        advised = true;
        assertEquals(List.of("ConsentExemptionGranted", "ConsentSatisfied"), types(when(
                new ConsentRules.Exempt(ExemptionGround.STATUTORY_TRANSFER, "wettelijk deel"),
                RequestKind.SCHOOL_TRANSFER)));
    }
}
