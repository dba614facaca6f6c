package nl.pupildata.events;

/** A message that can never be understood (bad JSON, unknown type, missing headers): it belongs in the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
