package nl.pupildata.request.domain;

import nl.pupildata.rules.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.pupildata.events.InformationShared;
import nl.pupildata.events.model.*;
import nl.pupildata.request.domain.RequestCommand.Section;
import nl.pupildata.request.domain.RequestCommand.Share;
import nl.pupildata.rules.Roles;
import nl.pupildata.rules.RuleViolation;
import nl.pupildata.rules.RuleViolation.Field;

/** Whether information may be given now, through this channel, with these sections. Pure. */
final class SharingGuard {

    private SharingGuard() {
    }

    static InformationShared share(Share s, RequestState state, HandlingFacts facts) {
        ExemptionGround exemption = null;
        List<OsoSection> sections = List.of();
        switch (state.kind()) {
            case PARENT_ACCESS -> parentAccess(s, state, facts);
            case THIRD_PARTY -> thirdParty(s, state, facts);
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> {
                if (s.channel() == ShareChannel.WARM_HANDOVER) {
                    warmHandover(s, state, facts);
                } else {
                    // OSO-1 the channel, OSO-5 the guardians saw it, OSO-3/4 consent, OSO-2 the sections
                    channel(s, Rule.OSO_1, ShareChannel.OSO);
                    Requirement.TRANSFER_FILE_INSPECTED.require(state, facts.consentSatisfied());
                    exemption = transferConsent(state, facts);
                    sections = transferFile(s, state, facts, exemption);
                }
            }
            case SUPPORT_FILE -> {
                channel(s, Rule.SWV_3, ShareChannel.SUPPORT_FILE);
                Requirement.AGREEMENT_TO_SUPPORT_FILE.require(state, facts.consentSatisfied());
                relevantCategories(s);
            }
            case OUTGOING_INQUIRY -> {
                // G-13: the school's own inquiry goes by secure mail or by a verified call (G-10).
                channel(s, Rule.G_13, ShareChannel.SECURE_MAIL, ShareChannel.PHONE);
                callerVerified(s);
                // G-6: no consent needed, but the guardians are informed before the organisation is approached.
                Requirement.GUARDIANS_TOLD_OF_INQUIRY.require(state, facts.consentSatisfied());
            }
            case RESEARCH -> {
                Requirement.RESEARCH_DECIDED.require(state, facts.consentSatisfied());
                requireConsent(state, facts, Requirement.CONSENT);
                channel(s, Rule.G_13, ShareChannel.SECURE_MAIL);
            }
        }
        if (OTHERS_UNREADABLE_BEFORE_SHARING.contains(state.kind())) {
            othersUnreadable(s);
        }
        if (s.channel() == ShareChannel.SECURE_MAIL) {
            exportedPdf(s);
        }
        return new InformationShared(state.id(), facts.actor(), s.channel(), facts.today(), sections, exemption);
    }

    /**
     * G-7: what goes to a third party, a researcher or the next school has other pupils (and staff) made
     * unreadable; for a guardian's own dossier the review attests it (PA-7).
     */
    private static final Set<RequestKind> OTHERS_UNREADABLE_BEFORE_SHARING = Set.of(RequestKind.THIRD_PARTY,
            RequestKind.RESEARCH, RequestKind.SCHOOL_TRANSFER, RequestKind.SECONDARY_TRANSFER);

    private static void othersUnreadable(Share s) {
        if (!Boolean.TRUE.equals(s.otherPupilsPseudonymised())) {
            throw RuleViolation.rule(Rule.G_7, REVIEW_OTHERS, "otherPupilsPseudonymised");
        }
    }

    /** G-7 in the card's words (seed 3b): other pupils, and staff, never identifiable. */
    static final String REVIEW_OTHERS = "Maak eerst gegevens van andere leerlingen onleesbaar (\"leerling 1\", "
            + "\"leerling 2\"; geen initialen, ook niet van medewerkers: een voorletter kan herleidbaar zijn).";

    /** G-13: a PDF exported from the pupil administration, never copied into a document of its own. */
    private static void exportedPdf(Share s) {
        if (!Boolean.TRUE.equals(s.exportedFromPupilAdministration())) {
            throw RuleViolation.rule(Rule.G_13, "Stuur per beveiligde mail de PDF die rechtstreeks uit het "
                    + "leerlingvolgsysteem is ge\u00ebxporteerd, nooit een eigen document met overgenomen gegevens.",
                    "exportedFromPupilAdministration");
        }
    }

    /** G-10: by phone only after the caller's identity was checked by calling back the known number. */
    private static void callerVerified(Share s) {
        if (s.channel() == ShareChannel.PHONE && !Boolean.TRUE.equals(s.callbackVerified())) {
            throw RuleViolation.rule(Rule.G_10, "Telefonisch delen mag pas als de identiteit van de beller is "
                    + "gecontroleerd, bij voorkeur door terug te bellen naar het bekende nummer van de organisatie.",
                    "callbackVerified");
        }
    }

