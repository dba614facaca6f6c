package nl.pupildata.request.domain;

import nl.pupildata.rules.EventValues;
import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.Rule;

import nl.pupildata.rules.RuleViolation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.model.Complexity;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.ReceivedVia;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.model.RequesterCategory;
import nl.pupildata.rules.RuleViolation.Field;

/** Whether a request may be registered, and the {@code RequestReceived} it becomes. Pure. */
public final class IntakeRules {

    static final Pattern BRIN = Pattern.compile("\\d{2}[A-Z0-9]{2}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    static final int MAX_TEXT = 200;
    static final int MAX_GUARDIANS = 6;
    static final int MAX_FIELDS = 50;
    static final int MAX_FIELD_VALUE = 2000;

    private final Set<String> freeMailDomains;

    public IntakeRules(Set<String> freeMailDomains) {
        this.freeMailDomains = Set.copyOf(freeMailDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
    }

    public RequestReceived receive(UUID requestId, String actor, Intake in, LocalDate today) {
        if (in == null) {
            throw RuleViolation.invalid(null, List.of(new Field("body", "verplicht")));
        }
        checkFields(in, today);
        checkNoNationalId(in);
        if (in.kind() == RequestKind.PARENT_ACCESS) {
            checkParentAccess(in);
        }
        if (in.kind() == RequestKind.THIRD_PARTY) {
            checkComplexThirdParty(in);
        }
        if (in.kind() == RequestKind.SUPPORT_FILE) {
            checkSupportFileGuardians(in);
        }
        return toEvent(requestId, actor, in);
    }

    private void checkFields(Intake in, LocalDate today) {
        List<Field> missing = new ArrayList<>();
        List<Field> malformed = new ArrayList<>();
        if (in.kind() == null) {
            missing.add(new Field("kind", "verplicht"));
        }
        if (in.schoolBrin() == null || in.schoolBrin().isBlank()) {
            missing.add(new Field("schoolBrin", "verplicht"));
        } else if (!BRIN.matcher(in.schoolBrin()).matches()) {
            malformed.add(new Field("schoolBrin", "geen geldige BRIN-code (2 cijfers en 2 letters of cijfers)"));
        }
        if (in.receivedOn() == null) {
            missing.add(new Field("receivedOn", "verplicht"));
        } else if (in.receivedOn().isAfter(today)) {
            malformed.add(new Field("receivedOn", "mag niet in de toekomst liggen"));
        }
        if (in.receivedVia() == null) {
            missing.add(new Field("receivedVia", "verplicht"));
        }
        if (in.pupil() == null || blank(in.pupil().ref())) {
            missing.add(new Field("pupil.ref", "verplicht"));
        } else {
            reference(malformed, "pupil.ref", in.pupil().ref());
        }
        if (in.pupil() != null && in.pupil().dateOfBirth() != null && in.pupil().dateOfBirth().isAfter(today)) {
            malformed.add(new Field("pupil.dateOfBirth", "mag niet in de toekomst liggen"));
        }
        if (in.pupil() != null && in.pupil().group() != null && (in.pupil().group() < 1 || in.pupil().group() > 8)) {
            malformed.add(new Field("pupil.group", "moet tussen 1 en 8 liggen"));
        }
        checkGuardians(in, missing, malformed);
        checkPerKind(in, missing, malformed);
        checkTexts(in, malformed);
        if (in.kind() == RequestKind.PARENT_ACCESS) {
            missing.addAll(parentAccessMissing(in));
        }
        if (!missing.isEmpty() || !malformed.isEmpty()) {
            List<Field> all = new ArrayList<>(missing);
            all.addAll(malformed);
            boolean pa1 = in.kind() == RequestKind.PARENT_ACCESS && !parentAccessMissing(in).isEmpty();
            throw RuleViolation.invalid(pa1 ? Rule.PA_1 : null, all);
        }
    }

    private static void checkGuardians(Intake in, List<Field> missing, List<Field> malformed) {
        Set<String> ids = new HashSet<>();
        List<Intake.Guardian> guardians = in.guardiansOrEmpty();
        if (guardians.size() > MAX_GUARDIANS) {
            malformed.add(new Field("guardians", "hoogstens " + MAX_GUARDIANS + " ouders/verzorgers"));
        }
        for (int i = 0; i < guardians.size(); i++) {
            Intake.Guardian g = guardians.get(i);
            String at = "guardians[" + i + "]";
            if (g == null) {
                malformed.add(new Field(at, "leeg"));
                continue;
            }
            if (blank(g.id())) {
                missing.add(new Field(at + ".id", "verplicht"));
            } else if (reference(malformed, at + ".id", g.id())) {
                // reported
            } else if (!ids.add(g.id())) {
                malformed.add(new Field(at + ".id", "komt twee keer voor"));
            }
            if (g.hasAuthority() == null) {
                missing.add(new Field(at + ".hasAuthority", "verplicht"));
            }
            if (g.email() != null && !EMAIL.matcher(g.email()).matches()) {
                malformed.add(new Field(at + ".email", "geen geldig e-mailadres"));
            }
        }
        if (!guardians.isEmpty() && in.guardiansLivingApart() == null) {
            missing.add(new Field("guardiansLivingApart", "verplicht"));
        }
        if (in.requester() != null && in.requester().guardianId() != null && !ids.contains(in.requester().guardianId())) {
            malformed.add(new Field("requester.guardianId", "onbekende ouder/verzorger"));
        }
        if (in.requester() != null && in.requester().email() != null
                && !EMAIL.matcher(in.requester().email()).matches()) {
            malformed.add(new Field("requester.email", "geen geldig e-mailadres"));
        }
    }

    /** An identifier that goes into RequestReceived: an opaque reference (issue 19); true when it is not one. */
    private static boolean reference(List<Field> malformed, String field, String value) {
        String problem = EventValues.referenceProblem(value);
        if (problem != null) {
            malformed.add(new Field(field, problem));
        }
        return problem != null;
    }

    private static void checkPerKind(Intake in, List<Field> missing, List<Field> malformed) {
        if (in.kind() == null) {
            return;
        }
        switch (in.kind()) {
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> {
                if (in.receivingSchool() == null || blank(in.receivingSchool().brin())) {
                    missing.add(new Field("receivingSchool.brin", "verplicht"));
                } else if (!BRIN.matcher(in.receivingSchool().brin()).matches()) {
                    malformed.add(new Field("receivingSchool.brin", "geen geldige BRIN-code"));
                }
                if (in.guardiansOrEmpty().isEmpty()) {
                    missing.add(new Field("guardians", "verplicht"));
                }
            }
            case THIRD_PARTY -> {
                if (in.topic() == null) {
                    missing.add(new Field("topic", "verplicht"));
                }
                if (in.requester() == null || blank(in.requester().organisation())) {
                    missing.add(new Field("requester.organisation", "verplicht"));
                }
                if (in.guardiansOrEmpty().isEmpty()) {
                    missing.add(new Field("guardians", "verplicht"));
                }
            }
            case OUTGOING_INQUIRY, RESEARCH -> {
                if (blank(in.organisation())) {
                    missing.add(new Field("organisation", "verplicht"));
                }
            }
            case SUPPORT_FILE -> {
                if (in.guardiansOrEmpty().isEmpty()) {
                    missing.add(new Field("guardians", "verplicht"));
                }
            }
            case PARENT_ACCESS -> {
                // PA-1 lists its own fields.
            }
        }
    }

    /** Every text typed at intake is bounded and storable (no control characters but line breaks and tabs). */
    private static void checkTexts(Intake in, List<Field> malformed) {
        for (Map.Entry<String, String> text : in.texts()) {
            int limit = text.getKey().startsWith("fields.") ? MAX_FIELD_VALUE : MAX_TEXT;
            String invisible = EventValues.invisibleCharacterProblem(text.getValue());
            if (text.getValue().length() > limit) {
                malformed.add(new Field(text.getKey(), "te lang (hoogstens " + limit + " tekens)"));
            } else if (invisible != null && malformed.stream().noneMatch(f -> f.field().equals(text.getKey()))) {
                malformed.add(new Field(text.getKey(), invisible));
            }
        }
        if (in.fields() != null && in.fields().size() > MAX_FIELDS) {
            malformed.add(new Field("fields", "hoogstens " + MAX_FIELDS + " velden"));
        }
    }

    /** PA-1: pupil name and date of birth, the guardian's name and e-mail, and the chosen way of access. */
    static List<Field> parentAccessMissing(Intake in) {
        List<Field> missing = new ArrayList<>();
        if (in.pupil() == null || blank(in.pupil().name())) {
            missing.add(new Field("pupil.name", "verplicht (PA-1)"));
        }
        if (in.pupil() == null || in.pupil().dateOfBirth() == null) {
            missing.add(new Field("pupil.dateOfBirth", "verplicht (PA-1)"));
        }
        Intake.Guardian requester = requestingGuardian(in);
        if (in.requester() == null || blank(in.requester().guardianId())) {
            missing.add(new Field("requester.guardianId", "verplicht (PA-1)"));
        } else if (requester != null) {
            if (blank(requester.name())) {
                missing.add(new Field("guardian.name", "verplicht (PA-1)"));
            }
            if (blank(requester.email())) {
                missing.add(new Field("guardian.email", "verplicht (PA-1)"));
            }
        }
        if (in.accessMode() == null) {
            missing.add(new Field("accessMode", "verplicht (PA-1)"));
        }
        return missing;
    }

    private static void checkParentAccess(Intake in) {
        // PA-1: the request is written — an e-mail or a letter.
        if (in.receivedVia() != ReceivedVia.EMAIL && in.receivedVia() != ReceivedVia.LETTER) {
            throw RuleViolation.rule(Rule.PA_1, "Een verzoek om inzage moet schriftelijk binnenkomen (e-mail of brief).",
                    List.of(new Field("receivedVia", "alleen EMAIL of LETTER")));
        }
        // PA-2: guardians have the right while the pupil is younger than 16 on the day of receipt.
        if (Period.between(in.pupil().dateOfBirth(), in.receivedOn()).getYears() >= 16) {
            throw RuleViolation.rule(Rule.PA_2,
                    "De leerling was op de dag van ontvangst 16 jaar of ouder; ouders hebben dan geen inzagerecht meer.",
                    List.of(new Field("pupil.dateOfBirth", "leerling is 16 of ouder")));
        }
    }

    /**
     * SWV-2: the guardians are added to the Topdossier, in principle both, each guardian with authority with an
     * e-mail address that was checked ("zorg dat de mailadressen van de ouders correct zijn").
     */
    private static void checkSupportFileGuardians(Intake in) {
        List<Field> unchecked = new ArrayList<>();
        List<Intake.Guardian> guardians = in.guardiansOrEmpty();
        for (int i = 0; i < guardians.size(); i++) {
            Intake.Guardian g = guardians.get(i);
            if (!Boolean.TRUE.equals(g.hasAuthority())) {
                continue;
            }
            if (blank(g.email())) {
                unchecked.add(new Field("guardians[" + i + "].email", "het e-mailadres van elke ouder met gezag"));
            } else if (!Boolean.TRUE.equals(g.emailChecked())) {
                unchecked.add(new Field("guardians[" + i + "].emailChecked", "controleer het e-mailadres"));
            }
        }
        if (guardians.stream().noneMatch(g -> Boolean.TRUE.equals(g.hasAuthority()))) {
            unchecked.add(new Field("guardians", "voeg de ouders met gezag toe"));
        }
        if (!unchecked.isEmpty()) {
            throw RuleViolation.rule(Rule.SWV_2, "Voeg de ouders met gezag toe aan het Topdossier, elk met een "
                    + "gecontroleerd e-mailadres.", unchecked);
        }
    }

    /** G-8: complex questions arrive by e-mail from the organisation's work account, never a free-mail address. */
    private void checkComplexThirdParty(Intake in) {
        if (in.topic().complexity() != Complexity.COMPLEX) {
            return;
        }
        if (in.receivedVia() != ReceivedVia.EMAIL) {
            throw RuleViolation.rule(Rule.G_8, "In complexe situaties moeten de vragen per e-mail vanaf een werkaccount "
                    + "komen, zodat de identiteit te controleren is.",
                    List.of(new Field("receivedVia", "alleen EMAIL")));
        }
        String email = in.requester().email();
        if (blank(email)) {
            throw RuleViolation.rule(Rule.G_8, "Het werk-e-mailadres van de aanvrager ontbreekt.",
                    List.of(new Field("requester.email", "verplicht bij complexe situaties")));
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (freeMailDomains.contains(domain)) {
            throw RuleViolation.rule(Rule.G_8, "Een adres bij " + domain + " is geen werkaccount; vraag de aanvrager "
                    + "de vragen vanaf het werkadres van de organisatie te sturen.",
                    List.of(new Field("requester.email", "geen werkaccount")));
        }
    }

    /**
     * SWV-4: no BSN or onderwijsnummer anywhere in a request, of any kind (never in the support file, and nowhere
     * else either: handling a request never needs one, G-1); the value is never echoed.
     */
    private static void checkNoNationalId(Intake in) {
        List<Field> found = in.texts().stream()
                .filter(t -> NationalIds.containsNationalId(t.getValue()))
                .map(t -> new Field(t.getKey(), "bevat een BSN of onderwijsnummer"))
                .toList();
        if (!found.isEmpty()) {
            throw RuleViolation.rule(Rule.SWV_4, "Een BSN of onderwijsnummer hoort niet in dit systeem en nooit in "
                    + "het Topdossier; verwijder het nummer.", found);
        }
    }

    private static RequestReceived toEvent(UUID id, String actor, Intake in) {
        List<GuardianRef> guardians = in.guardiansOrEmpty().stream()
                .map(g -> new GuardianRef(g.id(), Boolean.TRUE.equals(g.hasAuthority()))).toList();
        return new RequestReceived(id, actor, in.schoolBrin(), in.kind(), in.receivedOn(), in.receivedVia(),
                in.pupil().ref(), in.pupil().group(), Boolean.TRUE.equals(in.pupil().hasDoorstroomtoets()), guardians,
                Boolean.TRUE.equals(in.guardiansLivingApart()), category(in),
                in.requester() == null ? null : in.requester().guardianId(),
                in.kind() == RequestKind.PARENT_ACCESS ? in.accessMode() : null,
                in.kind() == RequestKind.THIRD_PARTY ? in.topic() : null,
                in.kind() == RequestKind.THIRD_PARTY ? in.topic().complexity() : null,
                in.receivingSchool() == null ? null : in.receivingSchool().brin(),
                in.kind() == RequestKind.SECONDARY_TRANSFER ? Boolean.TRUE.equals(in.warmHandover()) : null);
    }

    static RequesterCategory category(Intake in) {
        return switch (in.kind()) {
            case PARENT_ACCESS -> RequesterCategory.GUARDIAN;
            case SCHOOL_TRANSFER -> RequesterCategory.PRIMARY_SCHOOL;
            case SECONDARY_TRANSFER -> RequesterCategory.SECONDARY_SCHOOL;
            case SUPPORT_FILE -> RequesterCategory.SUPPORT_PARTNERSHIP;
            case THIRD_PARTY -> RequesterCategory.EXTERNAL_PROFESSIONAL;
            case OUTGOING_INQUIRY -> RequesterCategory.SCHOOL_ITSELF;
            case RESEARCH -> RequesterCategory.RESEARCHER;
        };
    }

    static Intake.Guardian requestingGuardian(Intake in) {
        if (in.requester() == null || in.requester().guardianId() == null) {
            return null;
        }
        return in.guardiansOrEmpty().stream().filter(g -> g != null && in.requester().guardianId().equals(g.id()))
                .findFirst().orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
