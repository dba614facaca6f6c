package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.pupildata.events.model.AccessMode;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.LetterKind;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.rules.Rule;
import nl.pupildata.rules.RuleViolation;

/**
 * What a letter to a guardian says, taken from the record only, so the letter cannot contradict it: the facts a
 * template is filled with (already worded in Dutch), or the rule that says the letter does not apply yet. Pure.
 */
public final class Letters {

    /** The template version each letter is written from; raise it when a template's wording changes. */
    public static final Map<LetterKind, Integer> TEMPLATE_VERSIONS = Map.of(LetterKind.ACKNOWLEDGEMENT, 1,
            LetterKind.OTHER_GUARDIAN_NOTICE, 1, LetterKind.REFUSAL, 1, LetterKind.TRANSFER_FILE_INVITATION, 1,
            LetterKind.CONSENT_REQUEST, 1, LetterKind.EXTENSION_NOTICE, 1);

    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    private Letters() {
    }

    /**
     * The board's letterhead and how it wants to be answered (settings); {@code logo}: the image as a data URI, or
     * empty.
     */
    public record Letterhead(String board, String address, String signedBy, String complaints, String logo) {
    }

    /**
     * What the school knows of the people in the letter (request-service's own database; {@code organisation}: the
     * organisation that asked, if any).
     */
    public record People(String pupilName, Map<String, String> guardianNames, Map<String, String> guardianEmails,
            String organisation) {
    }

    /** An extension of the term as deadline-service recorded it (PA-6). */
    public record Extension(int number, LocalDate newDueOn, String reason) {
    }

    /**
     * What the letters learn from the other services' events: the current term (PA-4, PA-6), its extensions, and the
     * consent requests' descriptions by guardian (G-10).
     */
    public record Learned(LocalDate dueOn, List<Extension> extensions, Map<String, String> consentRequests) {
        public static final Learned NOTHING = new Learned(null, List.of(), Map.of());
    }

    /** A letter as it will be issued: to whom, from which template version, with which facts. */
    public record Letter(LetterKind kind, int templateVersion, String recipientGuardianId, Map<String, String> facts) {
    }

    /**
     * @param recipientGuardianId the guardian it is written to; none: the one the letter is naturally for (the
     *     requester, or the first guardian with authority)
     * @param learned what the other services' events said (the term, its extensions, the consent requests)
     */
    public static Letter compose(LetterKind kind, RequestState s, String recipientGuardianId, People people,
            Learned learned, LocalDate today, Letterhead head) {
        Map<String, String> facts = new LinkedHashMap<>();
        String recipient = switch (kind) {
            case ACKNOWLEDGEMENT -> acknowledgement(s, recipientGuardianId, people, learned.dueOn(), facts);
            case OTHER_GUARDIAN_NOTICE -> otherGuardianNotice(s, recipientGuardianId, people, facts);
            case REFUSAL -> refusal(s, recipientGuardianId, head, facts);
            case TRANSFER_FILE_INVITATION -> transferInvitation(s, recipientGuardianId, facts);
            case CONSENT_REQUEST -> consentRequest(s, recipientGuardianId, people, learned, facts);
            case EXTENSION_NOTICE -> extensionNotice(s, recipientGuardianId, learned, facts);
        };
        facts.put("board", head.board());
        facts.put("logo", head.logo() == null ? "" : head.logo());
        facts.put("boardAddress", head.address());
        facts.put("signedBy", head.signedBy());
        facts.put("school", s.schoolBrin());
        facts.put("date", DUTCH.format(today));
        facts.put("pupilName", people.pupilName() == null ? "uw kind" : people.pupilName());
        facts.put("recipientName", people.guardianNames().getOrDefault(recipient, "ouder/verzorger"));
        facts.put("recipientEmail", people.guardianEmails().getOrDefault(recipient, ""));
        facts.put("receivedOn", DUTCH.format(s.received().receivedOn()));
        return new Letter(kind, TEMPLATE_VERSIONS.get(kind), recipient, Map.copyOf(facts));
    }

