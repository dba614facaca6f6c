package nl.pupildata.events.sealing;

import java.util.UUID;
import nl.pupildata.events.InvalidEventException;

/**
 * How the sensitive values inside one request's events are written and read (issue 19, crypto-shredding): the pupil
 * reference, guardian ids, free-text reasons and descriptions, the third-party topic — every field marked
 * {@link Sealed}. Each request has its own key ({@link RequestKey}); erasing the request deletes the key everywhere,
 * and from then on those values read as {@link #ERASED} wherever the events are kept: on Kafka, in every event store,
 * in every replay.
 */
public interface ValueSeal {

    /** What a sealed value reads as once its request's key was erased. */
    String ERASED = "[gewist]";

    /** How a sealed value starts, followed by base64url of the IV and the AES-GCM cipher text. */
    String PREFIX = "sealed:v1:";

    /** The value as written into an event. */
    String seal(String plain);

    /** The value as read from an event; a value that is not sealed (written before sealing existed) is returned as is. */
    String open(String written);

    /** Whether values read through this seal are erased ones (an erased enum value reads as null, not as text). */
    default boolean erased() {
        return false;
    }

    static boolean isSealed(String written) {
        return written != null && written.startsWith(PREFIX);
    }

    /**
     * Writes values as they are and refuses to read a sealed one: for what a service keeps of other services' events
     * in its own database (the register's timeline), which is erased there by rewriting it with {@link #erasedSeal()}.
     */
    static ValueSeal plain() {
        return Plain.INSTANCE;
    }

    /** The seal of a request whose key was erased: every sealed value, written or read, is {@link #ERASED}. */
    static ValueSeal erasedSeal() {
        return Erased.INSTANCE;
    }

    /**
     * The seal of a request whose key this service has not received yet: reading a sealed value fails with
     * {@link KeyNotYetKnownException}, which a consumer retries until the key arrives.
     */
    static ValueSeal notYetKnown(UUID requestId) {
        return new NotYetKnown(requestId);
    }

    enum Plain implements ValueSeal {
        INSTANCE;

        @Override
        public String seal(String plain) {
            return plain;
        }

        @Override
        public String open(String written) {
            if (isSealed(written)) {
                throw new InvalidEventException("A sealed value where a plain one was expected");
            }
            return written;
        }
    }

    enum Erased implements ValueSeal {
        INSTANCE;

        @Override
        public String seal(String plain) {
            return ERASED;
        }

        @Override
        public String open(String written) {
            return isSealed(written) ? ERASED : written;
        }

        @Override
        public boolean erased() {
            return true;
        }
    }

    record NotYetKnown(UUID requestId) implements ValueSeal {
        @Override
        public String seal(String plain) {
            throw new IllegalStateException("No key for request " + requestId + " in this service");
        }

        @Override
        public String open(String written) {
            if (isSealed(written)) {
                throw new KeyNotYetKnownException(requestId);
            }
            return written;
        }
    }
}
