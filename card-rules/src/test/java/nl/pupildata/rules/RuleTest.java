package nl.pupildata.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void everyRuleHasItsOwnIdAndADutchText() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rule.values()) {
            assertEquals(r.name().replace('_', '-'), r.id(), "the constant names its id");
            assertFalse(r.text().isBlank(), r.id());
            assertEquals(r, Rule.ofId(r.id()));
            ids.add(r.id());
        }
        assertEquals(37, ids.size(), "RULES.md has 37 rules");
    }
}
