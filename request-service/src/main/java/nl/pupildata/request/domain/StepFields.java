package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.request.domain.RequestCommand.*;
import nl.pupildata.rules.EventValues;
import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.Rule;
import nl.pupildata.rules.RuleViolation;
import nl.pupildata.rules.RuleViolation.Field;

/**
 * Whether a handling step's fields are all there and well-formed (400 with every failed field, naming the rule
 * that asks for them): checked before the card's rules are asked whether the step is allowed (422). Pure.
 */
public final class StepFields {

    private StepFields() {
    }

    public static void check(RequestCommand command, LocalDate today) {
        Fields f = new Fields();
        Rule demandedBy = switch (command) {
            case Acknowledge a -> {
                f.required("expectedOn", a.expectedOn());
                f.notBefore("expectedOn", a.expectedOn(), today, "ligt in het verleden");
                yield Rule.PA_3;
            }
            case Review r -> {
                f.required("otherPupilsPseudonymised", r.otherPupilsPseudonymised(), "verplicht (PA-7)");
                f.required("homeSituationChecked", r.homeSituationChecked(), "verplicht (PA-7)");
                yield Rule.PA_7;
            }
            case InformGuardians g -> {
                f.required("on", g.on());
                f.notAfter("on", g.on(), today);
                yield null;
            }
            case RecordGuardianInspection i -> {
                f.required("on", i.on(), "verplicht (OSO-5)");
                f.required("agrees", i.agrees(), "verplicht (OSO-5)");
                f.notAfter("on", i.on(), today);
                yield Rule.OSO_5;
            }
            case Share s -> {
                f.required("channel", s.channel());
                yield null;
            }
            case NotifyOtherGuardian n -> {
                f.requiredText("guardianId", n.guardianId(), "verplicht (PA-9)");
                yield Rule.PA_9;
            }
            case RequestCorrection c -> {
                f.requiredText("description", c.description(), "verplicht (PA-11)");
                yield Rule.PA_11;
            }
            case DecideCorrection d -> {
                f.required("outcome", d.outcome(), "verplicht (PA-11)");
                if (d.outcome() != null && d.outcome() != nl.pupildata.events.model.CorrectionOutcome.MADE) {
                    f.requiredText("reason", d.reason(), "de reden, als de correctie niet (helemaal) is gedaan");
                }
                yield Rule.PA_11;
            }
            case CorrectGuardians g -> {
                guardians(f, g);
                yield Rule.G_4;
            }
            case AskWarmHandover w -> {
                f.required("askedBy", w.askedBy(), "verplicht (VO-1)");
                yield Rule.VO_1;
            }
            case SendAccessCopy c -> {
                f.required("on", c.on(), "verplicht (SWV-3)");
                f.notAfter("on", c.on(), today);
                yield Rule.SWV_3;
            }
            case Refuse r -> {
                f.required("partial", r.partial());
                f.requiredText("reason", r.reason(), "verplicht (PA-12)");
                yield Rule.PA_12;
            }
            case AskConsultation a -> {
                f.required("officer", a.officer(), "verplicht (G-11)");
                f.requiredText("question", a.question(), "verplicht (G-11)");
                yield Rule.G_11;
            }
            case AnswerConsultation a -> {
                f.requiredText("advice", a.advice(), "verplicht (G-11)");
                f.required("on", a.on(), "verplicht (G-11)");
                f.notAfter("on", a.on(), today);
                yield Rule.G_11;
            }
            case DecideResearch d -> {
                f.required("decision", d.decision(), "verplicht (G-12)");
                f.requiredText("reason", d.reason(), "verplicht (G-12)");
                yield Rule.G_12;
            }
            case DraftAnswer d -> null;
            case ReviewAnswer r -> null;
            case ConfirmDelivery c -> null;
            case AddStatement s -> null;
            case AddNextSchoolContact n -> null;
            case Withdraw w -> null;
            case Close c -> null;
        };
        eventValues(command, f);
        if (!f.failed.isEmpty()) {
            throw RuleViolation.invalid(demandedBy, f.failed);
        }
        List<Field> nationalIds = texts(command).entrySet().stream()
                .filter(t -> NationalIds.containsNationalId(t.getValue()))
                .map(t -> new Field(t.getKey(), "bevat een BSN of onderwijsnummer")).toList();
        if (!nationalIds.isEmpty()) {
            throw RuleViolation.rule(Rule.SWV_4, "Een BSN of onderwijsnummer hoort niet in dit systeem; verwijder het "
                    + "nummer.", nationalIds);
        }
    }

