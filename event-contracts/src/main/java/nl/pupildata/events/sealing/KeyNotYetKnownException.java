package nl.pupildata.events.sealing;

import java.util.UUID;

/**
 * An event holds a sealed value of a request whose key this service has not received yet (the key travels on its own
 * topic, and may arrive a moment after the event). Not a poison message: the consumer tries again.
 */
public class KeyNotYetKnownException extends RuntimeException {

    private final UUID requestId;

    public KeyNotYetKnownException(UUID requestId) {
        super("The key of request " + requestId + " has not reached this service yet");
        this.requestId = requestId;
    }

    public UUID requestId() {
        return requestId;
    }

    /** The exception in a cause chain (Jackson wraps what a deserializer throws), if any. */
    public static java.util.Optional<KeyNotYetKnownException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeyNotYetKnownException k) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
