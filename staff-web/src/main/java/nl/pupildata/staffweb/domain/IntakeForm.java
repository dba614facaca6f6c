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

/**
 * The intake form for each kind of request: exactly what request-service's intake asks (ARCHITECTURE.md, POST
 * /requests), grouped in sections, and how the typed values become its JSON.
 */
public final class IntakeForm {

    public static final List<String> KINDS = List.of("PARENT_ACCESS", "SCHOOL_TRANSFER", "SECONDARY_TRANSFER",
            "SUPPORT_FILE", "THIRD_PARTY", "OUTGOING_INQUIRY", "RESEARCH");

    public record Section(String title, List<FormField> fields) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeForm() {
    }

    public static List<Section> sections(String kind, List<String> schools) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Het verzoek", List.of(
                FormField.select("schoolBrin", "School", schools.stream()
                        .map(s -> new FormField.Option(s, s)).toList()),
                FormField.of("date", "receivedOn", "Ontvangen op"),
                FormField.codes("receivedVia", "Ontvangen via", "via", "EMAIL", "LETTER", "PHONE", "OSO",
                        "IN_PERSON"))));
        List<FormField> pupil = new ArrayList<>(List.of(
                FormField.text("pupil.ref", "Leerlingnummer", "Het nummer in ParnasSys, nooit het BSN"),
                FormField.text("pupil.name", "Naam leerling"),
                FormField.of("date", "pupil.dateOfBirth", "Geboortedatum"),
                FormField.of("number", "pupil.group", "Groep")));
        if (kind.equals("SCHOOL_TRANSFER") || kind.equals("SECONDARY_TRANSFER")) {
            pupil.add(FormField.of("checkbox", "pupil.hasDoorstroomtoets", "Heeft een doorstroomtoets gemaakt"));
        }
        sections.add(new Section("De leerling", pupil));
        List<FormField> guardians = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String who = i == 0 ? "Ouder/verzorger 1" : "Ouder/verzorger 2 (als die er is)";
            guardians.add(FormField.text("guardians[" + i + "].name", who + ": naam"));
            guardians.add(FormField.of("email", "guardians[" + i + "].email", who + ": e-mailadres"));
            guardians.add(FormField.of("checkbox", "guardians[" + i + "].hasAuthority", who + ": heeft gezag"));
            if (kind.equals("SUPPORT_FILE")) {
                guardians.add(FormField.of("checkbox", "guardians[" + i + "].emailChecked",
                        who + ": e-mailadres gecontroleerd (SWV-2)"));
            }
        }
        guardians.add(FormField.of("checkbox", "guardiansLivingApart",
                "De ouders wonen gescheiden (ook: nooit samengewoond, relatie beëindigd)"));
        sections.add(new Section("Ouders/verzorgers", guardians));
        sections.add(new Section("Wat er gevraagd wordt", perKind(kind)));
        return sections;
    }

    private static List<FormField> perKind(String kind) {
        List<FormField.Option> guardianChoice = List.of(new FormField.Option("g1", "Ouder/verzorger 1"),
                new FormField.Option("g2", "Ouder/verzorger 2"));
        return switch (kind) {
            case "PARENT_ACCESS" -> List.of(
                    FormField.select("requester.guardianId", "Wie vraagt inzage", guardianChoice),
                    FormField.codes("accessMode", "Gekozen wijze van inzage", "access", "PDF_BY_SECURE_MAIL",
                            "INSPECTION_AT_SCHOOL"));
            case "SCHOOL_TRANSFER" -> List.of(
                    FormField.text("receivingSchool.brin", "BRIN van de nieuwe school"),
                    FormField.text("receivingSchool.name", "Naam van de nieuwe school"));
            case "SECONDARY_TRANSFER" -> List.of(
                    FormField.text("receivingSchool.brin", "BRIN van de school voor voortgezet onderwijs"),
                    FormField.text("receivingSchool.name", "Naam van de school voor voortgezet onderwijs"),
                    FormField.of("checkbox", "warmHandover", "Er komt een warme overdracht"));
            case "SUPPORT_FILE" -> List.of(
                    new FormField("fields.hulpvraag", "Ondersteuningsvraag", "textarea", List.of(),
                            "Alleen wat voor de ondersteuningsvraag van belang is (SWV-1); nooit een BSN of onderwijsnummer"));
            case "THIRD_PARTY" -> List.of(
                    FormField.codes("topic", "Onderwerp", "topic", "SPEECH_THERAPY", "DYSLEXIA_CARE",
                            "PHYSIOTHERAPY", "VEILIG_THUIS", "CONTESTED_DIVORCE", "SAFEGUARDING", "OTHER"),
                    FormField.text("requester.organisation", "Organisatie"),
                    FormField.text("requester.name", "Naam van de vrager"),
                    FormField.of("email", "requester.email", "E-mailadres van de vrager (werkaccount)"),
                    FormField.of("tel", "requester.phone", "Telefoon van de vrager"));
            case "OUTGOING_INQUIRY" -> List.of(FormField.text("organisation", "Organisatie die de school benadert"));
            case "RESEARCH" -> List.of(FormField.text("organisation", "Onderzoeksinstelling"));
            default -> throw new IllegalArgumentException("Onbekende soort: " + kind);
        };
    }

    /** The intake's JSON from the typed values (empty values are left out; the service says what is missing). */
    public static String toJson(String kind, Map<String, String> v) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", kind);
        put(root, "schoolBrin", v.get("schoolBrin"));
        put(root, "receivedOn", v.get("receivedOn"));
        put(root, "receivedVia", v.get("receivedVia"));
        ObjectNode pupil = root.putObject("pupil");
        put(pupil, "ref", v.get("pupil.ref"));
        put(pupil, "name", v.get("pupil.name"));
        put(pupil, "dateOfBirth", v.get("pupil.dateOfBirth"));
        String group = v.get("pupil.group");
        if (group != null && group.matches("\\d{1,2}")) {
            pupil.put("group", Integer.parseInt(group));
        } else {
            put(pupil, "group", group);
        }
        pupil.put("hasDoorstroomtoets", checked(v, "pupil.hasDoorstroomtoets"));
        ArrayNode guardians = root.putArray("guardians");
        for (int i = 0; i < 2; i++) {
            String name = v.get("guardians[" + i + "].name");
            String email = v.get("guardians[" + i + "].email");
            if (blank(name) && blank(email) && i > 0) {
                continue;
            }
            ObjectNode g = guardians.addObject();
            g.put("id", "g" + (i + 1));
            put(g, "name", name);
            put(g, "email", email);
            g.put("hasAuthority", checked(v, "guardians[" + i + "].hasAuthority"));
            g.put("emailChecked", checked(v, "guardians[" + i + "].emailChecked"));
        }
        root.put("guardiansLivingApart", checked(v, "guardiansLivingApart"));
        switch (kind) {
            case "PARENT_ACCESS" -> {
                put(root.putObject("requester"), "guardianId", v.get("requester.guardianId"));
                put(root, "accessMode", v.get("accessMode"));
            }
            case "SCHOOL_TRANSFER", "SECONDARY_TRANSFER" -> {
                ObjectNode school = root.putObject("receivingSchool");
                put(school, "brin", v.get("receivingSchool.brin"));
                put(school, "name", v.get("receivingSchool.name"));
                if (kind.equals("SECONDARY_TRANSFER")) {
                    root.put("warmHandover", checked(v, "warmHandover"));
                }
            }
            case "SUPPORT_FILE" -> put(root.putObject("fields"), "hulpvraag", v.get("fields.hulpvraag"));
            case "THIRD_PARTY" -> {
                put(root, "topic", v.get("topic"));
                ObjectNode requester = root.putObject("requester");
                put(requester, "organisation", v.get("requester.organisation"));
                put(requester, "name", v.get("requester.name"));
                put(requester, "email", v.get("requester.email"));
                put(requester, "phone", v.get("requester.phone"));
            }
            case "OUTGOING_INQUIRY", "RESEARCH" -> put(root, "organisation", v.get("organisation"));
            default -> throw new IllegalArgumentException(kind);
        }
        return root.toString();
    }

    /**
     * Where a violation about the requesting guardian (PA-1 names {@code guardian.name}) belongs in this form: at the
     * fields of the guardian the user chose as requester.
     */
    public static Map<String, String> aliases(Map<String, String> v) {
        String index = "g2".equals(v.get("requester.guardianId")) ? "1" : "0";
        return Map.of("guardian.name", "guardians[" + index + "].name",
                "guardian.email", "guardians[" + index + "].email");
    }
}