    /**
     * What of a step goes into its event is narrow (issue 19): guardian ids are opaque references, the reasons of a
     * refusal and of a research decision are bounded and name no one. Everything else typed stays in this service.
     */
    private static void eventValues(RequestCommand command, Fields f) {
        Map<String, String> references = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        switch (command) {
            case NotifyOtherGuardian n -> references.put("guardianId", n.guardianId());
            case Share s -> references.put("recipientGuardianId", s.recipientGuardianId());
            case CorrectGuardians g -> {
                for (int i = 0; g.guardians() != null && i < g.guardians().size(); i++) {
                    if (g.guardians().get(i) != null) {
                        references.put("guardians[" + i + "].id", g.guardians().get(i).id());
                    }
                }
            }
            case Refuse r -> texts.put("reason", r.reason());
            case DecideResearch d -> texts.put("reason", d.reason());
            default -> {
            }
        }
        references.forEach((field, value) -> add(f, field, EventValues.referenceProblem(value)));
        texts.forEach((field, value) -> add(f, field, EventValues.textProblem(value)));
        // All else typed is stored in this service (its event store, the personal details): storable, too.
        texts(command).forEach((field, value) -> add(f, field, EventValues.invisibleCharacterProblem(value)));
    }

    private static void add(Fields f, String field, String problem) {
        if (problem != null && f.failed.stream().noneMatch(x -> x.field().equals(field))) {
            f.failed.add(new Field(field, problem));
        }
    }

    /** SWV-4: what staff type in a step, by field, to look for a national number in. */
    static Map<String, String> texts(RequestCommand command) {
        Map<String, String> texts = new LinkedHashMap<>();
        switch (command) {
            case Share s -> {
                texts.put("recipient", s.recipient());
                if (s.staffPresent() != null) {
                    for (int i = 0; i < s.staffPresent().size(); i++) {
                        texts.put("staffPresent[" + i + "]", s.staffPresent().get(i));
                    }
                }
            }
            case Refuse r -> texts.put("reason", r.reason());
            case DecideResearch d -> texts.put("reason", d.reason());
            case AskConsultation a -> texts.put("question", a.question());
            case AnswerConsultation a -> texts.put("advice", a.advice());
            case RequestCorrection c -> texts.put("description", c.description());
            case DecideCorrection d -> texts.put("reason", d.reason());
            case CorrectGuardians g -> {
                if (g.guardians() != null) {
                    for (int i = 0; i < g.guardians().size(); i++) {
                        Intake.Guardian x = g.guardians().get(i);
                        if (x != null) {
                            texts.put("guardians[" + i + "].id", x.id());
                            texts.put("guardians[" + i + "].name", x.name());
                        }
                    }
                }
            }
            default -> {
            }
        }
        texts.values().removeIf(java.util.Objects::isNull);
        return texts;
    }

    /** The corrected guardians, as complete as at intake: ids unique, authority known, addresses well-formed. */
    private static void guardians(Fields f, CorrectGuardians g) {
        f.required("guardiansLivingApart", g.guardiansLivingApart());
        if (g.guardians() == null || g.guardians().isEmpty()) {
            f.failed.add(new Field("guardians", "verplicht"));
            return;
        }
        if (g.guardians().size() > IntakeRules.MAX_GUARDIANS) {
            f.failed.add(new Field("guardians", "hoogstens " + IntakeRules.MAX_GUARDIANS + " ouders/verzorgers"));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < g.guardians().size(); i++) {
            Intake.Guardian x = g.guardians().get(i);
            String at = "guardians[" + i + "]";
            if (x == null) {
                f.failed.add(new Field(at, "leeg"));
                continue;
            }
            if (x.id() == null || x.id().isBlank()) {
                f.failed.add(new Field(at + ".id", "verplicht"));
            } else if (!ids.add(x.id())) {
                f.failed.add(new Field(at + ".id", "komt twee keer voor"));
            }
            f.required(at + ".hasAuthority", x.hasAuthority());
            if (x.email() != null && !IntakeRules.EMAIL.matcher(x.email()).matches()) {
                f.failed.add(new Field(at + ".email", "geen geldig e-mailadres"));
            } else {
                add(f, at + ".email", EventValues.invisibleCharacterProblem(x.email()));
            }
            for (String text : java.util.Arrays.asList(x.id(), x.name(), x.email())) {
                if (text != null && text.length() > IntakeRules.MAX_TEXT) {
                    f.failed.add(new Field(at, "te lang (hoogstens " + IntakeRules.MAX_TEXT + " tekens)"));
                }
            }
        }
    }

    private static final class Fields {
        final List<Field> failed = new ArrayList<>();

        void required(String field, Object value) {
            required(field, value, "verplicht");
        }

        void required(String field, Object value, String message) {
            if (value == null) {
                failed.add(new Field(field, message));
            }
        }

        void requiredText(String field, String value, String message) {
            if (value == null || value.isBlank()) {
                failed.add(new Field(field, message));
            }
        }

        void notBefore(String field, LocalDate value, LocalDate today, String message) {
            if (value != null && value.isBefore(today)) {
                failed.add(new Field(field, message));
            }
        }

        void notAfter(String field, LocalDate value, LocalDate today) {
            if (value != null && value.isAfter(today)) {
                failed.add(new Field(field, "ligt in de toekomst"));
            }
        }
    }
}