    /** PA-3 (seed 2, 3a): receipt, the promised date (never after the term), the way of access; apart: the other. */
    private static String acknowledgement(RequestState s, String to, People people, LocalDate dueOn,
            Map<String, String> facts) {
        requireKind(s, Rule.PA_3, RequestKind.PARENT_ACCESS);
        if (s.acknowledgement() == null) {
            throw RuleViolation.rule(Rule.PA_3, "Leg eerst de ontvangstbevestiging vast, met de datum waarop de ouder "
                    + "het dossier kan verwachten; de brief zegt wat u vastlegde.");
        }
        String requester = requester(s, to, Rule.PA_3);
        facts.put("expectedOn", DUTCH.format(s.acknowledgement().expectedOn()));
        facts.put("dueOn", dueOn == null ? "" : DUTCH.format(dueOn));
        facts.put("accessMode", s.received().accessMode() == AccessMode.INSPECTION_AT_SCHOOL
                ? "het dossier op school inzien, samen met twee medewerkers van de school"
                : "het dossier als PDF ontvangen per beveiligde mail, op het e-mailadres waarvandaan u uw verzoek "
                        + "stuurde");
        List<String> others = s.otherGuardiansWithAuthority().stream().sorted()
                .map(g -> people.guardianNames().getOrDefault(g, "de andere ouder")).toList();
        facts.put("otherGuardians", s.acknowledgement().otherGuardiansMentioned() && !others.isEmpty()
                ? String.join(" en ", others) : "");
        return requester;
    }

    /** PA-9 (seed 3a): the other guardian with authority hears the dossier was given and is offered the same. */
    private static String otherGuardianNotice(RequestState s, String to, People people, Map<String, String> facts) {
        requireKind(s, Rule.PA_9, RequestKind.PARENT_ACCESS);
        boolean withAuthority = to != null && s.guardians().stream()
                .anyMatch(g -> g.id().equals(to) && g.hasAuthority());
        if (!withAuthority || to.equals(s.received().requesterGuardianId())) {
            throw RuleViolation.rule(Rule.PA_9, "Deze brief gaat naar de andere ouder met gezag; kies die ouder.",
                    "guardianId");
        }
        if (s.shares().isEmpty()) {
            throw RuleViolation.rule(Rule.PA_9, "Het dossier is nog niet verstrekt; er valt nog niets te melden.");
        }
        facts.put("requesterName", people.guardianNames().getOrDefault(s.received().requesterGuardianId(),
                "de andere ouder"));
        facts.put("sharedOn", DUTCH.format(s.shares().get(0).sharedOn()));
        return to;
    }

    /** PA-12: whole or partial, the reason as recorded, and where to object. */
    private static String refusal(RequestState s, String to, Letterhead head, Map<String, String> facts) {
        requireKind(s, Rule.PA_12, RequestKind.PARENT_ACCESS);
        if (s.refusal() == null) {
            throw RuleViolation.rule(Rule.PA_12, "Er is (nog) niets geweigerd; de brief zegt wat u vastlegde.");
        }
        String requester = requester(s, to, Rule.PA_12);
        facts.put("partial", s.refusal().partial() ? "yes" : "");
        facts.put("reason", s.refusal().reason());
        facts.put("complaints", head.complaints());
        return requester;
    }

    /** OSO-5: the guardians see the transfer file first, and may add their statement. */
    private static String transferInvitation(RequestState s, String to, Map<String, String> facts) {
        requireKind(s, Rule.OSO_5, RequestKind.SCHOOL_TRANSFER, RequestKind.SECONDARY_TRANSFER);
        List<String> withAuthority = s.guardians().stream().filter(GuardianRef::hasAuthority).map(GuardianRef::id)
                .toList();
        String recipient = to == null ? withAuthority.stream().findFirst().orElse(null) : to;
        if (recipient == null || !withAuthority.contains(recipient)) {
            throw RuleViolation.rule(Rule.OSO_5, "De uitnodiging gaat naar een ouder met gezag.", "guardianId");
        }
        facts.put("receivingSchool", s.received().receivingSchoolBrin() == null ? ""
                : s.received().receivingSchoolBrin());
        facts.put("secondary", s.kind() == RequestKind.SECONDARY_TRANSFER ? "yes" : "");
        return recipient;
    }

