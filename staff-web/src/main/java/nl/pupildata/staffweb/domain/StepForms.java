package nl.pupildata.staffweb.domain;

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
                    "Wanneer kan de ouder het dossier verwachten (niet na de termijn)"));
            case "review" -> List.of(
                    FormField.of("checkbox", "otherPupilsPseudonymised",
                            "Gegevens van andere leerlingen zijn onleesbaar gemaakt (leerling 1, leerling 2; geen initialen)"),
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
                    request.guardians().stream().filter(g -> Boolean.TRUE.equals(g.hasAuthority()))
                            .map(g -> new FormField.Option(g.id(), g.name() == null ? g.id() : g.name())).toList()));
            case "corrections" -> List.of(new FormField("description", "Wat de ouder wil laten corrigeren of aanvullen",
                    "textarea", List.of(), null));
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

    private static List<FormField> share(Api.Request request) {
        List<FormField> fields = new ArrayList<>();
        switch (request.kind()) {
            case "PARENT_ACCESS" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL", "INSPECTION_AT_SCHOOL"));
                fields.add(FormField.of("email", "recipient", "Naar (het e-mailadres waarvandaan de ouder het verzoek stuurde)"));
                fields.add(FormField.text("staffPresent[0]", "Bij inzage op school: medewerker 1"));
                fields.add(FormField.text("staffPresent[1]", "Bij inzage op school: medewerker 2"));
            }
            case "THIRD_PARTY", "OUTGOING_INQUIRY" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL", "PHONE"));
                fields.add(FormField.text("recipient", "Aan"));
                fields.add(FormField.of("checkbox", "callbackVerified",
                        "Telefonisch: de identiteit is gecontroleerd door terug te bellen naar het bekende nummer"));
            }
            case "SCHOOL_TRANSFER", "SECONDARY_TRANSFER" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "OSO", "PHONE"));
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
            case "SUPPORT_FILE" -> fields.add(FormField.codes("channel", "Hoe", "channel", "SUPPORT_FILE"));
            case "RESEARCH" -> {
                fields.add(FormField.codes("channel", "Hoe", "channel", "SECURE_MAIL"));
                fields.add(FormField.text("recipient", "Aan"));
            }
            default -> {
            }
        }
        return fields;
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
        body.put("callbackVerified", checked(v, "callbackVerified"));
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
