package nl.pupildata.staffweb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.staffweb.client.Api;
import org.junit.jupiter.api.Test;

class WorkListTest {

    static final LocalDate D = LocalDate.of(2026, 11, 2);

    static Api.RequestRow row(UUID id, String status, LocalDate received) {
        return new Api.RequestRow(id, "12AB", "PARENT_ACCESS", status, received, null, true, null);
    }

    @Test
    void missedTermsFirst_thenDueSoon_thenRunning_thenWithoutTerm_andClosedRequestsAreLeftOut() {
        UUID running = UUID.randomUUID(), missed = UUID.randomUUID(), dueSoon = UUID.randomUUID(),
                noTerm = UUID.randomUUID(), closed = UUID.randomUUID(), runningLater = UUID.randomUUID();
        List<Api.RequestRow> requests = List.of(row(running, "RECEIVED", D), row(noTerm, "IN_PROGRESS", D),
                row(closed, "CLOSED", D), row(dueSoon, "ANSWERED", D), row(missed, "RECEIVED", D.minusDays(40)),
                row(runningLater, "RECEIVED", D));
        Map<UUID, Api.WorkItem> terms = Map.of(
                running, new Api.WorkItem(running, "12AB", D.plusDays(20), "RUNNING", 20),
                runningLater, new Api.WorkItem(runningLater, "12AB", D.plusDays(25), "RUNNING", 25),
                missed, new Api.WorkItem(missed, "12AB", D.minusDays(12), "MISSED", -12),
                dueSoon, new Api.WorkItem(dueSoon, "12AB", D.plusDays(3), "DUE_SOON", 3));
        Api.Blocker next = new Api.Blocker("PA-7", "Laat het dossier nalopen", "…");
        List<WorkList.Row> rows = WorkList.of(requests, terms, Map.of(missed, next));
        assertEquals(List.of(missed, dueSoon, running, runningLater, noTerm), rows.stream().map(WorkList.Row::id).toList());
        assertEquals(next, rows.get(0).nextStep());
        assertEquals(-12L, rows.get(0).daysLeft());
    }
}
