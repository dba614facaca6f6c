package nl.pupildata.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: {@code type}, {@code title} (English, for integrators), {@code status}, {@code detail}
 * (Dutch, for school staff), and where a rule said no, {@code rule} with the quality card's rule id;
 * {@code violations} lists every failed field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String rule,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
