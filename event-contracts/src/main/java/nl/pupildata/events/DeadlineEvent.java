package nl.pupildata.events;


/** Events on {@code pupil-data.deadlines}, produced by deadline-service. */
public sealed interface DeadlineEvent extends PupilDataEvent
        permits DeadlineSet, DeadlineExtended, DeadlineDueSoon, DeadlineMissed, DeadlineMet, DeadlineCancelled {
}
