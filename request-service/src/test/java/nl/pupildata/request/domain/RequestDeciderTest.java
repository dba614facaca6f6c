package nl.pupildata.request.domain;

import nl.pupildata.rules.Rule;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.request.domain.RequestCommand.*;
import nl.pupildata.rules.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** given(events) / when(command, facts) / then(events or the rule that says no) — one test per rule id. */
class RequestDeciderTest {

    static final UUID ID = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String ME = "director@12AB";

    final List<PupilDataEvent> history = new ArrayList<>();
    boolean consent;
    boolean lapsed;
    ExemptionGround exemption;
    Set<String> consentHandledBy = Set.of();
    boolean contactConsent;
    java.util.Map<String, String> emails = java.util.Map.of("g1", "anna@example.nl", "g2", "bram@example.nl");
    Set<String> roles = Set.of("DIRECTOR");

    static RequestReceived received(RequestKind kind, boolean apart, AccessMode mode, ThirdPartyTopic topic,
            Integer group, boolean doorstroomtoets, Boolean warmHandover) {
        return new RequestReceived(ID, ME, "12AB", kind, TODAY.minusDays(3), ReceivedVia.EMAIL, "P-1", group,
                doorstroomtoets, List.of(new GuardianRef("g1", true), new GuardianRef("g2", true),
                        new GuardianRef("g3", false)), apart,
                RequesterCategory.GUARDIAN, kind == RequestKind.PARENT_ACCESS ? "g1" : null, mode, topic,
                topic == null ? null : topic.complexity(), null, warmHandover);
    }

    RequestDeciderTest given(PupilDataEvent... events) {
        history.addAll(List.of(events));
        return this;
    }

    List<RequestEvent> when(RequestCommand command) {
        return when(command, ME);
    }

    List<RequestEvent> when(RequestCommand command, String actor) {
        HandlingFacts facts = new HandlingFacts(TODAY, actor, roles, consent, lapsed, contactConsent, exemption,
                consentHandledBy, emails,
                HandlingFacts.BoardPolicy.DEFAULT);
        List<RequestEvent> events = RequestDecider.decide(command, RequestState.replay(history), facts);
        history.addAll(events);
        return events;
    }

    Rule refusedBy(RequestCommand command) {
        return assertThrows(RuleViolation.class, () -> when(command)).rule();
    }

    Rule refusedBy(RequestCommand command, String actor) {
        return assertThrows(RuleViolation.class, () -> when(command, actor)).rule();
    }

    /** An officer asked and answering, as themselves. */
    void consulted(Consultation officer) {
        UUID id = UUID.randomUUID();
        when(new AskConsultation(id, officer, "Wat is uw advies?"));
        Set<String> mine = roles;
        roles = Set.of(officer.name());
        when(new AnswerConsultation(id, "Advies gegeven", TODAY), officer.name().toLowerCase() + "@board");
        roles = mine;
    }

    static Share share(ShareChannel channel) {
        return attested(channel, null, true, null, null);
    }

    /** A share with nothing attested. */
    static Share bare(ShareChannel channel, String recipient) {
        return new Share(channel, recipient, null, null, null);
    }

    /** A share with every attestation given, so that a test meets the rule it is about. */
    static Share attested(ShareChannel channel, String recipient, Boolean callbackVerified, List<String> staffPresent,
            List<Section> sections) {
        return new Share(channel, recipient, callbackVerified, staffPresent, sections, true, true, true, true,
                List.of(SupportCategory.SUPPORT_QUESTION), true, null);
    }

    static Section section(OsoSection s) {
        return new Section(s, null, null, null, null, null, null, null);
    }

    @Nested
    class ParentAccess {
        RequestReceived apart = received(RequestKind.PARENT_ACCESS, true, AccessMode.PDF_BY_SECURE_MAIL, null, 4,
                false, null);

        RequestAcknowledged acknowledged = new RequestAcknowledged(ID, ME, TODAY.plusDays(7), true);

        @Test
        void pa3_theAcknowledgementPromisesADateWithinTheTerm_andWhenApartTellsOfTheOtherGuardian() {
            given(apart); // received three days ago: the term ends in 25 days
            assertEquals(Rule.PA_3, refusedBy(new Acknowledge(null)));
            assertEquals(Rule.PA_3, refusedBy(new Acknowledge(TODAY.minusDays(1))));
            assertEquals(Rule.PA_3, refusedBy(new Acknowledge(TODAY.plusDays(26), true)), "after the due date");
            assertEquals(Rule.PA_3, refusedBy(new Acknowledge(TODAY.plusDays(14))), "apart: the other guardian");
            RequestAcknowledged a = (RequestAcknowledged) when(new Acknowledge(TODAY.plusDays(25), true)).get(0);
            assertTrue(a.otherGuardiansMentioned());
        }

