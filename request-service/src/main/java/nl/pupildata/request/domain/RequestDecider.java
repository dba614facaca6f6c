package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.request.domain.RequestCommand.*;
import nl.pupildata.rules.RuleViolation;
import nl.pupildata.rules.RuleViolation.Field;

/** decide(command, state, facts) → events, or a {@link RuleViolation} naming the rule. Pure: no clock, no I/O. */
public final class RequestDecider {

    private RequestDecider() {
    }

    /** A command the request's state does not allow at all (closed, withdrawn, refused): answered 409. */
    public static final class NotAllowedInState extends RuntimeException {
        public NotAllowedInState(String message) {
            super(message);
        }
    }

    public static List<RequestEvent> decide(RequestCommand command, RequestState state, HandlingFacts facts) {
        if (!state.exists()) {
            throw new IllegalArgumentException("Unknown request");
        }
        if (state.status().isFinal()) {
            throw new NotAllowedInState("Dit verzoek is al afgerond (" + state.status() + "); er kan niets meer mee.");
        }
        String actor = facts.actor();
        var id = state.id();
        return switch (command) {
            case Acknowledge a -> {
                // PA-3
                if (a.expectedOn() == null) {
                    throw RuleViolation.missing("PA-3", "expectedOn");
                }
                if (a.expectedOn().isBefore(facts.today())) {
                    throw RuleViolation.invalid("PA-3", List.of(new Field("expectedOn", "ligt in het verleden")));
                }
                yield List.of(new RequestAcknowledged(id, actor, a.expectedOn()));
            }
            case Review r -> {
                // PA-7 and G-7: other pupils' data unreadable, home situation checked.
                List<Field> missing = new ArrayList<>();
                if (r.otherPupilsPseudonymised() == null) {
                    missing.add(new Field("otherPupilsPseudonymised", "verplicht (PA-7)"));
                }
                if (r.homeSituationChecked() == null) {
                    missing.add(new Field("homeSituationChecked", "verplicht (PA-7)"));
                }
                if (!missing.isEmpty()) {
                    throw RuleViolation.invalid("PA-7", missing);
                }
                if (!r.otherPupilsPseudonymised()) {
                    throw RuleViolation.rule("G-7", "Maak eerst gegevens van andere leerlingen onleesbaar "
                            + "(\"leerling 1\", \"leerling 2\"; geen initialen).", "otherPupilsPseudonymised");
                }
                if (!r.homeSituationChecked()) {
                    throw RuleViolation.rule("PA-7", "Controleer eerst wat gevolgen kan hebben voor de thuissituatie.",
                            "homeSituationChecked");
                }
                yield List.of(new DossierReviewed(id, actor, true, true));
            }
            case DraftAnswer d -> {
                requireKind(state, "G-8", RequestKind.THIRD_PARTY);
                yield List.of(new AnswerDrafted(id, actor));
            }
            case ReviewAnswer r -> {
                // G-8c: four eyes; the reviewer is not the author.
                if (state.answerDraftedBy() == null) {
                    throw RuleViolation.rule("G-8", "Er is nog geen concept-antwoord om te beoordelen.");
                }
                if (state.answerDraftedBy().equals(actor)) {
                    throw RuleViolation.rule("G-8", "Het antwoord moet door een tweede collega worden beoordeeld "
                            + "(vier ogen): u heeft het zelf geschreven.");
                }
                yield List.of(new AnswerReviewed(id, actor));
            }
            case InformGuardians g -> {
                if (g.on() == null) {
                    throw RuleViolation.missing(null, "on");
                }
                if (g.on().isAfter(facts.today())) {
                    throw RuleViolation.invalid(null, List.of(new Field("on", "ligt in de toekomst")));
                }
                yield List.of(new GuardiansInformed(id, actor, g.on()));
            }
            case RecordGuardianInspection i -> {
                requireKind(state, "OSO-5", RequestKind.SCHOOL_TRANSFER, RequestKind.SECONDARY_TRANSFER);
                if (i.on() == null || i.agrees() == null) {
                    List<Field> missing = new ArrayList<>();
                    if (i.on() == null) {
                        missing.add(new Field("on", "verplicht (OSO-5)"));
                    }
                    if (i.agrees() == null) {
                        missing.add(new Field("agrees", "verplicht (OSO-5)"));
                    }
                    throw RuleViolation.invalid("OSO-5", missing);
                }
                if (i.on().isAfter(facts.today())) {
                    throw RuleViolation.invalid("OSO-5", List.of(new Field("on", "ligt in de toekomst")));
                }
                boolean statement = Boolean.TRUE.equals(i.statementAdded());
                if (!i.agrees() && !statement) {
                    throw RuleViolation.rule("OSO-5", "De ouders zijn het niet eens met het dossier: voeg hun "
                            + "zienswijze toe (PA-11) voordat u verdergaat.", "statementAdded");
                }
                yield List.of(new GuardianInspectionHeld(id, actor, i.on(), i.agrees(), statement));
            }
            case Share s -> List.of(SharingGuard.share(s, state, facts));
            case ConfirmDelivery c -> {
                boolean mailed = state.shares().stream().anyMatch(x -> x.channel() == ShareChannel.SECURE_MAIL);
                if (state.kind() != RequestKind.PARENT_ACCESS || !mailed) {
                    throw RuleViolation.rule("PA-8", "Een ontvangstbevestiging hoort bij een dossier dat per "
                            + "beveiligde mail aan de ouder is gestuurd; dat is nog niet gebeurd.");
                }
                yield List.of(new DeliveryConfirmed(id, actor));
            }
            case NotifyOtherGuardian n -> {
                requireKind(state, "PA-9", RequestKind.PARENT_ACCESS);
                if (n.guardianId() == null || n.guardianId().isBlank()) {
                    throw RuleViolation.missing("PA-9", "guardianId");
                }
                GuardianRef guardian = state.received().guardians().stream()
                        .filter(g -> g.id().equals(n.guardianId())).findFirst().orElse(null);
                if (guardian == null || n.guardianId().equals(state.received().requesterGuardianId())) {
                    throw RuleViolation.rule("PA-9", "Dit is niet de andere ouder van dit verzoek.", "guardianId");
                }
                if (!guardian.hasAuthority()) {
                    throw RuleViolation.rule("PA-9", "Een ouder zonder gezag hoeft niet te worden ingelicht.",
                            "guardianId");
                }
                if (state.shares().isEmpty()) {
                    throw RuleViolation.rule("PA-9", "Het dossier is nog niet verstrekt; er valt nog niets te melden.");
                }
                yield List.of(new OtherGuardianNotified(id, actor, n.guardianId()));
            }
            case RequestCorrection c -> {
                requireKind(state, "PA-11", RequestKind.PARENT_ACCESS);
                if (c.description() == null || c.description().isBlank()) {
                    throw RuleViolation.missing("PA-11", "description");
                }
                yield List.of(new CorrectionRequested(id, actor));
            }
            case AddStatement s -> {
                requireKind(state, "PA-11", RequestKind.PARENT_ACCESS, RequestKind.SCHOOL_TRANSFER,
                        RequestKind.SECONDARY_TRANSFER);
                yield List.of(new StatementAdded(id, actor));
            }
            case AddNextSchoolContact n -> {
                // SWV-5: the next school's contact person joins the support file only with the guardians' consent.
                requireKind(state, "SWV-5", RequestKind.SUPPORT_FILE);
                if (!facts.consentSatisfied()) {
                    throw RuleViolation.rule("SWV-5", "De contactpersoon van de volgende school wordt alleen met "
                            + "toestemming van de ouders aan het Topdossier toegevoegd.");
                }
                yield List.of(new NextSchoolContactAdded(id, actor));
            }
            case Refuse r -> List.of(refuse(r, state, actor));
            case DecideResearch d -> {
                requireKind(state, "G-12", RequestKind.RESEARCH);
                List<Field> missing = new ArrayList<>();
                if (d.decision() == null) {
                    missing.add(new Field("decision", "verplicht (G-12)"));
                }
                if (d.reason() == null || d.reason().isBlank()) {
                    missing.add(new Field("reason", "verplicht (G-12)"));
                }
                if (!missing.isEmpty()) {
                    throw RuleViolation.invalid("G-12", missing);
                }
                yield List.of(new ResearchDecided(id, actor, d.decision(), d.reason()));
            }
            case Withdraw w -> List.of(new RequestWithdrawn(id, actor));
            case Close c -> {
                if (state.kind() == RequestKind.PARENT_ACCESS && !state.answered()) {
                    throw RuleViolation.rule("PA-4", "Een verzoek om inzage wordt pas afgesloten als de ouder "
                            + "antwoord heeft gekregen (dossier verstrekt, inzage gehouden of geweigerd).");
                }
                Set<String> toNotify = state.otherGuardiansToNotify();
                if (state.kind() == RequestKind.PARENT_ACCESS && !state.shares().isEmpty() && !toNotify.isEmpty()) {
                    throw RuleViolation.rule("PA-9", "De ouders wonen gescheiden: licht eerst de andere ouder(s) "
                            + "met gezag in dat het dossier is verstrekt.",
                            toNotify.stream().sorted().map(g -> new Field("guardianId", g + " nog niet ingelicht"))
                                    .toList());
                }
                yield List.of(new RequestClosed(id, actor, facts.today()));
            }
        };
    }

