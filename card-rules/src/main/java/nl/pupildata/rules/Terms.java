package nl.pupildata.rules;

import java.time.Period;

/** The terms the card fixes. */
public final class Terms {

    /** PA-4: a guardian's access request is answered within 4 weeks after receipt. */
    public static final Period PARENT_ACCESS = Period.ofWeeks(4);

    private Terms() {
    }
}
