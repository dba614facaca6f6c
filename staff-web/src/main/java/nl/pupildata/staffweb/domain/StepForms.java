package nl.pupildata.staffweb.domain;

import nl.pupildata.events.Labels;
import static nl.pupildata.staffweb.domain.FormValues.blank;
import static nl.pupildata.staffweb.domain.FormValues.checked;
import static nl.pupildata.staffweb.domain.FormValues.put;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.pupildata.staffweb.client.Api;

/**
 * The short forms of the handling steps, the consent actions and the extension (ARCHITECTURE.md, their bodies), and
 * how the typed values become each body's JSON.
 */
public final class StepForms {

    public static final List<String> SECTIONS = List.of("TOETSRESULTATEN", "DOORSTROOMTOETS", "VERZUIM", "VVE",
            "HANDELINGSPLANNEN", "BIJLAGEN", "ONDERWIJSONDERSTEUNING");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepForms() {
    }

    /** The fields of a handling step of request-service for this request. */
    public static List<FormField> step(String step, Api.Request request) {
        return switch (step) {
            case "acknowledgement" -> List.of(FormField.of("date", "expectedOn",
                    "Wanneer kan de ouder het dossier verwachten (niet na de termijn)"),
                    FormField.of("checkbox", "otherGuardiansMentioned", "Gescheiden ouders: in de bevestiging staat "
                            + "dat de andere ouder(s) met gezag worden ingelicht en hetzelfde dossier krijgen"));
            case "review" -> List.of(
                    FormField.of("checkbox", "otherPupilsPseudonymised", OTHERS_UNREADABLE),
                    FormField.of("checkbox", "homeSituationChecked",
                            "Nagelopen wat gevolgen kan hebben voor de thuissituatie"));
            case "guardians-informed" -> List.of(FormField.of("date", "on", "Ouders ingelicht op"));
            case "guardian-inspection" -> List.of(
                    FormField.of("date", "on", "Ingezien op"),
                    FormField.select("agrees", "Zijn de ouders het eens met het dossier",
                            List.of(new FormField.Option("true", "Ja"), new FormField.Option("false", "Nee"))),
                    FormField.of("checkbox", "statementAdded", "Hun zienswijze is toegevoegd"));
            case "shares" -> share(request);
            case "other-guardian-notices" -> List.of(FormField.select("guardianId", "Welke ouder",
                    request.guardians().stream().filter(g -> Boolean.TRUE.equals(g.hasAuthority()) && !g.requester())
                            .map(g -> new FormField.Option(g.id(), g.name() == null ? g.id() : g.name())).toList()));
            case "corrections" -> List.of(new FormField("description", "Wat de ouder wil laten corrigeren of aanvullen",
                    "textarea", List.of(), null));
            case "correction-decision" -> List.of(
                    FormField.codes("outcome", "Besluit", "correction", "MADE", "PARTLY_MADE", "REFUSED"),
                    new FormField("reason", "Reden (als niet alles is aangepast)", "textarea", List.of(), null));
            case "warm-handover" -> List.of(
                    FormField.codes("askedBy", "Wie vraagt erom", "side", "SENDING_SCHOOL", "RECEIVING_SCHOOL"));
            case "access-copies" -> List.of(FormField.of("date", "on", "Inzage gestuurd op"));
            case "guardians" -> guardians(request);
            case "refusal" -> List.of(
                    FormField.select("partial", "Geheel of gedeeltelijk", List.of(
                            new FormField.Option("false", "Geheel"), new FormField.Option("true", "Gedeeltelijk"))),
                    new FormField("reason", "Reden", "textarea", List.of(), "Weigeren kan pas als het overleg dat "
                            + "de kaart vraagt is beantwoord (G-11; bij inzage ook PA-12)."));
            case "research-decision" -> List.of(
                    FormField.codes("decision", "Besluit", "decision", "PARTICIPATE", "DECLINE"),
                    new FormField("reason", "Reden (met de beslishulp van het bestuur)", "textarea", List.of(), null));
            default -> List.of();
        };
    }

