package nl.pupildata.events;

import java.util.UUID;

/** The next school's contact person was added to the support file, with the guardians' consent (SWV-5). */
public record NextSchoolContactAdded(UUID requestId, String actor) implements RequestEvent {
}
