package nl.pupildata.platform.problem;

import java.util.UUID;

/** Another command changed the same request first; the caller may reload and retry. Answered 409. */
public class ConcurrencyConflictException extends RuntimeException {
    public ConcurrencyConflictException(UUID streamId, int expectedVersion) {
        super("Request " + streamId + " was changed concurrently (expected version " + expectedVersion + ")");
    }
}