    /** G-7 (seed 3b), attested at the review of a guardian's dossier and before anything goes to others. */
    private static final String OTHERS_UNREADABLE = "Gegevens van andere leerlingen zijn onleesbaar gemaakt (leerling 1, "
            + "leerling 2; geen initialen, ook niet van medewerkers)";
    /** SWV-1: the Topdossier's categories (request-service's SupportCategory). */
    public static final List<String> CATEGORIES = List.of("SUPPORT_QUESTION", "LEARNING_RESULTS", "EDUCATIONAL_NEEDS",
            "SOCIAL_EMOTIONAL", "ATTENDANCE", "SUPPORT_GIVEN", "EXTERNAL_REPORTS", "HOME_SITUATION");

    private static List<FormField> share(Api.Request request) {
        List<FormField> fields = new ArrayList<>();
        switch (request.kind()) {
            case "PARENT_ACCESS" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL", "INSPECTION_AT_SCHOOL"));
                List<FormField.Option> to = new ArrayList<>();
                to.add(new FormField.Option("", "De ouder die inzage vroeg"));
                request.guardians().stream().filter(g -> Boolean.TRUE.equals(g.hasAuthority()) && !g.requester())
                        .forEach(g -> to.add(new FormField.Option(g.id(), (g.name() == null ? g.id() : g.name())
                                + " (de andere ouder met gezag, nadat die is ingelicht: PA-9)")));
                fields.add(FormField.select("recipientGuardianId", "Voor wie", to));
                fields.add(FormField.of("email", "recipient",
                        "Naar (het e-mailadres waarvandaan de ouder het verzoek stuurde, of dat van de andere ouder)"));
                fields.add(exportedPdf());
                fields.add(FormField.text("staffPresent[0]", "Bij inzage op school: medewerker 1"));
                fields.add(FormField.text("staffPresent[1]", "Bij inzage op school: medewerker 2"));
                fields.add(FormField.of("checkbox", "dossierOpenOnPupil",
                        "Bij inzage op school: het dossier stond al open op de leerling (geen leerlingenlijst in beeld)"));
                fields.add(FormField.of("checkbox", "neverLeftAlone",
                        "Bij inzage op school: de ouder was nooit alleen bij een onvergrendeld apparaat"));
            }
            case "THIRD_PARTY", "OUTGOING_INQUIRY" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL", "PHONE"));
                fields.add(FormField.text("recipient", "Aan"));
                fields.add(FormField.of("checkbox", "callbackVerified",
                        "Telefonisch: de identiteit is gecontroleerd door terug te bellen naar het bekende nummer"));
                fields.add(exportedPdf());
                if (request.kind().equals("THIRD_PARTY")) {
                    fields.add(FormField.of("checkbox", "otherPupilsPseudonymised", OTHERS_UNREADABLE));
                }
            }
            case "SCHOOL_TRANSFER", "SECONDARY_TRANSFER" -> {
                fields.add(request.kind().equals("SECONDARY_TRANSFER")
                        ? FormField.codes("channel", "Hoe", "channel", "OSO", "WARM_HANDOVER")
                        : FormField.codes("channel", "Hoe", "channel", "OSO"));
                fields.add(FormField.of("checkbox", "otherPupilsPseudonymised", OTHERS_UNREADABLE));
                for (String section : SECTIONS) {
                    fields.add(FormField.of("checkbox", "section." + section,
                            "Onderdeel " + Labels.of("section", section) + " opnemen"));
                }
                fields.add(FormField.of("checkbox", "flag.notable", "Verzuim: er zijn bijzonderheden"));
                fields.add(FormField.of("date", "flag.since", "Verzuim: vanaf"));
                fields.add(FormField.of("checkbox", "flag.hadVve", "VVE: de leerling had VVE"));
                fields.add(FormField.of("checkbox", "flag.coordinatedWithQualityCoordinator",
                        "Handelingsplannen/bijlagen: afgestemd met de KC"));
                fields.add(FormField.of("checkbox", "flag.recent", "Bijlagen: alleen recente"));
                fields.add(FormField.of("checkbox", "flag.guardianApproval", "Bijlagen: met goedkeuring van de ouders"));
                fields.add(FormField.of("checkbox", "flag.noOtherPupilNames",
                        "Handelingsplannen/bijlagen: geen namen van andere leerlingen"));
            }
            case "SUPPORT_FILE" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SUPPORT_FILE"));
                for (String category : CATEGORIES) {
                    fields.add(FormField.of("checkbox", "category." + category,
                            "Gedeeld: " + Labels.of("category", category)));
                }
                fields.add(FormField.of("checkbox", "categoriesRelevant",
                        "Elke gekozen soort gegevens is van belang voor de ondersteuningsvraag (SWV-1)"));
            }
            case "RESEARCH" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL"));
                fields.add(FormField.text("recipient", "Aan"));
                fields.add(exportedPdf());
                fields.add(FormField.of("checkbox", "otherPupilsPseudonymised", OTHERS_UNREADABLE));
            }
            default -> {
            }
        }
        return fields;
    }

    /** G-4: the guardians as they are now, one row more for a guardian not yet known; addresses left empty stay. */
    private static List<FormField> guardians(Api.Request request) {
        List<FormField> fields = new ArrayList<>();
        int rows = request.guardians().size() + 1;
        for (int i = 0; i < rows; i++) {
            String who = i < request.guardians().size() ? "Ouder/verzorger " + (i + 1) : "Nieuwe ouder/verzorger";
            fields.add(FormField.of("hidden", "guardians[" + i + "].id", "id"));
            fields.add(FormField.text("guardians[" + i + "].name", who + ": naam"));
            fields.add(FormField.of("email", "guardians[" + i + "].email",
                    who + ": e-mailadres (leeg: het bekende adres blijft)"));
            fields.add(FormField.of("checkbox", "guardians[" + i + "].hasAuthority", who + ": heeft gezag"));
        }
        fields.add(FormField.of("checkbox", "guardiansLivingApart", "De ouders wonen gescheiden"));
        return fields;
    }

    /** The guardians form filled in as the request has them now. */
    public static Map<String, String> guardianValues(Api.Request request) {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        List<Api.Guardian> known = request.guardians();
        for (int i = 0; i < known.size(); i++) {
            v.put("guardians[" + i + "].id", known.get(i).id());
            v.put("guardians[" + i + "].name", known.get(i).name() == null ? "" : known.get(i).name());
            v.put("guardians[" + i + "].hasAuthority", String.valueOf(Boolean.TRUE.equals(known.get(i).hasAuthority())));
        }
        v.put("guardians[" + known.size() + "].id", "g" + (known.size() + 1));
        v.put("guardiansLivingApart", String.valueOf(request.guardiansLivingApart()));
        return v;
    }

    private static FormField exportedPdf() {
        return FormField.of("checkbox", "exportedFromPupilAdministration",
                "Per beveiligde mail: de PDF komt rechtstreeks uit het leerlingvolgsysteem (G-13)");
    }

    /** The fields of a consent action for one guardian ({@code exemptions}: for the request). */
    public static List<FormField> consent(String what) {
        return switch (what) {
            case "requests" -> List.of(hidden("guardianId"), new FormField("informationDescription",
                    "Wat voor informatie wordt gegeven (G-10)", "textarea", List.of(), null));
            case "grants" -> List.of(hidden("guardianId"),
                    FormField.codes("evidence", "Schriftelijk bewijs (G-3)", "evidence", "EMAIL", "SIGNATURE"),
                    FormField.text("evidenceRef", "Waar het bewijs staat (bijvoorbeeld de notitie in ParnasSys)"));
            case "exemptions" -> List.of(
                    FormField.codes("ground", "Grond", "ground", "SAFEGUARDING", "STATUTORY_TRANSFER"),
                    new FormField("reason", "Reden", "textarea", List.of(), null));
            default -> List.of(hidden("guardianId"));
        };
    }

    /** A consent action for a purpose of its own (SWV-5: the next school's contact person). */
    public static List<FormField> consentWithPurpose(String what) {
        List<FormField> fields = new ArrayList<>(consent(what));
        fields.add(hidden("purpose"));
        return fields;
    }

    /** Asking an officer for advice (G-9, G-11, PA-12, OSO-4). */
    public static List<FormField> consultation() {
        return List.of(FormField.codes("officer", "Aan wie", "officer", "QUALITY_OFFICER", "SAFEGUARDING_OFFICER"),
                new FormField("question", "Vraag", "textarea", List.of(),
                        "Alleen wat het overleg nodig heeft; de vraag blijft in het systeem van de school."));
    }

    /** The officer's own advice on a consultation asked of them. */
    public static List<FormField> advice() {
        return List.of(new FormField("advice", "Uw advies", "textarea", List.of(), null),
                FormField.of("date", "on", "Gegeven op"));
    }

    public static List<FormField> extension() {
        return List.of(new FormField("reason", "Goede reden (PA-6)", "textarea", List.of(), null),
                FormField.of("date", "guardiansNotifiedOn", "Ouders ingelicht op (vóór het einde van de termijn)"));
    }

    private static FormField hidden(String name) {
        return FormField.of("hidden", name, name);
    }

    /** The body's JSON from the typed values: checkboxes are true or false, empty values are left out. */
    public static String toJson(String action, Map<String, String> v) {
        ObjectNode body = JSON.createObjectNode();
        switch (action) {
            case "acknowledgement" -> {
                put(body, "expectedOn", v.get("expectedOn"));
                body.put("otherGuardiansMentioned", checked(v, "otherGuardiansMentioned"));
            }
            case "review" -> {
                body.put("otherPupilsPseudonymised", checked(v, "otherPupilsPseudonymised"));
                body.put("homeSituationChecked", checked(v, "homeSituationChecked"));
            }
            case "guardian-inspection" -> {
                put(body, "on", v.get("on"));
                if (!blank(v.get("agrees"))) {
                    body.put("agrees", Boolean.parseBoolean(v.get("agrees")));
                }
                body.put("statementAdded", checked(v, "statementAdded"));
            }
            case "shares" -> share(body, v);
            case "guardians" -> {
                ArrayNode guardians = body.putArray("guardians");
                for (int i = 0; v.containsKey("guardians[" + i + "].id"); i++) {
                    String name = v.get("guardians[" + i + "].name");
                    boolean last = !v.containsKey("guardians[" + (i + 1) + "].id");
                    if (last && blank(name) && blank(v.get("guardians[" + i + "].email"))) {
                        continue; // the row for a new guardian, left empty
                    }
                    ObjectNode g = guardians.addObject();
                    put(g, "id", v.get("guardians[" + i + "].id"));
                    put(g, "name", name);
                    put(g, "email", v.get("guardians[" + i + "].email"));
                    g.put("hasAuthority", checked(v, "guardians[" + i + "].hasAuthority"));
                }
                body.put("guardiansLivingApart", checked(v, "guardiansLivingApart"));
            }
            case "refusal" -> {
                if (!blank(v.get("partial"))) {
                    body.put("partial", Boolean.parseBoolean(v.get("partial")));
                }
                put(body, "reason", v.get("reason"));
            }
            default -> v.forEach((k, value) -> {
                if (!k.equals("csrf-token")) {
                    put(body, k, value);
                }
            });
        }
        return body.toString();
    }

    private static void share(ObjectNode body, Map<String, String> v) {
        put(body, "channel", v.get("channel"));
        put(body, "recipient", v.get("recipient"));
        put(body, "recipientGuardianId", v.get("recipientGuardianId"));
        for (String attestation : List.of("callbackVerified", "otherPupilsPseudonymised",
                "exportedFromPupilAdministration", "dossierOpenOnPupil", "neverLeftAlone", "categoriesRelevant")) {
            body.put(attestation, checked(v, attestation));
        }
        ArrayNode categories = body.putArray("categories");
        CATEGORIES.stream().filter(c -> checked(v, "category." + c)).forEach(categories::add);
        ArrayNode staff = body.putArray("staffPresent");
        for (int i = 0; i < 2; i++) {
            String name = v.get("staffPresent[" + i + "]");
            if (!blank(name)) {
                staff.add(name.trim());
            }
        }
        ArrayNode sections = body.putArray("sections");
        for (String section : SECTIONS) {
            if (checked(v, "section." + section)) {
                ObjectNode s = sections.addObject();
                s.put("section", section);
                s.put("notable", checked(v, "flag.notable"));
                put(s, "since", v.get("flag.since"));
                s.put("hadVve", checked(v, "flag.hadVve"));
                s.put("coordinatedWithQualityCoordinator", checked(v, "flag.coordinatedWithQualityCoordinator"));
                s.put("recent", checked(v, "flag.recent"));
                s.put("guardianApproval", checked(v, "flag.guardianApproval"));
                s.put("containsOtherPupilNames", !checked(v, "flag.noOtherPupilNames"));
            }
        }
    }
}
