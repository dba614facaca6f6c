package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.OsoSection;

/**
 * What a decision needs beyond the request's own events: today's date, who acts and in which roles, what the consent events
 * said (G-2, G-5; SWV-5's consent of its own for the next school's contact) and who asked for or recorded it (G-3), the guardians' addresses by guardian id (the requester's is the verified address of the request,
 * PA-8; kept in this service's database only), and the
 * board's policy settings.
 */
public record HandlingFacts(
        LocalDate today,
        String actor,
        Set<String> actorRoles,
        boolean consentSatisfied,
        boolean consentLapsed,
        boolean nextSchoolContactConsent,
        ExemptionGround exemption,
        Set<String> consentHandledBy,
        Map<String, String> guardianEmails,
        BoardPolicy policy) {

    /** OSO-2's absence window (the card's 2 years, narrower if the board wishes) and OSO-4's statutory parts. */
    public record BoardPolicy(Period absenceWindow, Set<OsoSection> statutorySections) {
        public static final BoardPolicy DEFAULT = new BoardPolicy(Period.ofYears(2),
                Set.of(OsoSection.TOETSRESULTATEN, OsoSection.DOORSTROOMTOETS, OsoSection.VERZUIM));
    }
}
