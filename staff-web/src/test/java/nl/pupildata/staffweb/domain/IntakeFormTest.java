package nl.pupildata.staffweb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.staffweb.client.Api;
import org.junit.jupiter.api.Test;

class IntakeFormTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aParentAccessFormBecomesTheIntakeJson_blankFieldsLeftOutForTheServiceToName() throws Exception {
        Map<String, String> typed = new HashMap<>(Map.of("schoolBrin", "12AB", "receivedOn", "2026-11-02",
                "receivedVia", "EMAIL", "pupil.ref", " P-1 ", "pupil.name", "", "pupil.group", "4",
                "guardians[0].name", "Anna", "guardians[0].email", "anna@example.nl",
                "guardians[0].hasAuthority", "on", "requester.guardianId", "g1"));
        typed.put("guardiansLivingApart", "on");
        typed.put("accessMode", "PDF_BY_SECURE_MAIL");
        JsonNode json = JSON.readTree(IntakeForm.toJson("PARENT_ACCESS", typed));
        assertEquals("P-1", json.at("/pupil/ref").asText());
        assertTrue(json.at("/pupil/name").isMissingNode(), "blank is absent");
        assertEquals(4, json.at("/pupil/group").asInt());
        assertEquals(1, json.at("/guardians").size(), "an empty second guardian is left out");
        assertTrue(json.at("/guardians/0/hasAuthority").asBoolean());
        assertTrue(json.at("/guardiansLivingApart").asBoolean());
        assertEquals("g1", json.at("/requester/guardianId").asText());
        assertFalse(json.has("topic"));
    }

    @Test
    void aViolationAboutTheRequestingGuardianLandsAtThatGuardiansFields() {
        Api.Problem problem = new Api.Problem("about:blank", "Ongeldig", 422, "Niet alle velden", "PA-1",
                List.of(new Api.Violation("guardian.email", "verplicht (PA-1)"),
                        new Api.Violation("pupil.name", "verplicht (PA-1)")));
        Map<String, String> typed = Map.of("requester.guardianId", "g2", "pupil.ref", "P-1");
        FormState state = FormState.refused(typed, problem, IntakeForm.aliases(typed));
        assertEquals("verplicht (PA-1)", state.error("guardians[1].email"));
        assertEquals("verplicht (PA-1)", state.error("pupil.name"));
        assertEquals("P-1", state.value("pupil.ref"), "nothing typed is lost");
        assertEquals("PA-1", state.rule());
        assertTrue(state.ruleText().length() > 10, "the rule's Dutch text");
    }

    @Test
    void everyKindHasItsForm_andEveryFieldItsOwnId() {
        for (String kind : IntakeForm.KINDS) {
            List<FormField> fields = IntakeForm.sections(kind, List.of("12AB")).stream()
                    .flatMap(s -> s.fields().stream()).toList();
            assertEquals(fields.size(), fields.stream().map(FormField::id).distinct().count(), kind);
        }
    }
}
