package nl.pupildata.request.rest;

import java.util.List;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;

/**
 * Optimistic concurrency for integrators: a handling step may carry {@code If-Match} with the ETag of the request as
 * the client last read it (its stream version); a request changed since is answered 412. Without the header (or with
 * {@code *}) the step applies to the request as it is now.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** The version the header names, or null for none or {@code *}. */
    static Integer expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(null, List.of(new Violation("If-Match",
                    "de ETag van het verzoek, zoals GET /requests/{id} die geeft (bijvoorbeeld \"3\")")));
        }
    }
}
