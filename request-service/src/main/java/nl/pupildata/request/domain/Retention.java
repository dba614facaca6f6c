package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.events.PupilDataEvent;

/**
 * How long a request's personal data is kept after the request ended (closed, withdrawn or refused), and when it is
 * erased: on the day the board's period has passed, once. Pure.
 *
 * @param keep the board's period ({@code pupil-data.retention.personal-data}; docs/privacy.md gives the default's
 *     reasoning)
 */
public record Retention(Period keep) {

    public Retention {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("a retention period cannot be negative: " + keep);
        }
    }

    /** The first day the personal data of a request that ended on {@code endedOn} is no longer kept. */
    public LocalDate eraseOn(LocalDate endedOn) {
        return endedOn.plus(keep);
    }

    /** Whether the personal data is due for erasure today (never for a request that has not ended). */
    public boolean due(LocalDate endedOn, LocalDate today) {
        return endedOn != null && !today.isBefore(eraseOn(endedOn));
    }

    /**
     * The erasure of a request that ended on {@code endedOn}, as an event; refused (as NotAllowedInState) before it is
     * due, and when the history already holds one.
     */
    public PersonalDataErased erase(java.util.UUID requestId, List<? extends PupilDataEvent> history,
            LocalDate endedOn, LocalDate today) {
        if (history.stream().anyMatch(PersonalDataErased.class::isInstance)) {
            throw new RequestDecider.NotAllowedInState("De persoonsgegevens van dit verzoek zijn al gewist.");
        }
        if (!due(endedOn, today)) {
            throw new RequestDecider.NotAllowedInState(endedOn == null
                    ? "Het verzoek loopt nog; de persoonsgegevens blijven bewaard."
                    : "De persoonsgegevens worden bewaard tot " + eraseOn(endedOn) + ".");
        }
        return new PersonalDataErased(requestId, "request-service", today);
    }
}
