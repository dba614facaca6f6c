package nl.pupildata.request.domain;

import java.time.LocalDate;

/** The handling steps of a request that this version of the service decides. */
public sealed interface RequestCommand {

    /** PA-3: confirm receipt and say when the dossier can be expected. */
    record Acknowledge(LocalDate expectedOn) implements RequestCommand {
    }

    record Withdraw() implements RequestCommand {
    }

    record Close() implements RequestCommand {
    }
}