        @Test
        void pa3_aGuardiansRequestIsNotClosedWithoutAnAcknowledgement() {
            given(received(RequestKind.PARENT_ACCESS, false, AccessMode.PDF_BY_SECURE_MAIL, null, 4, false, null),
                    new DossierReviewed(ID, ME, true, true),
                    new InformationShared(ID, ME, ShareChannel.SECURE_MAIL, TODAY, List.of(), null));
            assertEquals(Rule.PA_3, refusedBy(new Close()));
            when(new Acknowledge(TODAY.plusDays(7))); // together: nobody else to mention
            assertInstanceOf(RequestClosed.class, when(new Close()).get(0));
        }

        @Test
        void pa7_noReleaseBeforeTheDossierWasReviewed() {
            given(apart);
            assertEquals(Rule.PA_7, refusedBy(attested(ShareChannel.SECURE_MAIL, "anna@example.nl", null, null, null)));
            assertEquals(Rule.PA_7, refusedBy(new Review(true, false)));
            when(new Review(true, true));
            assertInstanceOf(InformationShared.class,
                    when(attested(ShareChannel.SECURE_MAIL, "anna@example.nl", null, null, null)).get(0));
        }

        @Test
        void g7_otherPupilsMustBeMadeUnreadableInTheReview() {
            given(apart);
            assertEquals(Rule.G_7, refusedBy(new Review(false, true)));
        }

        @Test
        void pa8_secureMailOnlyToTheRequestsOwnVerifiedAddress() {
            given(apart, new DossierReviewed(ID, ME, true, true));
            assertEquals(Rule.PA_8, refusedBy(attested(ShareChannel.SECURE_MAIL, "anna.private@gmail.com", null, null,
                    null)));
            assertEquals(Rule.G_13, refusedBy(share(ShareChannel.PHONE)));
            assertEquals(Rule.PA_8, refusedBy(new ConfirmDelivery()), "no delivery to confirm yet");
            when(attested(ShareChannel.SECURE_MAIL, " ANNA@example.nl ", null, null, null));
            assertInstanceOf(DeliveryConfirmed.class, when(new ConfirmDelivery()).get(0));
        }

        @Test
        void pa9_closureWaitsForEveryOtherGuardianWithAuthorityWhenApart() {
            given(apart, acknowledged, new DossierReviewed(ID, ME, true, true),
                    new InformationShared(ID, ME, ShareChannel.SECURE_MAIL, TODAY, List.of(), null));
            assertEquals(Rule.PA_9, refusedBy(new Close()));
            assertEquals(Rule.PA_9, refusedBy(new NotifyOtherGuardian("g3")), "g3 has no authority");
            assertEquals(Rule.PA_9, refusedBy(new NotifyOtherGuardian("g1")), "g1 asked");
            when(new NotifyOtherGuardian("g2"));
            assertInstanceOf(RequestClosed.class, when(new Close()).get(0));
        }

        @Test
        void pa9_afterTheNoticeTheOtherGuardianCanBeSentTheSameDossierToTheirOwnAddress() {
            given(apart, acknowledged, new DossierReviewed(ID, ME, true, true),
                    new InformationShared(ID, ME, ShareChannel.SECURE_MAIL, TODAY, List.of(), null));
            Share toBram = new Share(ShareChannel.SECURE_MAIL, "bram@example.nl", null, null, null, null, true, null,
                    null, null, null, "g2");
            assertEquals(Rule.PA_9, refusedBy(toBram), "not told yet");
            when(new NotifyOtherGuardian("g2"));
            assertEquals(Rule.PA_9, refusedBy(new Share(ShareChannel.SECURE_MAIL, "anna@example.nl", null, null, null,
                    null, true, null, null, null, null, "g2")), "to their own address");
            assertEquals(Rule.PA_9, refusedBy(new Share(ShareChannel.SECURE_MAIL, "x@example.nl", null, null, null,
                    null, true, null, null, null, null, "g3")), "g3 has no authority");
            assertInstanceOf(InformationShared.class, when(toBram).get(0));
            assertInstanceOf(RequestClosed.class, when(new Close()).get(0));
        }

        @Test
        void g4_theGuardiansAreCorrectedAfterIntakeByTheDirectorOrKc_andPa9FollowsTheCorrection() {
            given(apart, acknowledged, new DossierReviewed(ID, ME, true, true),
                    new InformationShared(ID, ME, ShareChannel.SECURE_MAIL, TODAY, List.of(), null));
            List<Intake.Guardian> corrected = List.of(new Intake.Guardian("g1", "Anna", "anna@example.nl", true),
                    new Intake.Guardian("g2", "Bram", "bram@example.nl", false));
            roles = Set.of("ADMIN_STAFF");
            assertEquals(Rule.G_4, refusedBy(new CorrectGuardians(corrected, true)), "the director or KC");
            roles = Set.of("QUALITY_COORDINATOR");
            RuleViolation incomplete = assertThrows(RuleViolation.class, () -> when(new CorrectGuardians(
                    List.of(new Intake.Guardian("g1", "Anna", "anna@", null)), null)));
            assertEquals(List.of("guardiansLivingApart", "guardians[0].hasAuthority", "guardians[0].email"),
                    incomplete.fields().stream().map(RuleViolation.Field::field).toList());
            assertEquals(Rule.G_4, refusedBy(new CorrectGuardians(List.of(corrected.get(1)), true)), "the requester");
            assertEquals(Rule.PA_9, refusedBy(new Close()), "g2 must still be told");
            GuardiansCorrected g = (GuardiansCorrected) when(new CorrectGuardians(corrected, true)).get(0);
            assertEquals(List.of(new GuardianRef("g1", true), new GuardianRef("g2", false)), g.guardians());
            assertInstanceOf(RequestClosed.class, when(new Close()).get(0), "g2 has no authority after all");
        }