    /**
     * G-10 (and OSO-3, VO-2, SWV-3): to one guardian whose consent is asked: what kind of information, to whom, for
     * what, and how to consent and to withdraw. Written from the consent request as recorded.
     */
    private static String consentRequest(RequestState s, String to, People people, Learned learned,
            Map<String, String> facts) {
        if (s.kind() == RequestKind.PARENT_ACCESS || s.kind() == RequestKind.OUTGOING_INQUIRY) {
            throw RuleViolation.rule(Rule.G_10, "Voor dit soort verzoek wordt geen toestemming gevraagd.");
        }
        boolean withAuthority = to != null && s.guardians().stream()
                .anyMatch(g -> g.id().equals(to) && g.hasAuthority());
        if (!withAuthority) {
            throw RuleViolation.rule(Rule.G_4, "Het toestemmingsverzoek gaat naar een ouder met gezag; kies die ouder.",
                    "guardianId");
        }
        String description = learned.consentRequests().get(to);
        if (description == null) {
            throw RuleViolation.rule(Rule.G_10, "Leg eerst vast dat u deze ouder om toestemming vraagt en wat voor "
                    + "informatie u geeft; de brief zegt wat u vastlegde.");
        }
        facts.put("information", description);
        facts.put("recipientOrganisation", switch (s.kind()) {
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> "de nieuwe school"
                    + (s.received().receivingSchoolBrin() == null ? "" : " (BRIN " + s.received().receivingSchoolBrin()
                            + ")");
            case SUPPORT_FILE -> "het samenwerkingsverband (Topdossier)";
            default -> people.organisation() == null ? "de organisatie die erom vroeg" : people.organisation();
        });
        facts.put("purpose", switch (s.kind()) {
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> s.received().warmHandover() != null
                    && s.received().warmHandover() ? "de overstap en de warme overdracht" : "de overstap naar de nieuwe school";
            case SUPPORT_FILE -> "de ondersteuningsvraag in het samenwerkingsverband";
            case RESEARCH -> "wetenschappelijk onderzoek";
            default -> "de begeleiding of zorg waarvoor de organisatie de informatie vraagt";
        });
        facts.put("bothGuardians", s.guardiansLivingApart() ? "yes" : "");
        return to;
    }

    /** PA-6: the new date and the reason, as the privacy officer recorded the extension. */
    private static String extensionNotice(RequestState s, String to, Learned learned, Map<String, String> facts) {
        requireKind(s, Rule.PA_6, RequestKind.PARENT_ACCESS);
        if (learned.extensions().isEmpty()) {
            throw RuleViolation.rule(Rule.PA_6, "De termijn is (nog) niet verlengd; de brief zegt wat de privacy "
                    + "officer vastlegde.");
        }
        Extension last = learned.extensions().get(learned.extensions().size() - 1);
        String requester = requester(s, to, Rule.PA_6);
        facts.put("newDueOn", DUTCH.format(last.newDueOn()));
        facts.put("reason", last.reason());
        facts.put("number", last.number() == 1 ? "eerste" : "tweede");
        return requester;
    }

    private static String requester(RequestState s, String to, Rule rule) {
        String requester = s.received().requesterGuardianId();
        if (to != null && !to.equals(requester)) {
            throw RuleViolation.rule(rule, "Deze brief gaat naar de ouder die het verzoek deed.", "guardianId");
        }
        return requester;
    }

    private static void requireKind(RequestState s, Rule rule, RequestKind... kinds) {
        RequestDecider.requireKind(s, rule, kinds);
    }
}
