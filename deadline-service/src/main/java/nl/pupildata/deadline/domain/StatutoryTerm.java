package nl.pupildata.deadline.domain;

import nl.pupildata.rules.EventValues;
import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.Rule;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.rules.RuleViolation;

/**
 * The statutory term of one request (PA-4) and its extensions (PA-6), as its events describe it. Pure:
 * today's date is always passed in.
 */
public record StatutoryTerm(UUID requestId, LocalDate receivedOn, LocalDate dueOn, List<DeadlineExtended> extensions,
        LocalDate metOn, Boolean metWithinTerm, boolean cancelled, boolean dueSoonSignalled, boolean missedSignalled) {

    public static final int MAX_EXTENSIONS = 2;
    public static final StatutoryTerm NONE = new StatutoryTerm(null, null, null, List.of(), null, null, false, false,
            false);

    public enum Status { RUNNING, DUE_SOON, MISSED, MET, CANCELLED }

    public boolean exists() {
        return requestId != null;
    }

    public static StatutoryTerm replay(List<? extends PupilDataEvent> history) {
        StatutoryTerm t = NONE;
        for (PupilDataEvent e : history) {
            t = t.evolve(e);
        }
        return t;
    }

    public StatutoryTerm evolve(PupilDataEvent event) {
        return switch (event) {
            case DeadlineSet s -> new StatutoryTerm(s.requestId(), s.receivedOn(), s.dueOn(), List.of(), null, null,
                    false, false, false);
            case DeadlineExtended x -> {
                List<DeadlineExtended> all = new ArrayList<>(extensions);
                all.add(x);
                yield new StatutoryTerm(requestId, receivedOn, x.newDueOn(), List.copyOf(all), metOn, metWithinTerm,
                        cancelled, false, false);
            }
            case DeadlineMet m -> new StatutoryTerm(requestId, receivedOn, dueOn, extensions, m.metOn(),
                    m.withinTerm(), cancelled, dueSoonSignalled, missedSignalled);
            case DeadlineCancelled c -> new StatutoryTerm(requestId, receivedOn, dueOn, extensions, metOn,
                    metWithinTerm, true, dueSoonSignalled, missedSignalled);
            case DeadlineDueSoon d -> new StatutoryTerm(requestId, receivedOn, dueOn, extensions, metOn, metWithinTerm,
                    cancelled, true, missedSignalled);
            case DeadlineMissed d -> new StatutoryTerm(requestId, receivedOn, dueOn, extensions, metOn, metWithinTerm,
                    cancelled, dueSoonSignalled, true);
            default -> this;
        };
    }

    /** Derived on read from today's date, whether or not a signal was emitted yet. */
    public Status status(LocalDate today, int dueSoonDays) {
        if (cancelled) {
            return Status.CANCELLED;
        }
        if (metOn != null) {
            return Status.MET;
        }
        return openStatus(dueOn, today, dueSoonDays);
    }

    /** The status of a term that still runs: missed after its due date, due soon within the warning window. */
    public static Status openStatus(LocalDate dueOn, LocalDate today, int dueSoonDays) {
        if (today.isAfter(dueOn)) {
            return Status.MISSED;
        }
        return ChronoUnit.DAYS.between(today, dueOn) <= dueSoonDays ? Status.DUE_SOON : Status.RUNNING;
    }

    /**
     * PA-4: how the term follows the request's own events. A request of a kind with a term gets it from its receipt
     * (the term per kind is a board setting, {@code terms}); an answer meets it (a partial refusal is no answer until
     * the rest was given); a withdrawal cancels it.
     *
     * @param answeredOn the day a refusal was given (its event has no date of its own)
     */
    public List<DeadlineEvent> follow(RequestEvent event, Map<RequestKind, Period> terms, LocalDate answeredOn,
            String service) {
        return switch (event) {
            case RequestReceived r -> {
                Period term = terms.get(r.kind());
                yield exists() || term == null ? List.of() : List.of(new DeadlineSet(r.requestId(), service,
                        r.schoolBrin(), r.receivedOn(), r.receivedOn().plus(term)));
            }
            case InformationShared s -> exists() ? answered(s.sharedOn(), s.actor()) : List.of();
            // PA-4: a full refusal answers; a partial one only once the part not refused was given (a share).
            case RequestRefused r -> exists() && !r.partial() ? answered(answeredOn, r.actor()) : List.of();
            case RequestWithdrawn w -> exists() && open() ? List.of(new DeadlineCancelled(w.requestId(), w.actor()))
                    : List.of();
            default -> List.of();
        };
    }

    /**
     * The signals due on {@code today}, each once per term (an extension starts a new term): DeadlineMissed
     * the day after the due date, else DeadlineDueSoon within the warning window. A scan that runs late
     * catches up: a term found already missed gets only its DeadlineMissed.
     */
    public List<DeadlineEvent> signals(LocalDate today, int dueSoonDays, String actor) {
        Status status = status(today, dueSoonDays);
        if (status == Status.MISSED && !missedSignalled) {
            return List.of(new DeadlineMissed(requestId, actor, dueOn));
        }
        if (status == Status.DUE_SOON && !dueSoonSignalled) {
            return List.of(new DeadlineDueSoon(requestId, actor, dueOn));
        }
        return List.of();
    }

    /** Still running: neither met nor cancelled. */
    public boolean open() {
        return !cancelled && metOn == null;
    }

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    /** PA-6: at most twice, one calendar month each, while the term runs, guardians told before it ends. */
    public DeadlineExtended extend(String reason, LocalDate guardiansNotifiedOn, String approver, LocalDate today) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid(Rule.PA_6,
                    List.of(new RuleViolation.Field("reason", "Een verlenging vraagt een goede reden.")));
        }
        if (NationalIds.containsNationalId(reason)) {
            throw RuleViolation.rule(Rule.SWV_4, "Een BSN of onderwijsnummer hoort niet in dit systeem; verwijder het "
                    + "nummer.", List.of(new RuleViolation.Field("reason", "bevat een BSN of onderwijsnummer")));
        }
        String wide = EventValues.textProblem(reason);
        if (wide != null) {
            throw RuleViolation.invalid(null, List.of(new RuleViolation.Field("reason", wide)));
        }
        if (guardiansNotifiedOn == null) {
            throw RuleViolation.invalid(Rule.PA_6,
                    List.of(new RuleViolation.Field("guardiansNotifiedOn", "Leg vast wanneer de ouders zijn ingelicht.")));
        }
        if (cancelled || metOn != null) {
            throw RuleViolation.rule(Rule.PA_6, "De termijn loopt niet meer; verlengen kan niet.");
        }
        if (extensions.size() >= MAX_EXTENSIONS) {
            throw RuleViolation.rule(Rule.PA_6, "De termijn is al twee keer verlengd; vaker mag niet.");
        }
        if (today.isAfter(dueOn)) {
            throw RuleViolation.rule(Rule.PA_6, "De termijn is al verstreken; verlengen kan alleen vóór het einde.");
        }
        if (guardiansNotifiedOn.isAfter(dueOn)) {
            throw RuleViolation.rule(Rule.PA_6, "De ouders moeten vóór het einde van de termijn zijn ingelicht.",
                    "guardiansNotifiedOn");
        }
        if (guardiansNotifiedOn.isAfter(today)) {
            throw RuleViolation.invalid(Rule.PA_6,
                    List.of(new RuleViolation.Field("guardiansNotifiedOn", "Deze datum ligt in de toekomst.")));
        }
        return new DeadlineExtended(requestId, approver, extensions.size() + 1, dueOn.plusMonths(1), reason,
                guardiansNotifiedOn);
    }

    /** The request was answered on {@code on}; records whether that was within the term. */
    public List<DeadlineEvent> answered(LocalDate on, String actor) {
        if (cancelled || metOn != null) {
            return List.of();
        }
        return List.of(new DeadlineMet(requestId, actor, on, dueOn, !on.isAfter(dueOn)));
    }

}
