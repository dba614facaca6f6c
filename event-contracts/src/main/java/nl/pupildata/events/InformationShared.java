package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** Information was given through a channel; for transfer files with the sections included. */
public record InformationShared(UUID requestId, String actor, ShareChannel channel, LocalDate sharedOn, List<OsoSection> sections, ExemptionGround exemption) implements RequestEvent {
}