    /** SWV-1: only what is relevant to the support question, named by category. */
    private static void relevantCategories(Share s) {
        List<Field> missing = new ArrayList<>();
        if (s.categories() == null || s.categories().isEmpty()) {
            missing.add(new Field("categories", "noem de soorten gegevens die u in het Topdossier zet"));
        }
        if (!Boolean.TRUE.equals(s.categoriesRelevant())) {
            missing.add(new Field("categoriesRelevant", "alleen wat van belang is voor de ondersteuningsvraag"));
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.rule(Rule.SWV_1, "Registreer in het Topdossier alleen wat van belang is voor de "
                    + "ondersteuningsvraag.", missing);
        }
    }

    /** PA-7 before release; PA-8 secure mail to the requester's own verified address; PA-10 two staff present. */
    private static void parentAccess(Share s, RequestState state, HandlingFacts facts) {
        Requirement.REVIEWED.require(state, facts.consentSatisfied());
        AccessMode mode = state.received().accessMode();
        switch (s.channel()) {
            case SECURE_MAIL -> {
                if (mode != AccessMode.PDF_BY_SECURE_MAIL) {
                    throw RuleViolation.rule(Rule.PA_1, "De ouder koos voor inzage op school, niet voor een PDF per mail.",
                            "channel");
                }
                String requester = state.received().requesterGuardianId();
                String to = s.recipientGuardianId() == null || s.recipientGuardianId().isBlank() ? requester
                        : s.recipientGuardianId();
                if (!to.equals(requester)) {
                    toOtherGuardian(to, s, state, facts);
                } else if (!sameAddress(s.recipient(), facts.guardianEmails().get(requester))) {
                    throw RuleViolation.rule(Rule.PA_8, "Stuur het dossier alleen naar het gecontroleerde e-mailadres "
                            + "waarvandaan de ouder het verzoek stuurde (antwoord op die mail).", "recipient");
                }
            }
            case INSPECTION_AT_SCHOOL -> {
                if (mode != AccessMode.INSPECTION_AT_SCHOOL) {
                    throw RuleViolation.rule(Rule.PA_1, "De ouder koos voor een PDF per beveiligde mail.", "channel");
                }
                Set<String> present = new HashSet<>();
                if (s.staffPresent() != null) {
                    s.staffPresent().stream().filter(n -> n != null && !n.isBlank())
                            .forEach(n -> present.add(n.trim().toLowerCase(java.util.Locale.ROOT)));
                }
                inspectionAtSchool(present, s, facts);
            }
            default -> throw RuleViolation.rule(Rule.G_13, "Een dossier gaat per beveiligde mail als PDF, of wordt op "
                    + "school ingezien.", "channel");
        }
    }

    /**
     * PA-9: once told, the other guardian with authority is offered the same dossier, sent to their own address as
     * the school knows it.
     */
    private static void toOtherGuardian(String guardianId, Share s, RequestState state, HandlingFacts facts) {
        boolean withAuthority = state.guardians().stream()
                .anyMatch(g -> g.id().equals(guardianId) && g.hasAuthority());
        if (!withAuthority) {
            throw RuleViolation.rule(Rule.PA_9, "Alleen de andere ouder met gezag krijgt hetzelfde dossier aangeboden.",
                    "recipientGuardianId");
        }
        if (!state.notifiedGuardians().contains(guardianId)) {
            throw RuleViolation.rule(Rule.PA_9, "Licht deze ouder eerst in dat het dossier is verstrekt; daarna kan "
                    + "het ook naar hem of haar.", "recipientGuardianId");
        }
        if (!sameAddress(s.recipient(), facts.guardianEmails().get(guardianId))) {
            throw RuleViolation.rule(Rule.PA_9, "Stuur het dossier naar het eigen e-mailadres van deze ouder, zoals "
                    + "de school dat kent.", "recipient");
        }
    }

    private static boolean sameAddress(String typed, String known) {
        return typed != null && known != null && typed.trim().equalsIgnoreCase(known.trim());
    }

