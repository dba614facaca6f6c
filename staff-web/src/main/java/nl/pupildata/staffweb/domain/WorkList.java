package nl.pupildata.staffweb.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.staffweb.client.Api;

/** The open requests of the user's schools in the order the card's terms ask for: missed, due soon, then the rest. */
public final class WorkList {

    /** The statuses of a request still open: the work list asks for each. */
    public static final List<String> OPEN = List.of("RECEIVED", "IN_PROGRESS", "ANSWERED");
    private static final List<String> URGENCY = List.of("MISSED", "DUE_SOON", "RUNNING");

    public record Row(UUID id, String kind, String schoolBrin, LocalDate receivedOn, LocalDate dueOn,
            String termStatus, Long daysLeft, String status, Api.Blocker nextStep) {

        public boolean missed() {
            return "MISSED".equals(termStatus);
        }

        public boolean dueSoon() {
            return "DUE_SOON".equals(termStatus);
        }
    }

    private WorkList() {
    }

    /**
     * @param terms the open terms by request (deadline-service decides missed, due soon or running)
     * @param nextSteps the first blocker of each request, where known
     */
    public static List<Row> of(List<Api.RequestRow> requests, Map<UUID, Api.WorkItem> terms,
            Map<UUID, Api.Blocker> nextSteps) {
        List<Row> rows = new ArrayList<>();
        for (Api.RequestRow r : requests) {
            if (!OPEN.contains(r.status())) {
                continue;
            }
            Api.WorkItem term = terms.get(r.requestId());
            rows.add(new Row(r.requestId(), r.kind(), r.schoolBrin(), r.receivedOn(),
                    term == null ? r.dueOn() : term.dueOn(), term == null ? null : term.status(),
                    term == null ? null : term.daysLeft(), r.status(), nextSteps.get(r.requestId())));
        }
        rows.sort(Comparator.comparingInt((Row r) -> r.termStatus() == null ? URGENCY.size()
                        : URGENCY.indexOf(r.termStatus()))
                .thenComparing(Row::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::receivedOn, Comparator.nullsLast(Comparator.reverseOrder())));
        return rows;
    }
}