    /** PA-12, G-11: a refusal needs its reason and the consultations the rules name. */
    private static RequestRefused refuse(Refuse r, RequestState state, String actor) {
        List<Field> missing = new ArrayList<>();
        if (r.partial() == null) {
            missing.add(new Field("partial", "verplicht"));
        }
        if (r.reason() == null || r.reason().isBlank()) {
            missing.add(new Field("reason", "verplicht (PA-12)"));
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.invalid("PA-12", missing);
        }
        Set<Consultation> consulted = r.consulted() == null ? Set.of()
                : new HashSet<>(r.consulted().stream().filter(Objects::nonNull).toList());
        if (!consulted.contains(Consultation.QUALITY_OFFICER)) {
            throw RuleViolation.rule("G-11", "Een verzoek weigeren kan alleen na overleg met de staffunctionaris "
                    + "Onderwijs & Kwaliteit.", "consulted");
        }
        if (state.kind() == RequestKind.PARENT_ACCESS && !consulted.contains(Consultation.SAFEGUARDING_OFFICER)) {
            throw RuleViolation.rule("PA-12", "Inzage weigeren kan alleen na raadplegen van de aandachtsfunctionaris "
                    + "meldcode.", "consulted");
        }
        return new RequestRefused(state.id(), actor, r.partial(), r.reason(),
                consulted.stream().sorted().toList());
    }

    static void requireKind(RequestState state, String rule, RequestKind... kinds) {
        for (RequestKind k : kinds) {
            if (state.kind() == k) {
                return;
            }
        }
        throw RuleViolation.rule(rule, "Deze stap hoort niet bij een verzoek van het soort "
                + state.kind().name().toLowerCase(Locale.ROOT) + ".");
    }
}