        @Test
        void pa9_guardiansTogetherNeedNoNotice() {
            given(received(RequestKind.PARENT_ACCESS, false, AccessMode.PDF_BY_SECURE_MAIL, null, 4, false, null),
                    acknowledged, new DossierReviewed(ID, ME, true, true),
                    new InformationShared(ID, ME, ShareChannel.SECURE_MAIL, TODAY, List.of(), null));
            assertInstanceOf(RequestClosed.class, when(new Close()).get(0));
        }

        @Test
        void pa4_anAccessRequestIsClosedOnlyOnceAnswered() {
            given(apart, acknowledged);
            assertEquals(Rule.PA_4, refusedBy(new Close()));
        }

        @Test
        void g13_theDossierByMailIsThePdfExportedFromThePupilAdministration() {
            given(apart, new DossierReviewed(ID, ME, true, true));
            RuleViolation v = assertThrows(RuleViolation.class,
                    () -> when(bare(ShareChannel.SECURE_MAIL, "anna@example.nl")));
            assertEquals(Rule.G_13, v.rule());
            assertEquals("exportedFromPupilAdministration", v.fields().get(0).field());
        }

        @Test
        void pa10_inspectionAtSchool_twoStaffWithTheDirectorOrKc_dossierOpen_neverAlone() {
            given(received(RequestKind.PARENT_ACCESS, false, AccessMode.INSPECTION_AT_SCHOOL, null, 4, false, null),
                    new DossierReviewed(ID, ME, true, true));
            assertEquals(Rule.PA_10, refusedBy(attested(ShareChannel.INSPECTION_AT_SCHOOL, null, null,
                    List.of("J. Bakker", " j. bakker "), null)));
            RuleViolation notAttested = assertThrows(RuleViolation.class, () -> when(new Share(
                    ShareChannel.INSPECTION_AT_SCHOOL, null, null, List.of("J. Bakker", "S. Yilmaz"), null)));
            assertEquals(Rule.PA_10, notAttested.rule());
            assertEquals(List.of("dossierOpenOnPupil", "neverLeftAlone"), notAttested.fields().stream()
                    .map(RuleViolation.Field::field).toList());
            roles = Set.of("ADMIN_STAFF");
            assertEquals(Rule.PA_10, refusedBy(attested(ShareChannel.INSPECTION_AT_SCHOOL, null, null,
                    List.of("J. Bakker", "S. Yilmaz"), null)), "the director or the KC is there and records it");
            roles = Set.of("QUALITY_COORDINATOR");
            assertEquals(Rule.PA_1, refusedBy(attested(ShareChannel.SECURE_MAIL, "anna@example.nl", null, null, null)),
                    "the guardian chose inspection at school");
            assertInstanceOf(InformationShared.class, when(attested(ShareChannel.INSPECTION_AT_SCHOOL, null, null,
                    List.of("J. Bakker", "S. Yilmaz"), null)).get(0));
        }

        @Test
        void pa11_correctionsNeedADescription_statementsAlwaysWelcome() {
            given(apart);
            assertEquals(Rule.PA_11, refusedBy(new RequestCorrection(" ")));
            assertInstanceOf(CorrectionRequested.class, when(new RequestCorrection("Verkeerde geboortedatum")).get(0));
            assertInstanceOf(StatementAdded.class, when(new AddStatement()).get(0));
        }

        @Test
        void pa11_aCorrectionGetsAnOutcome_decidedByTheDirectorOrKc_withAReasonWhenNotMade() {
            given(apart);
            assertEquals(Rule.PA_11, refusedBy(new DecideCorrection(CorrectionOutcome.MADE, null)), "nothing asked");
            when(new RequestCorrection("De geboortedatum klopt niet"));
            assertEquals(Rule.PA_11, refusedBy(new DecideCorrection(CorrectionOutcome.REFUSED, " ")), "a reason");
            roles = Set.of("ADMIN_STAFF");
            assertEquals(Rule.PA_11, refusedBy(new DecideCorrection(CorrectionOutcome.MADE, null)), "not office staff");
            roles = Set.of("QUALITY_COORDINATOR");
            DecideCorrection partly = new DecideCorrection(CorrectionOutcome.PARTLY_MADE, "Datum aangepast; het "
                    + "verslag blijft, de zienswijze is toegevoegd");
            CorrectionDecided d = (CorrectionDecided) when(partly).get(0);
            assertEquals(CorrectionOutcome.PARTLY_MADE, d.outcome());
            assertEquals(partly.reason(), partly.note(), "the reason stays in request-service");
            assertEquals(Rule.PA_11, refusedBy(new DecideCorrection(CorrectionOutcome.MADE, null)), "decided already");
            assertInstanceOf(StatementAdded.class, when(new AddStatement()).get(0), "the guardian's statement");
        }

