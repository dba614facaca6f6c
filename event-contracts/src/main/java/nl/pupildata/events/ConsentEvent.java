package nl.pupildata.events;


/** Events on {@code pupil-data.consents}, produced by consent-service. */
public sealed interface ConsentEvent extends PupilDataEvent
        permits ConsentRequirementDetermined, ConsentRequested, ConsentGranted, ConsentRefused, ConsentWithdrawn,
        ConsentExemptionGranted, ConsentSatisfied, ConsentLapsed {
}
