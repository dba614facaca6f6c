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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.StepForms;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.RequestPages;
import nl.pupildata.staffweb.service.RequestView;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/**
 * Verzoek: the facts (no dossier content, G-1), what the card still asks, the steps this user may take now, the term
 * and why it is that date, consent per guardian, and the timeline. A refused step shows its rule where it was taken.
 */
@Path("/verzoeken/{id}")
@Produces(MediaType.TEXT_HTML)
public class RequestPage {

    static final Set<String> CONSENT_ACTIONS = Set.of("requests", "grants", "refusals", "withdrawals", "exemptions");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(Viewer viewer, RequestView page);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;
    @Inject
    RequestPages pages;

    @GET
    @Blocking
    public Response show(@PathParam("id") UUID id, @QueryParam("gedaan") String done,
            @QueryParam("nieuw") String created) {
        return render(id, created != null ? "Het verzoek is geregistreerd." : done, null, null);
    }

    @POST
    @Path("stap/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response step(@PathParam("id") UUID id, @PathParam("step") String step,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.values(form);
        Answer<Api.Request> answer = calls.step(id, step, StepForms.toJson(step, values));
        return outcome(id, answer, step, step, values);
    }

    @POST
    @Path("toestemming/{what}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response consent(@PathParam("id") UUID id, @PathParam("what") String what,
            MultivaluedMap<String, String> form) {
        if (!CONSENT_ACTIONS.contains(what)) {
            throw new NotFoundException();
        }
        Map<String, String> values = Forms.values(form);
        Answer<Api.Consent> answer = calls.consentAction(id, what, StepForms.toJson(what, values));
        String key = RequestPages.consentKey(what, values.get("guardianId"), values.get("purpose"));
        return outcome(id, answer, "consent/" + what, key, values);
    }

    @POST
    @Path("verlenging")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response extend(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.values(form);
        Answer<Api.Deadline> answer = calls.extend(id, StepForms.toJson("extension", values));
        return outcome(id, answer, "deadline/extensions", "deadline/extensions", values);
    }

    @POST
    @Path("overleg")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response askConsultation(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.values(form);
        Answer<Api.Request> answer = calls.step(id, "consultations", StepForms.toJson("consultations", values));
        return outcome(id, answer, "consultations", "consultations", values);
    }

    @POST
    @Path("overleg/{consultationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response answerConsultation(@PathParam("id") UUID id, @PathParam("consultationId") UUID consultationId,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.values(form);
        Answer<Api.Request> answer = calls.answerConsultation(id, consultationId,
                StepForms.toJson("consultations/answer", values));
        return outcome(id, answer, "consultations/answer", "consultations/answer/" + consultationId, values);
    }

    /** The letters request-service writes (issue 18), by the names its URLs use. */
    static final Set<String> LETTERS = Set.of("acknowledgement", "other-guardian-notice", "refusal",
            "transfer-file-invitation", "consent-request", "extension-notice");

    /** A letter to read before it is issued: the PDF as request-service writes it from the record now. */
    @GET
    @Path("brief/{kind}")
    @Blocking
    public Response letter(@PathParam("id") UUID id, @PathParam("kind") String kind,
            @QueryParam("ouder") String guardianId) {
        if (!LETTERS.contains(kind)) {
            throw new NotFoundException();
        }
        Answer<byte[]> pdf = calls.letter(id, kind, guardianId);
        if (!pdf.ok()) {
            return letterRefused(pdf.problem());
        }
        return Response.ok(pdf.value(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + kind + ".pdf\"").build();
    }

    /** Issues a letter: request-service records LetterIssued and keeps the PDF. */
    @POST
    @Path("brief/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response issueLetter(@PathParam("id") UUID id, @PathParam("kind") String kind,
            MultivaluedMap<String, String> form) {
        if (!LETTERS.contains(kind)) {
            throw new NotFoundException();
        }
        Map<String, String> values = Forms.values(form);
        Answer<Api.IssuedLetter> issued = calls.issueLetter(id, kind,
                StepForms.toJson("letter", Map.of("guardianId", values.getOrDefault("guardianId", ""))));
        return issued.ok() ? doneWith(id, "letter") : letterRefused(issued.problem());
    }

    private Response letterRefused(Api.Problem problem) {
        String rule = problem.rule() == null ? "" : problem.rule() + ": ";
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE).entity(Failures.Templates
                .failure(viewer, "Deze brief kan nog niet", rule + problem.detail())).build();
    }

    /** After a command: back to the request with a done message, or the same form again with the refusal. */
    private Response outcome(UUID id, Answer<?> answer, String doneKey, String refusedKey, Map<String, String> values) {
        return answer.ok() ? doneWith(id, doneKey)
                : render(id, null, refusedKey, RequestPages.refusal(values, answer.problem()));
    }

    private Response render(UUID id, String done, String refusedKey, nl.pupildata.staffweb.domain.FormState refusal) {
        Answer<Api.Request> request = calls.request(id);
        if (!request.ok()) {
            return Response.status(request.problem().status())
                    .entity(Failures.Templates.failure(viewer, "Verzoek niet beschikbaar", request.problem().detail()))
                    .build();
        }
        RequestView page = pages.view(request.value(), done, refusedKey, refusal);
        return Response.ok(Templates.request(viewer, page)).build();
    }

    private static Response doneWith(UUID id, String action) {
        return Response.seeOther(URI.create("/verzoeken/" + id + "?gedaan=" + action)).build();
    }
}