        @Test
        void pa12_refusingAccessNeedsBothOfficersToHaveAnswered_andTheDirectorsOwnDecision() {
            given(apart);
            assertEquals(Rule.PA_12, refusedBy(new Refuse(true, null)), "a reason");
            assertEquals(Rule.PA_12, refusedBy(new Refuse(true, "Veiligheid")), "nobody consulted");
            UUID safeguarding = UUID.randomUUID();
            when(new AskConsultation(safeguarding, Consultation.SAFEGUARDING_OFFICER, "Signalen thuis?"));
            assertEquals(Rule.PA_12, refusedBy(new Refuse(true, "Veiligheid")), "asked is not answered");
            roles = Set.of("QUALITY_OFFICER");
            assertEquals(Rule.G_11, refusedBy(new AnswerConsultation(safeguarding, "Ja", TODAY), "officer@board"),
                    "only the officer asked answers");
            roles = Set.of("SAFEGUARDING_OFFICER");
            ConsultationAnswered answered = (ConsultationAnswered) when(new AnswerConsultation(safeguarding,
                    "Duidelijke signalen; niet alles delen", TODAY), "aandacht@12AB").get(0);
            assertEquals(Consultation.SAFEGUARDING_OFFICER, answered.officer());
            assertThrows(RequestDecider.NotAllowedInState.class,
                    () -> when(new AnswerConsultation(safeguarding, "Nog eens", TODAY), "aandacht@12AB"));
            assertEquals(Rule.G_11, refusedBy(new AnswerConsultation(UUID.randomUUID(), "?", TODAY)), "unknown");
            roles = Set.of("DIRECTOR");
            assertEquals(Rule.PA_12, refusedBy(new Refuse(true, "Veiligheid")), "the quality officer not yet");
            consulted(Consultation.QUALITY_OFFICER);
            roles = Set.of("QUALITY_OFFICER");
            assertEquals(Rule.G_11, refusedBy(new Refuse(true, "Veiligheid"), "officer@board"), "the director decides");
            roles = Set.of("DIRECTOR");
            RequestRefused r = (RequestRefused) when(new Refuse(true, "Veiligheid van het kind")).get(0);
            assertEquals(List.of(Consultation.SAFEGUARDING_OFFICER, Consultation.QUALITY_OFFICER), r.consulted());
            assertTrue(r.partial());
            assertEquals(RequestStatus.IN_PROGRESS, RequestState.replay(history).status(), "a partial refusal goes on");
        }

        @Test
        void aConsultationNeedsItsOfficerAndQuestion_andTheAdviceItsDate() {
            given(apart);
            RuleViolation missing = assertThrows(RuleViolation.class,
                    () -> when(new AskConsultation(UUID.randomUUID(), null, " ")));
            assertEquals(List.of("officer", "question"), missing.fields().stream().map(RuleViolation.Field::field)
                    .toList());
            UUID id = UUID.randomUUID();
            when(new AskConsultation(id, Consultation.QUALITY_OFFICER, "Weigeren?"));
            roles = Set.of("QUALITY_OFFICER");
            assertEquals(Rule.G_11, refusedBy(new AnswerConsultation(id, "Later", TODAY.plusDays(1))), "not ahead");
        }

        @Test
        void whatAStepPutsInItsEventIsNarrow_referencesAndReasonsThatNameNoOne() {
            given(apart);
            RuleViolation v = assertThrows(RuleViolation.class,
                    () -> when(new Refuse(true, "Zie de mail van vader, b.devries@example.nl")));
            assertEquals("reason", v.fields().get(0).field());
            assertFalse(v.fields().toString().contains("b.devries"), "never echoed");
            assertEquals("reason", assertThrows(RuleViolation.class, () -> when(new Refuse(true, "x".repeat(1001))))
                    .fields().get(0).field());
            assertEquals("guardianId", assertThrows(RuleViolation.class,
                    () -> when(new NotifyOtherGuardian("Bram de Vries"))).fields().get(0).field());
        }

        @Test
        void whatStaffTypeInAStepIsStorable_noControlCharacters() {
            given(apart);
            assertEquals("description", assertThrows(RuleViolation.class,
                    () -> when(new RequestCorrection("datum\u0000fout"))).fields().get(0).field());
            assertEquals("question", assertThrows(RuleViolation.class, () -> when(new AskConsultation(UUID.randomUUID(),
                    Consultation.QUALITY_OFFICER, "Weigeren?\u001b"))).fields().get(0).field());
            RuleViolation guardian = assertThrows(RuleViolation.class, () -> when(new CorrectGuardians(List.of(
                    new Intake.Guardian("g1", "Anna\u0000", "anna@example.nl", true),
                    new Intake.Guardian("g2", "Bram", "bram\u0000@example.nl", true)), true)));
            assertEquals(Set.of("guardians[0].name", "guardians[1].email"),
                    Set.copyOf(guardian.fields().stream().map(RuleViolation.Field::field).toList()));
            assertTrue(guardian.fields().stream().allMatch(f -> f.message().equals("bevat onzichtbare tekens")));
            assertFalse(when(new RequestCorrection("datum\r\nis fout")).isEmpty(), "a line break is text");
        }

