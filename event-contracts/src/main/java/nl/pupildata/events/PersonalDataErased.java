package nl.pupildata.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The retention period after the request ended has passed and request-service erased its personal data: names,
 * addresses and date of birth, the texts staff typed, the letters (issue 19). The events keep their references; the
 * register keeps the counts and dates.
 */
public record PersonalDataErased(UUID requestId, String actor, LocalDate erasedOn) implements RequestEvent {
}