    /**
     * PA-10 (seed 3b): two colleagues, the director or the KC among them (the one who records it, having been
     * there), the dossier already open on the pupil (no pupil list on screen), the guardian never alone with an
     * unlocked device.
     */
    private static void inspectionAtSchool(Set<String> present, Share s, HandlingFacts facts) {
        List<Field> missing = new ArrayList<>();
        if (present.size() < 2) {
            missing.add(new Field("staffPresent", "twee medewerkers"));
        }
        if (!Boolean.TRUE.equals(s.dossierOpenOnPupil())) {
            missing.add(new Field("dossierOpenOnPupil", "het dossier stond al open op de leerling"));
        }
        if (!Boolean.TRUE.equals(s.neverLeftAlone())) {
            missing.add(new Field("neverLeftAlone", "de ouder was nooit alleen bij een onvergrendeld apparaat"));
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.rule(Rule.PA_10, "Bij inzage op school zijn twee medewerkers aanwezig, staat het "
                    + "dossier al open op de leerling en is de ouder nooit alleen bij een onvergrendeld apparaat.",
                    missing);
        }
        if (!facts.actorRoles().contains(Roles.DIRECTOR) && !facts.actorRoles().contains(Roles.QUALITY_COORDINATOR)) {
            throw RuleViolation.rule(Rule.PA_10, "De inzage op school doet de directeur of de KC samen met een "
                    + "collega; die legt haar ook vast.");
        }
    }

    /**
     * G-3: the one who gives the information obtained the consent it rests on: they asked for or recorded it
     * themselves, or they are the school's director or KC. (An exemption rests on no consent.)
     */
    private static void consentObtainedByTheGiver(RequestState state, HandlingFacts facts) {
        if (facts.exemption() != null || !facts.consentSatisfied()) {
            return; // no consent relied on; G-2, G-5 or the exemption's own rules say the rest
        }
        boolean leads = facts.actorRoles().contains(Roles.DIRECTOR)
                || facts.actorRoles().contains(Roles.QUALITY_COORDINATOR);
        if (!leads && !facts.consentHandledBy().contains(facts.actor())) {
            throw RuleViolation.rule(Rule.G_3, "Wie de informatie geeft, vraagt zelf de toestemming: u heeft die "
                    + "toestemming niet zelf gevraagd of vastgelegd. Laat de collega die dat deed delen, of de KC of "
                    + "de directeur.");
        }
    }

    /** G-2/G-5 consent at this moment; G-8 complex: four eyes, guardians first, secure mail only; G-10 phone. */
    private static void thirdParty(Share s, RequestState state, HandlingFacts facts) {
        consentObtainedByTheGiver(state, facts);
        if (state.isComplex()) {
            if (s.channel() == ShareChannel.PHONE) {
                throw RuleViolation.rule(Rule.G_8, "In complexe situaties wordt niets telefonisch gedeeld.", "channel");
            }
            channel(s, Rule.G_8, ShareChannel.SECURE_MAIL);
            Requirement.ANSWER_REVIEWED.require(state, facts.consentSatisfied());
            if (facts.exemption() != ExemptionGround.SAFEGUARDING) { // G-9: the guardians are not asked first
                Requirement.ANSWER_SHOWN_TO_GUARDIANS.require(state, facts.consentSatisfied());
            }
            requireConsent(state, facts, Requirement.CONSENT_TO_ANSWER);
            return;
        }
        channel(s, Rule.G_13, ShareChannel.SECURE_MAIL, ShareChannel.PHONE);
        requireConsent(state, facts, Requirement.CONSENT);
        callerVerified(s);
    }

    /**
     * G-13: a warm handover is a conversation between the schools, its own channel, for a secondary school only;
     * VO-2: only with the guardians' consent (an exemption does not cover it).
     */
    private static void warmHandover(Share s, RequestState state, HandlingFacts facts) {
        if (state.kind() != RequestKind.SECONDARY_TRANSFER || !state.warmHandoverAsked()) {
            throw RuleViolation.rule(Rule.OSO_1, "Een overstapdossier gaat alleen via OSO; een warme overdracht is "
                    + "er alleen naar het voortgezet onderwijs, als een van beide scholen erom vroeg.", "channel");
        }
        if (!facts.consentSatisfied() || facts.exemption() != null) {
            throw RuleViolation.rule(Rule.VO_2, "In een warme overdracht wordt alleen gedeeld met toestemming van de "
                    + "ouders.");
        }
    }

    /** OSO-3 consent, or OSO-4 the statutory exemption (consulted). Returns the exemption in use, if any. */
    private static ExemptionGround transferConsent(RequestState state, HandlingFacts facts) {
        if (facts.consentSatisfied() && facts.exemption() == null) {
            return null;
        }
        if (facts.consentSatisfied() && facts.exemption() == ExemptionGround.STATUTORY_TRANSFER) {
            return ExemptionGround.STATUTORY_TRANSFER;
        }
        throw Requirement.CONSENT_TO_TRANSFER.refusal(state);
    }

