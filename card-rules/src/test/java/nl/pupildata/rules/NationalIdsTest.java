package nl.pupildata.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SWV-4: a BSN and an onderwijsnummer are found however they are typed; other nine-digit numbers are not. */
class NationalIdsTest {

    @Test
    void aBsnPassesTheElevenTest() {
        assertTrue(NationalIds.isBsn("111222333"));
        assertFalse(NationalIds.isBsn("123456789"));
        assertFalse(NationalIds.isBsn("000000000"), "a sum of 0 is no number");
    }

    @Test
    void anOnderwijsnummerStartsWith10AndLeaves5() {
        // 1·9+0·8+1·7+2·6+2·5+2·4+3·3+3·2−1 = 60 = 5·11+5
        assertTrue(NationalIds.isOnderwijsnummer("101222331"));
        assertFalse(NationalIds.isBsn("101222331"), "not a BSN: the old test missed it");
        assertFalse(NationalIds.isOnderwijsnummer("101222332"), "remainder 4");
        assertFalse(NationalIds.isOnderwijsnummer("111222333"), "a BSN, not starting with 10");
    }

    @Test
    void foundInsideTextWithTheSeparatorsPeopleType() {
        assertTrue(NationalIds.containsNationalId("leerling 1012.22.331 leest traag"));
        assertTrue(NationalIds.containsNationalId("bsn: 111 22 2333"));
        assertTrue(NationalIds.containsNationalId("111-222-333"));
        assertFalse(NationalIds.containsNationalId("ticket 123456789 en 0612345678"));
        assertFalse(NationalIds.containsNationalId("1112223334"), "ten digits are no BSN");
        assertFalse(NationalIds.containsNationalId(null));
        assertFalse(NationalIds.containsNationalId("groep 11, 1.222.333"), "eight digits in all");
        assertTrue(NationalIds.containsNationalId("a1b1c1, 111 22 2333"), "nine digits among others");
    }

    @Test
    void onlyNineAsciiDigitsAreANumber() {
        assertFalse(NationalIds.isBsn("11122233x"));
        assertFalse(NationalIds.isBsn("1112223330"));
        assertFalse(NationalIds.isBsn("١١١٢٢٢٣٣٣"), "Arabic-Indic digits: not what staff type as a BSN");
    }
}
