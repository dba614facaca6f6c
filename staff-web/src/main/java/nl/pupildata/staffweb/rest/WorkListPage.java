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
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.WorkList;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/** Werklijst: the open requests of my schools, missed terms first, then due soon, with the next step of each. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WorkListPage {

    /** At most this many requests get their next step looked up (each is one call to request-service). */
    static final int NEXT_STEPS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Viewer viewer, List<WorkList.Row> rows, String problem);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;

    @GET
    @Blocking
    public TemplateInstance show() {
        List<Api.RequestRow> open = new ArrayList<>();
        for (String status : WorkList.OPEN) {
            Answer<List<Api.RequestRow>> requests = calls.requests(status);
            if (!requests.ok()) {
                return Templates.worklist(viewer, List.of(), requests.problem().detail());
            }
            open.addAll(requests.value());
        }
        Map<UUID, Api.WorkItem> terms = new HashMap<>();
        if (viewer.may("worklist")) {
            for (String status : new String[] { null, "RUNNING" }) {
                Answer<List<Api.WorkItem>> items = calls.workList(status);
                if (items.ok()) {
                    items.value().forEach(i -> terms.put(i.requestId(), i));
                }
            }
        }
        List<WorkList.Row> rows = WorkList.of(open, terms, Map.of());
        List<UUID> first = rows.stream().limit(NEXT_STEPS).map(WorkList.Row::id).toList();
        List<Answer<Api.Request>> details = calls.requests(first);
        Map<UUID, Api.Blocker> next = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            Answer<Api.Request> d = details.get(i);
            if (d.ok() && !d.value().blockers().isEmpty()) {
                next.put(first.get(i), d.value().blockers().get(0));
            }
        }
        return Templates.worklist(viewer, WorkList.of(open, terms, next), null);
    }
}