    /** OSO-2: every section rule; OSO-4: without consent, the statutory sections only. */
    private static List<OsoSection> transferFile(Share s, RequestState state, HandlingFacts facts,
            ExemptionGround exemption) {
        List<Section> given = s.sections() == null ? List.of() : s.sections();
        List<Field> problems = new ArrayList<>();
        Set<OsoSection> present = new HashSet<>();
        LocalDate absenceLimit = facts.today().minus(facts.policy().absenceWindow());
        Integer group = state.received().pupilGroup();
        for (int i = 0; i < given.size(); i++) {
            Section sec = given.get(i);
            String at = "sections[" + i + "]";
            if (sec == null || sec.section() == null) {
                problems.add(new Field(at + ".section", "verplicht"));
                continue;
            }
            if (!present.add(sec.section())) {
                problems.add(new Field(at + ".section", "komt twee keer voor"));
            }
            switch (sec.section()) {
                case VVE -> {
                    if (group == null || group >= 5 || !Boolean.TRUE.equals(sec.hadVve())) {
                        problems.add(new Field(at, "VVE alleen onder groep 5 én als er VVE was"));
                    }
                }
                case ONDERWIJSONDERSTEUNING -> problems.add(new Field(at,
                        "onderwijsondersteuning nooit opnemen (voor SBO/SO via het Topdossier)"));
                case VERZUIM -> {
                    if (!Boolean.TRUE.equals(sec.notable())) {
                        problems.add(new Field(at, "verzuim alleen bij bijzonderheden"));
                    } else if (sec.since() == null || sec.since().isBefore(absenceLimit)) {
                        problems.add(new Field(at + ".since", "niet meer verzuim dan sinds " + absenceLimit));
                    }
                }
                case DOORSTROOMTOETS, TOETSRESULTATEN -> {
                    // always
                }
                case HANDELINGSPLANNEN -> {
                    if (!Boolean.TRUE.equals(sec.coordinatedWithQualityCoordinator())) {
                        problems.add(new Field(at, "handelingsplannen alleen na afstemming met de KC"));
                    }
                    if (!Boolean.FALSE.equals(sec.containsOtherPupilNames())) {
                        problems.add(new Field(at, "geen namen van andere leerlingen"));
                    }
                }
                case BIJLAGEN -> {
                    if (!Boolean.TRUE.equals(sec.coordinatedWithQualityCoordinator())) {
                        problems.add(new Field(at, "bijlagen alleen na afstemming met de KC"));
                    }
                    if (!Boolean.TRUE.equals(sec.recent())) {
                        problems.add(new Field(at, "alleen recente bijlagen"));
                    }
                    if (!Boolean.TRUE.equals(sec.guardianApproval())) {
                        problems.add(new Field(at, "alleen met goedkeuring van de ouders"));
                    }
                    if (!Boolean.FALSE.equals(sec.containsOtherPupilNames())) {
                        problems.add(new Field(at, "geen namen van klasgenoten"));
                    }
                }
            }
        }
        if (!present.contains(OsoSection.TOETSRESULTATEN)) {
            problems.add(new Field("sections", "toetsresultaten altijd opnemen"));
        }
        if (state.received().pupilHasDoorstroomtoets() && !present.contains(OsoSection.DOORSTROOMTOETS)) {
            problems.add(new Field("sections", "de doorstroomtoets altijd opnemen als de leerling die heeft"));
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.rule(Rule.OSO_2, "Het overstapdossier voldoet niet aan de regels per onderdeel.",
                    problems);
        }
        if (exemption == ExemptionGround.STATUTORY_TRANSFER) {
            List<Field> beyondLaw = present.stream().filter(p -> !facts.policy().statutorySections().contains(p))
                    .sorted().map(p -> new Field("sections", p + " mag niet zonder toestemming"))
                    .toList();
            if (!beyondLaw.isEmpty()) {
                throw RuleViolation.rule(Rule.OSO_4, "Zonder toestemming gaan alleen de wettelijke onderdelen mee.",
                        beyondLaw);
            }
        }
        return given.stream().map(Section::section).toList();
    }

    /** G-2 at the moment of sharing; G-5 when a guardian withdrew the consent that was there. */
    private static void requireConsent(RequestState state, HandlingFacts facts, Requirement consent) {
        if (!facts.consentSatisfied() && facts.consentLapsed()) {
            throw RuleViolation.rule(Rule.G_5, "Een ouder heeft de toestemming ingetrokken; er mag niets meer worden "
                    + "gedeeld tot er opnieuw toestemming is.");
        }
        consent.require(state, facts.consentSatisfied());
    }

    private static void channel(Share s, Rule rule, ShareChannel... allowed) {
        for (ShareChannel c : allowed) {
            if (s.channel() == c) {
                return;
            }
        }
        throw RuleViolation.rule(rule, "Dit kanaal is hier niet toegestaan (" + s.channel() + ").", "channel");
    }
}
