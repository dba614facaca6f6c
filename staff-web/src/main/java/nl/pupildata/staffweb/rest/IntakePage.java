package nl.pupildata.staffweb.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.events.SchoolTime;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.FormField;
import nl.pupildata.staffweb.domain.FormState;
import nl.pupildata.staffweb.domain.IntakeForm;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/** Nieuw verzoek: one form per kind, asking exactly what the intake needs; a refusal marks every field at once. */
@Path("/verzoeken/nieuw")
@Produces(MediaType.TEXT_HTML)
public class IntakePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kinds(Viewer viewer, List<String> kinds);

        static native TemplateInstance form(Viewer viewer, String kind, List<IntakeForm.Section> sections,
                List<FormField> fields, FormState form);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;

    @GET
    public TemplateInstance kinds() {
        return Templates.kinds(viewer, IntakeForm.KINDS);
    }

    @GET
    @Path("{kind}")
    public TemplateInstance form(@PathParam("kind") String kind) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("receivedOn", SchoolTime.today().toString());
        defaults.put("receivedVia", "EMAIL");
        defaults.put("guardians[0].hasAuthority", "on");
        defaults.put("guardians[1].hasAuthority", "on");
        if (!viewer.schools().isEmpty()) {
            defaults.put("schoolBrin", viewer.schools().get(0));
        }
        return render(known(kind), FormState.empty(defaults));
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response submit(@PathParam("kind") String kind, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.values(form);
        Answer<Api.Request> created = calls.intake(IntakeForm.toJson(known(kind), values));
        if (created.ok()) {
            return Response.seeOther(URI.create("/verzoeken/" + created.value().id() + "?nieuw=1")).build();
        }
        return Response.ok(render(kind, FormState.refused(values, created.problem(), IntakeForm.aliases(values))))
                .build();
    }

    private TemplateInstance render(String kind, FormState form) {
        List<IntakeForm.Section> sections = IntakeForm.sections(kind, viewer.schools());
        return Templates.form(viewer, kind, sections, sections.stream().flatMap(s -> s.fields().stream()).toList(),
                form);
    }

    private static String known(String kind) {
        if (!IntakeForm.KINDS.contains(kind)) {
            throw new NotFoundException();
        }
        return kind;
    }
}
