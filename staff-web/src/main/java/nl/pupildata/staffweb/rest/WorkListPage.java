package nl.pupildata.staffweb.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.WorkList;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/** Werklijst: the open requests of my schools, missed terms first, then due soon, with the next step of each. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WorkListPage {

    /** At most this many requests, the most urgent, show their next step (one call to request-service for all). */
    static final int NEXT_STEPS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Viewer viewer, List<WorkList.Row> rows, String problem);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;

    /**
     * Five reads at once (the open requests by status, the terms missed or due soon and those running), then the next
     * steps of the fifty most urgent in one call.
     */
    @GET
    @Blocking
    public TemplateInstance show() {
        List<CompletableFuture<Answer<List<Api.RequestRow>>>> lists = WorkList.OPEN.stream()
                .map(status -> calls.start(() -> calls.requests(status))).toList();
        List<CompletableFuture<Answer<List<Api.WorkItem>>>> workLists = !viewer.may("worklist") ? List.of()
                : Stream.of(null, "RUNNING").map(status -> calls.start(() -> calls.workList(status))).toList();
        List<Api.RequestRow> open = new ArrayList<>();
        for (CompletableFuture<Answer<List<Api.RequestRow>>> list : lists) {
            Answer<List<Api.RequestRow>> requests = ServiceCalls.await(list);
            if (!requests.ok()) {
                return Templates.worklist(viewer, List.of(), requests.problem().detail());
            }
            open.addAll(requests.value());
        }
        Map<UUID, Api.WorkItem> terms = new HashMap<>();
        for (CompletableFuture<Answer<List<Api.WorkItem>>> workList : workLists) {
            Answer<List<Api.WorkItem>> items = ServiceCalls.await(workList);
            if (items.ok()) {
                items.value().forEach(i -> terms.put(i.requestId(), i));
            }
        }
        List<UUID> first = WorkList.of(open, terms, Map.of()).stream().limit(NEXT_STEPS).map(WorkList.Row::id).toList();
        Map<UUID, Api.Blocker> next = new HashMap<>();
        Answer<List<Api.NextStep>> steps = calls.nextSteps(first);
        if (steps.ok()) {
            steps.value().stream().filter(s -> s.next() != null).forEach(s -> next.put(s.requestId(), s.next()));
        }
        return Templates.worklist(viewer, WorkList.of(open, terms, next), null);
    }
}
