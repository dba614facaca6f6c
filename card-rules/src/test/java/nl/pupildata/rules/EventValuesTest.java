package nl.pupildata.rules;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EventValuesTest {

    @Test
    void referencesAreOpaque() {
        for (String ok : new String[] { "L-20417", "P-1", "g1", "pupil_7.b", "A" }) {
            assertNull(EventValues.referenceProblem(ok), ok);
        }
        for (String wrong : new String[] { "anna@example.nl", "Noor el Amrani", "=HYPERLINK(\"x\")", "-1", "", " P-1",
                "P".repeat(41), "ë-1", "P-1\n" }) {
            String problem = EventValues.referenceProblem(wrong);
            assertNotNull(problem, wrong);
            assertFalse(!wrong.isBlank() && problem.contains(wrong), "the value is not echoed: " + wrong);
        }
        assertNull(EventValues.referenceProblem(null), "absent is another check's business");
    }

    @Test
    void reasonsAreBoundedAndNameNoOne() {
        assertNull(EventValues.textProblem("Het dossier is omvangrijk; een deel ligt bij de vorige school."));
        assertNotNull(EventValues.textProblem("Zie de mail van anna.devries@example.nl"));
        assertNotNull(EventValues.textProblem("x".repeat(EventValues.MAX_TEXT + 1)));
        assertNull(EventValues.textProblem("x".repeat(EventValues.MAX_TEXT)));
        assertNotNull(EventValues.textProblem("leesniveau\u0000"), "a NUL would stop the consumers that store it");
        assertNull(EventValues.textProblem("regel 1\nregel 2\ttab"));
        assertFalse(EventValues.textProblem("mail a@b.nl").contains("a@b.nl"), "the value is not echoed");
    }
}
