package nl.pupildata.events;

import java.util.UUID;
import nl.pupildata.events.model.TransferSide;

/** VO-1: a warm handover was asked for, by the primary or the secondary school, before the transfer. */
public record WarmHandoverRequested(UUID requestId, String actor, TransferSide askedBy) implements RequestEvent {
}
