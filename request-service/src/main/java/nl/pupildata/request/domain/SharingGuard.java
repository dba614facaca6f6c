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
                if (state.kind() == RequestKind.SECONDARY_TRANSFER && s.channel() != ShareChannel.OSO) {
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
            }
            // G-6: no consent needed, but the guardians are informed before the organisation is approached.
            case OUTGOING_INQUIRY -> Requirement.GUARDIANS_TOLD_OF_INQUIRY.require(state, facts.consentSatisfied());
            case RESEARCH -> {
                Requirement.RESEARCH_DECIDED.require(state, facts.consentSatisfied());
                requireConsent(state, facts, Requirement.CONSENT);
                channel(s, Rule.G_13, ShareChannel.SECURE_MAIL);
            }
        }
        return new InformationShared(state.id(), facts.actor(), s.channel(), facts.today(), sections, exemption);
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
                String recipient = s.recipient() == null ? "" : s.recipient().trim();
                if (facts.requesterEmail() == null || !recipient.equalsIgnoreCase(facts.requesterEmail().trim())) {
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
                if (present.size() < 2) {
                    throw RuleViolation.rule(Rule.PA_10, "Bij inzage op school zijn twee medewerkers aanwezig.",
                            "staffPresent");
                }
            }
            default -> throw RuleViolation.rule(Rule.G_13, "Een dossier gaat per beveiligde mail als PDF, of wordt op "
                    + "school ingezien.", "channel");
        }
    }

    /** G-2/G-5 consent at this moment; G-8 complex: four eyes, guardians first, secure mail only; G-10 phone. */
    private static void thirdParty(Share s, RequestState state, HandlingFacts facts) {
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
        if (s.channel() == ShareChannel.PHONE && !Boolean.TRUE.equals(s.callbackVerified())) {
            throw RuleViolation.rule(Rule.G_10, "Telefonisch delen mag pas als de identiteit van de beller is "
                    + "gecontroleerd, bij voorkeur door terug te bellen naar het bekende nummer van de organisatie.",
                    "callbackVerified");
        }
    }

    /** VO-2: a warm handover only with the guardians' consent (an exemption does not cover it). */
    private static void warmHandover(Share s, RequestState state, HandlingFacts facts) {
        if (!Boolean.TRUE.equals(state.received().warmHandover())) {
            throw RuleViolation.rule(Rule.OSO_1, "Een overstapdossier gaat alleen via OSO.", "channel");
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
