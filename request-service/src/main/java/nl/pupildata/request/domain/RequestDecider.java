package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.List;
import nl.pupildata.events.RequestAcknowledged;
import nl.pupildata.events.RequestClosed;
import nl.pupildata.events.RequestEvent;
import nl.pupildata.events.RequestWithdrawn;
import nl.pupildata.request.domain.RuleViolation.Field;

/** decide(command, state) → events, or a {@link RuleViolation}. Pure: no clock, no I/O. */
public final class RequestDecider {

    private RequestDecider() {
    }

    /** Thrown for a command the request's state does not allow at all (answered 409). */
    public static final class NotAllowedInState extends RuntimeException {
        public NotAllowedInState(String message) {
            super(message);
        }
    }

    public static List<RequestEvent> decide(RequestCommand command, RequestState state, String actor, LocalDate today) {
        if (!state.exists()) {
            throw new IllegalArgumentException("Unknown request");
        }
        if (state.status().isFinal()) {
            throw new NotAllowedInState("Dit verzoek is al afgerond (" + state.status() + ").");
        }
        return switch (command) {
            case RequestCommand.Acknowledge a -> {
                if (a.expectedOn() == null) {
                    throw RuleViolation.invalid("PA-3", List.of(new Field("expectedOn", "verplicht (PA-3)")));
                }
                if (a.expectedOn().isBefore(today)) {
                    throw RuleViolation.invalid("PA-3", List.of(new Field("expectedOn", "mag niet in het verleden liggen")));
                }
                yield List.of(new RequestAcknowledged(state.id(), actor, a.expectedOn()));
            }
            case RequestCommand.Withdraw w -> List.of(new RequestWithdrawn(state.id(), actor));
            case RequestCommand.Close c -> List.of(new RequestClosed(state.id(), actor, today));
        };
    }
}