        @Test
        void swv4_noNationalNumberInWhatStaffTypeInAStep() {
            given(apart);
            RuleViolation v = assertThrows(RuleViolation.class,
                    () -> when(new RequestCorrection("Onderwijsnummer 101222331 is fout")));
            assertEquals(Rule.SWV_4, v.rule());
            assertEquals("description", v.fields().get(0).field());
            assertEquals(Rule.SWV_4, refusedBy(new AskConsultation(UUID.randomUUID(), Consultation.QUALITY_OFFICER,
                    "BSN 111.222.333?")));
        }

        @Test
        void aClosedRequestTakesNoMoreSteps() {
            given(apart, new RequestWithdrawn(ID, ME));
            assertThrows(RequestDecider.NotAllowedInState.class, () -> when(new Acknowledge(TODAY)));
        }
    }

    @Nested
    class ThirdParty {
        @Test
        void g2_nothingIsSharedWithoutConsentAtTheMomentOfSharing() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.DYSLEXIA_CARE, 4, false, null));
            assertEquals(Rule.G_2, refusedBy(share(ShareChannel.SECURE_MAIL)));
            consent = true;
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL)).get(0));
        }

        @Test
        void g3_whoGivesTheInformationObtainedTheConsent_orIsTheSchoolsDirectorOrKc() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.DYSLEXIA_CARE, 4, false, null));
            consent = true;
            roles = Set.of("ADMIN_STAFF");
            consentHandledBy = Set.of("office.colleague@12AB");
            assertEquals(Rule.G_3, refusedBy(share(ShareChannel.SECURE_MAIL), "office@12AB"));
            consentHandledBy = Set.of("office.colleague@12AB", "office@12AB");
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL), "office@12AB").get(0));
            consentHandledBy = Set.of();
            roles = Set.of("QUALITY_COORDINATOR");
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL), "kc@12AB").get(0));
        }

        @Test
        void g5_afterAWithdrawalTheNextShareIsRefused() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.SPEECH_THERAPY, 4, false, null));
            consent = true;
            when(share(ShareChannel.SECURE_MAIL));
            consent = false;
            lapsed = true;
            assertEquals(Rule.G_5, refusedBy(share(ShareChannel.SECURE_MAIL)));
        }

        @Test
        void g10_byPhoneOnlyAfterCallBackVerification() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.SPEECH_THERAPY, 4, false, null));
            consent = true;
            assertEquals(Rule.G_10, refusedBy(attested(ShareChannel.PHONE, null, false, null, null)));
            assertInstanceOf(InformationShared.class, when(attested(ShareChannel.PHONE, null, true, null, null)).get(0));
        }

        @Test
        void g7_otherPupilsAndStaffUnreadableBeforeAnAnswerGoesOut() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.DYSLEXIA_CARE, 4, false, null));
            consent = true;
            RuleViolation v = assertThrows(RuleViolation.class, () -> when(new Share(ShareChannel.SECURE_MAIL, null,
                    null, null, null, false, true, null, null, null, null, null)));
            assertEquals(Rule.G_7, v.rule());
            assertTrue(v.getMessage().contains("medewerkers"), v.getMessage());
        }

        @Test
        void g13_anAnswerByMailIsTheExportedPdf() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.DYSLEXIA_CARE, 4, false, null));
            consent = true;
            assertEquals(Rule.G_13, refusedBy(new Share(ShareChannel.SECURE_MAIL, null, null, null, null, true, false,
                    null, null, null, null, null)));
        }

        @Test
        void g8_order_aNewDraftVoidsTheReviewAndTheInforming() {
            given(received(RequestKind.THIRD_PARTY, true, null, ThirdPartyTopic.VEILIG_THUIS, 4, false, null));
            consent = true;
            when(new DraftAnswer(), "author@12AB");
            assertEquals(Rule.G_8, refusedBy(new InformGuardians(TODAY)), "reviewed before shown to the guardians");
            when(new ReviewAnswer());
            when(new InformGuardians(TODAY));
            when(new DraftAnswer(), "author@12AB");
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "the new draft is not reviewed");
            when(new ReviewAnswer());
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "the guardians did not see it");
            when(new InformGuardians(TODAY));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL)).get(0));
        }

        @Test
        void g9_withTheSafeguardingExemptionTheAnswerIsNotFirstShownToTheGuardians() {
            given(received(RequestKind.THIRD_PARTY, true, null, ThirdPartyTopic.VEILIG_THUIS, 4, false, null));
            when(new DraftAnswer(), "author@12AB");
            when(new ReviewAnswer());
            consent = true;
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "without the exemption: guardians first");
            assertTrue(RequestGuide.blockers(RequestState.replay(history), true, null).stream()
                    .anyMatch(b -> b.message().contains("ouders zien")));
            exemption = ExemptionGround.SAFEGUARDING;
            assertTrue(RequestGuide.blockers(RequestState.replay(history), true, exemption).isEmpty(),
                    "the guide does not ask it either");
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL)).get(0));
        }

        @Test
        void g8_complex_neverByPhone_fourEyes_guardiansFirst_consent_secureMail() {
            given(received(RequestKind.THIRD_PARTY, true, null, ThirdPartyTopic.VEILIG_THUIS, 4, false, null));
            consent = true;
            assertEquals(Rule.G_8, refusedBy(attested(ShareChannel.PHONE, null, true, null, null)));
            assertEquals(Rule.G_8, refusedBy(new ReviewAnswer()), "nothing drafted yet");
            when(new DraftAnswer(), "coordinator@12AB");
            assertEquals(Rule.G_8, refusedBy(new ReviewAnswer(), "coordinator@12AB"), "the author cannot review");
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "not reviewed");
            when(new ReviewAnswer(), ME);
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "guardians not shown the answer");
            when(new InformGuardians(TODAY));
            consent = false;
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.SECURE_MAIL)), "no consent");
            consent = true;
            assertEquals(Rule.G_8, refusedBy(share(ShareChannel.OSO)));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL)).get(0));
        }

        @Test
        void g11_refusalNeedsTheQualityOfficerConsulted() {
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.OTHER, 4, false, null));
            assertEquals(Rule.G_11, refusedBy(new Refuse(false, "Geen grondslag")));
            consulted(Consultation.SAFEGUARDING_OFFICER);
            assertEquals(Rule.G_11, refusedBy(new Refuse(false, "Geen grondslag")), "the wrong officer");
            consulted(Consultation.QUALITY_OFFICER);
            when(new Refuse(false, "Geen grondslag"));
            assertEquals(RequestStatus.REFUSED, RequestState.replay(history).status());
        }
    }

    @Nested
    class Transfer {
        RequestReceived transfer = received(RequestKind.SCHOOL_TRANSFER, true, null, null, 4, false, null);
        GuardianInspectionHeld inspected = new GuardianInspectionHeld(ID, ME, TODAY, true, false);

        Share oso(Section... sections) {
            return attested(ShareChannel.OSO, null, null, null, List.of(sections));
        }

        @Test
        void oso1_transferFilesGoThroughOsoOnly() {
            given(transfer, inspected);
            consent = true;
            assertEquals(Rule.OSO_1, refusedBy(share(ShareChannel.SECURE_MAIL)));
        }

        @Test
        void oso5_guardiansInspectTheFileFirst_andAStatementWhenTheyDisagree() {
            given(transfer);
            consent = true;
            assertEquals(Rule.OSO_5, refusedBy(oso(section(OsoSection.TOETSRESULTATEN))));
            assertEquals(Rule.OSO_5, refusedBy(new RecordGuardianInspection(TODAY, false, false)));
            when(new RecordGuardianInspection(TODAY, false, true));
            assertInstanceOf(InformationShared.class, when(oso(section(OsoSection.TOETSRESULTATEN))).get(0));
        }

        @Test
        void oso3_consentOfBothGuardiansWithAuthority() {
            given(transfer, inspected);
            assertEquals(Rule.OSO_3, refusedBy(oso(section(OsoSection.TOETSRESULTATEN))));
        }

        @Test
        void oso4_withoutConsentOnlyTheStatutoryPartsUnderTheExemption() {
            given(transfer, inspected);
            consent = true;
            exemption = ExemptionGround.STATUTORY_TRANSFER;
            Section plans = new Section(OsoSection.HANDELINGSPLANNEN, null, null, null, true, null, null, false);
            assertEquals(Rule.OSO_4, refusedBy(oso(section(OsoSection.TOETSRESULTATEN), plans)));
            InformationShared shared = (InformationShared) when(oso(section(OsoSection.TOETSRESULTATEN))).get(0);
            assertEquals(ExemptionGround.STATUTORY_TRANSFER, shared.exemption());
        }

        @Test
        void oso2_everySectionRule() {
            given(received(RequestKind.SCHOOL_TRANSFER, false, null, null, 6, true, null), inspected);
            consent = true;
            Section toets = section(OsoSection.TOETSRESULTATEN);
            Section doorstroom = section(OsoSection.DOORSTROOMTOETS);
            assertEquals(Rule.OSO_2, refusedBy(oso(doorstroom)), "test results always");
            assertEquals(Rule.OSO_2, refusedBy(oso(toets)), "the doorstroomtoets whenever the pupil has one");
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom,
                    new Section(OsoSection.VVE, null, null, true, null, null, null, null))), "VVE only below group 5");
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom, section(OsoSection.ONDERWIJSONDERSTEUNING))));
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom,
                    new Section(OsoSection.VERZUIM, false, TODAY.minusYears(1), null, null, null, null, null))));
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom,
                    new Section(OsoSection.VERZUIM, true, TODAY.minusYears(3), null, null, null, null, null))));
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom,
                    new Section(OsoSection.HANDELINGSPLANNEN, null, null, null, true, null, null, true))));
            assertEquals(Rule.OSO_2, refusedBy(oso(toets, doorstroom,
                    new Section(OsoSection.BIJLAGEN, null, null, null, true, true, false, false))));
            InformationShared ok = (InformationShared) when(oso(toets, doorstroom,
                    new Section(OsoSection.VERZUIM, true, TODAY.minusYears(1), null, null, null, null, null),
                    new Section(OsoSection.HANDELINGSPLANNEN, null, null, null, true, null, null, false),
                    new Section(OsoSection.BIJLAGEN, null, null, null, true, true, true, false))).get(0);
            assertEquals(5, ok.sections().size());
        }

        @Test
        void oso2_theAbsenceWindowIsABoardSetting() {
            given(transfer, inspected);
            consent = true;
            HandlingFacts oneYear = new HandlingFacts(TODAY, ME, roles, true, false, false, null, Set.of(), java.util.Map.of(),
                    new HandlingFacts.BoardPolicy(java.time.Period.ofYears(1),
                            HandlingFacts.BoardPolicy.DEFAULT.statutorySections()));
            Share eighteenMonths = oso(section(OsoSection.TOETSRESULTATEN),
                    new Section(OsoSection.VERZUIM, true, TODAY.minusMonths(18), null, null, null, null, null));
            assertEquals(Rule.OSO_2, assertThrows(RuleViolation.class,
                    () -> RequestDecider.decide(eighteenMonths, RequestState.replay(history), oneYear)).rule());
            assertInstanceOf(InformationShared.class, when(eighteenMonths).get(0), "within the card's 2 years");
        }

        @Test
        void vo2_aWarmHandoverOnlyWithTheGuardiansConsent() {
            given(received(RequestKind.SECONDARY_TRANSFER, false, null, null, 8, true, true));
            consent = true;
            exemption = ExemptionGround.STATUTORY_TRANSFER;
            assertEquals(Rule.VO_2, refusedBy(share(ShareChannel.WARM_HANDOVER)), "an exemption is no consent");
            exemption = null;
            assertEquals(Rule.G_7, refusedBy(bare(ShareChannel.WARM_HANDOVER, null)), "others unreadable here too");
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.WARM_HANDOVER)).get(0));
        }

        @Test
        void vo1_eitherSchoolMayAskForAWarmHandover_untilTheTransferFileHasGone() {
            given(received(RequestKind.SECONDARY_TRANSFER, false, null, null, 8, true, false), inspected);
            consent = true;
            assertEquals(Rule.OSO_1, refusedBy(share(ShareChannel.WARM_HANDOVER)), "nobody asked for one");
            WarmHandoverRequested asked = (WarmHandoverRequested) when(
                    new AskWarmHandover(TransferSide.RECEIVING_SCHOOL)).get(0);
            assertEquals(TransferSide.RECEIVING_SCHOOL, asked.askedBy());
            assertThrows(RequestDecider.NotAllowedInState.class,
                    () -> when(new AskWarmHandover(TransferSide.SENDING_SCHOOL)));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.WARM_HANDOVER)).get(0));
            when(oso(section(OsoSection.TOETSRESULTATEN), section(OsoSection.DOORSTROOMTOETS)));
            history.clear();
            given(received(RequestKind.SECONDARY_TRANSFER, false, null, null, 8, true, false), inspected);
            when(oso(section(OsoSection.TOETSRESULTATEN), section(OsoSection.DOORSTROOMTOETS)));
            assertEquals(Rule.VO_1, refusedBy(new AskWarmHandover(TransferSide.SENDING_SCHOOL)), "after the transfer");
            history.clear();
            given(transfer);
            assertEquals(Rule.VO_1, refusedBy(new AskWarmHandover(TransferSide.SENDING_SCHOOL)), "primary to primary");
        }

        @Test
        void g13_aWarmHandoverIsItsOwnChannel_onlyToASecondarySchool() {
            given(received(RequestKind.SCHOOL_TRANSFER, false, null, null, 6, false, true), inspected);
            consent = true;
            assertEquals(Rule.OSO_1, refusedBy(share(ShareChannel.WARM_HANDOVER)));
            assertEquals(Rule.OSO_1, refusedBy(share(ShareChannel.PHONE)));
        }

        @Test
        void g7_theTransferFileHasOtherPupilsUnreadable() {
            given(transfer, inspected);
            consent = true;
            assertEquals(Rule.G_7, refusedBy(new Share(ShareChannel.OSO, null, null, null,
                    List.of(section(OsoSection.TOETSRESULTATEN)))));
        }
    }

    @Nested
    class Others {
        @Test
        void swv3_theSupportFileNeedsTheGuardiansAgreement() {
            given(received(RequestKind.SUPPORT_FILE, false, null, null, 5, false, null));
            assertEquals(Rule.SWV_3, refusedBy(share(ShareChannel.SUPPORT_FILE)));
            consent = true;
            assertEquals(Rule.SWV_3, refusedBy(share(ShareChannel.SECURE_MAIL)));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SUPPORT_FILE)).get(0));
        }

        @Test
        void swv1_theSupportFileNamesItsCategories_eachRelevant() {
            given(received(RequestKind.SUPPORT_FILE, false, null, null, 5, false, null));
            consent = true;
            RuleViolation v = assertThrows(RuleViolation.class, () -> when(bare(ShareChannel.SUPPORT_FILE, null)));
            assertEquals(Rule.SWV_1, v.rule());
            assertEquals(List.of("categories", "categoriesRelevant"), v.fields().stream()
                    .map(RuleViolation.Field::field).toList());
            assertEquals(Rule.SWV_1, refusedBy(new Share(ShareChannel.SUPPORT_FILE, null, null, null, null, null,
                    null, null, null, List.of(SupportCategory.LEARNING_RESULTS), false, null)));
            Share relevant = new Share(ShareChannel.SUPPORT_FILE, null, null, null, null, null, null, null, null,
                    List.of(SupportCategory.LEARNING_RESULTS, SupportCategory.SUPPORT_GIVEN), true, null);
            assertInstanceOf(InformationShared.class, when(relevant).get(0));
            assertEquals("Categorie\u00ebn: LEARNING_RESULTS, SUPPORT_GIVEN", relevant.note(), "kept in this service");
        }

        @Test
        void g13_theSchoolsInquiryBySecureMailOrAVerifiedCall() {
            given(received(RequestKind.OUTGOING_INQUIRY, false, null, null, 5, false, null),
                    new GuardiansInformed(ID, ME, TODAY));
            assertEquals(Rule.G_13, refusedBy(share(ShareChannel.OSO)));
            assertEquals(Rule.G_10, refusedBy(bare(ShareChannel.PHONE, null)));
        }

        @Test
        void g7_researchDataHasOtherPupilsUnreadable() {
            given(received(RequestKind.RESEARCH, false, null, null, 5, false, null),
                    new ResearchDecided(ID, ME, ResearchDecision.PARTICIPATE, "ok"));
            consent = true;
            assertEquals(Rule.G_7, refusedBy(new Share(ShareChannel.SECURE_MAIL, null, null, null, null, null, true,
                    null, null, null, null, null)));
        }

        @Test
        void swv3_anAccessCopyOfTheSupportFileAtAnyMoment() {
            given(received(RequestKind.SUPPORT_FILE, false, null, null, 5, false, null));
            assertEquals(Rule.SWV_3, refusedBy(new SendAccessCopy(TODAY.plusDays(1))), "not ahead");
            assertInstanceOf(AccessCopySent.class, when(new SendAccessCopy(TODAY)).get(0), "before the agreement too");
            assertEquals(1, RequestState.replay(history).accessCopiesSent().size());
            history.clear();
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.OTHER, 5, false, null));
            assertEquals(Rule.SWV_3, refusedBy(new SendAccessCopy(TODAY)), "only the support file");
        }

        @Test
        void swv5_theNextSchoolsContactOnlyWithAConsentForThatPurposeOfItsOwn() {
            given(received(RequestKind.SUPPORT_FILE, false, null, null, 8, false, null));
            assertEquals(Rule.SWV_5, refusedBy(new AddNextSchoolContact()));
            consent = true;
            assertEquals(Rule.SWV_5, refusedBy(new AddNextSchoolContact()), "the support file's consent is not it");
            contactConsent = true;
            assertInstanceOf(NextSchoolContactAdded.class, when(new AddNextSchoolContact()).get(0));
            history.clear();
            given(received(RequestKind.THIRD_PARTY, false, null, ThirdPartyTopic.OTHER, 8, false, null));
            assertEquals(Rule.SWV_5, refusedBy(new AddNextSchoolContact()), "only for the support file");
        }

        @Test
        void g6_guardiansInformedBeforeTheOrganisationIsApproached() {
            given(received(RequestKind.OUTGOING_INQUIRY, false, null, null, 5, false, null));
            assertEquals(Rule.G_6, refusedBy(share(ShareChannel.PHONE)));
            when(new InformGuardians(TODAY.minusDays(1)));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.PHONE)).get(0));
        }

        @Test
        void g12_researchNeedsADecisionWithAReason() {
            given(received(RequestKind.RESEARCH, false, null, null, 5, false, null));
            consent = true;
            assertEquals(Rule.G_12, refusedBy(share(ShareChannel.SECURE_MAIL)));
            assertEquals(Rule.G_12, refusedBy(new DecideResearch(ResearchDecision.PARTICIPATE, "")));
            when(new DecideResearch(ResearchDecision.PARTICIPATE, "Past bij de beslishulp; ethisch getoetst"));
            assertInstanceOf(InformationShared.class, when(share(ShareChannel.SECURE_MAIL)).get(0));
        }

        @Test
        void g13_researchDataGoesBySecureMail() {
            given(received(RequestKind.RESEARCH, false, null, null, 5, false, null),
                    new ResearchDecided(ID, ME, ResearchDecision.PARTICIPATE, "ok"));
            consent = true;
            assertEquals(Rule.G_13, refusedBy(share(ShareChannel.PHONE)));
        }
    }
}
