package nl.pupildata.request.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.vertx.core.http.HttpServerRequest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.ResearchDecision;
import nl.pupildata.events.model.CorrectionOutcome;
import nl.pupildata.events.model.ShareChannel;
import nl.pupildata.events.model.TransferSide;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.rules.Roles;
import nl.pupildata.request.service.LetterWriter;
import nl.pupildata.request.service.RequestHandling;
import nl.pupildata.request.domain.Letters;
import nl.pupildata.events.model.LetterChannel;
import nl.pupildata.events.model.LetterKind;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import nl.pupildata.request.domain.Intake;
import nl.pupildata.request.domain.RequestCommand;
import nl.pupildata.request.domain.RequestGuide;
import nl.pupildata.request.domain.RequestState;
import nl.pupildata.events.model.RequestStatus;
import nl.pupildata.request.persistence.RequestView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requests", description = "Intake and handling of requests for pupil data")
public class RequestResource {

    private final LetterWriter writer;
    private final RequestHandling handling;
    private final Caller caller;
    private final HttpServerRequest http;

    public RequestResource(RequestHandling handling, LetterWriter writer, Caller caller, HttpServerRequest http) {
        this.handling = handling;
        this.writer = writer;
        this.caller = caller;
        this.http = http;
    }

    public record Created(UUID id, String status, String kind, String schoolBrin, String complexity) {
    }

    public record RequestDetails(UUID id, String kind, String schoolBrin, String status, String complexity,
            LocalDate receivedOn, boolean consentSatisfied, String consentExemption, LocalDate dueOn,
            List<RequestGuide.Blocker> blockers, List<String> allowedActions, Pupil pupil,
            List<RequestHandling.Guardian> guardians, boolean guardiansLivingApart,
            List<RequestHandling.ConsultationView> consultations) {
    }

    /** The pupil as staff identify them: the school's reference, the name, the group (no date of birth). */
    public record Pupil(String ref, String name, Integer group) {
    }

    @POST
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Register a request for pupil data (intake)")
    @APIResponse(responseCode = "201", description = "Registered; Location is the new request's address",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    public Uni<Response> receive(Intake intake, @Context UriInfo uri) {
        if (intake != null && intake.schoolBrin() != null) {
            caller.requireSchool(intake.schoolBrin());
        }
        return handling.receive(intake, caller.actor()).map(e -> Response
                .created(uri.getAbsolutePathBuilder().path(e.requestId().toString()).build())
                .entity(new Created(e.requestId(), RequestStatus.RECEIVED.name(), e.kind().name(), e.schoolBrin(),
                        e.complexity() == null ? null : e.complexity().name()))
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The state of a request, with what still blocks it and what may be done next; its ETag is "
            + "the version to send back in If-Match with a handling step")
    public Uni<RestResponse<RequestDetails>> get(@PathParam("id") UUID id) {
        return handling.load(id).map(h -> {
            RequestHandling.requireVisible(id, h.state(), caller::maySee);
            return withVersion(h);
        });
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "Requests the caller may see, newest first (at most 200)")
    public Uni<List<RequestView>> list(@QueryParam("school") String school, @QueryParam("status") String status,
            @QueryParam("kind") String kind) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        caller.limitToOwnSchools(query, params);
        filter(query, params, "schoolBrin", "school", school);
        filter(query, params, "status", "status", status);
        filter(query, params, "kind", "kind", kind);
        return Panache.withSession(() -> RequestView
                .<RequestView>find(query + " order by receivedOn desc, updatedAt desc", params).page(0, 200).list());
    }

    /** The most requests one call may ask the next step of. */
    static final int MOST_NEXT_STEPS = 100;

    @GET
    @Path("next-steps")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The next step of each request named (id, repeated; at most 100): the first requirement of "
            + "the card not met yet, as in the request's blockers; requests the caller may not see are left out")
    public Uni<List<RequestHandling.NextStep>> nextSteps(@QueryParam("id") List<UUID> ids) {
        if (ids.size() > MOST_NEXT_STEPS) {
            throw ProblemException.invalid(null, List.of(new Violation("id",
                    "hoogstens " + MOST_NEXT_STEPS + " verzoeken per keer, niet " + ids.size())));
        }
        return handling.nextSteps(ids, caller::maySee);
    }

    // --- Handling steps -------------------------------------------------------------------------------

    public record AcknowledgementBody(LocalDate expectedOn, Boolean otherGuardiansMentioned) {
    }

    public record ReviewBody(String reviewedBy, Boolean otherPupilsPseudonymised, Boolean homeSituationChecked) {
    }

    public record AuthorBody(String author) {
    }

    public record ReviewerBody(String reviewer) {
    }

    public record OnBody(LocalDate on) {
    }

    public record InspectionBody(LocalDate on, Boolean agrees, Boolean statementAdded) {
    }

    public record ShareBody(ShareChannel channel, String sharedBy, String recipient, Boolean callbackVerified,
            List<String> staffPresent, List<RequestCommand.Section> sections, Boolean otherPupilsPseudonymised,
            Boolean exportedFromPupilAdministration, Boolean dossierOpenOnPupil, Boolean neverLeftAlone,
            List<RequestCommand.SupportCategory> categories, Boolean categoriesRelevant, String recipientGuardianId) {
    }

    public record GuardianBody(String guardianId) {
    }

    public record CorrectionBody(String description) {
    }

    public record CorrectionDecisionBody(CorrectionOutcome outcome, String reason) {
    }

    public record WarmHandoverBody(TransferSide askedBy) {
    }

    public record GuardiansBody(List<Intake.Guardian> guardians, Boolean guardiansLivingApart) {
    }

    public record RefusalBody(Boolean partial, String reason) {
    }

    public record ConsultationBody(Consultation officer, String question) {
    }

    public record AdviceBody(String advice, LocalDate on) {
    }

    public record ResearchDecisionBody(ResearchDecision decision, String reason) {
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-3: confirm receipt and say when the dossier can be expected")
    public Uni<RestResponse<RequestDetails>> acknowledge(@PathParam("id") UUID id, AcknowledgementBody body) {
        AcknowledgementBody b = required(body);
        return step(id, new RequestCommand.Acknowledge(b.expectedOn(), b.otherGuardiansMentioned()));
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "PA-7: the dossier reviewed before release (other pupils unreadable, home situation checked)")
    public Uni<RestResponse<RequestDetails>> review(@PathParam("id") UUID id, ReviewBody body) {
        ReviewBody b = required(body);
        return step(id, new RequestCommand.Review(b.otherPupilsPseudonymised(), b.homeSituationChecked()));
    }

    @POST
    @Path("{id}/answer-draft")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-8: the answer to a complex request was written (the caller is its author)")
    public Uni<RestResponse<RequestDetails>> draftAnswer(@PathParam("id") UUID id, AuthorBody body) {
        return step(id, new RequestCommand.DraftAnswer());
    }

    @POST
    @Path("{id}/answer-review")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "G-8: a second colleague reviewed the answer (four eyes: not its author)")
    public Uni<RestResponse<RequestDetails>> reviewAnswer(@PathParam("id") UUID id, ReviewerBody body) {
        return step(id, new RequestCommand.ReviewAnswer());
    }

    @POST
    @Path("{id}/guardians-informed")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-6 / G-8: the guardians were informed")
    public Uni<RestResponse<RequestDetails>> guardiansInformed(@PathParam("id") UUID id, OnBody body) {
        return step(id, new RequestCommand.InformGuardians(required(body).on()));
    }

    @POST
    @Path("{id}/guardian-inspection")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "OSO-5: the guardians inspected the transfer file")
    public Uni<RestResponse<RequestDetails>> guardianInspection(@PathParam("id") UUID id, InspectionBody body) {
        InspectionBody b = required(body);
        return step(id, new RequestCommand.RecordGuardianInspection(b.on(), b.agrees(), b.statementAdded()));
    }

    @POST
    @Path("{id}/shares")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Give information (or approach the organisation of an outgoing inquiry), if the rules allow it now")
    public Uni<RestResponse<RequestDetails>> share(@PathParam("id") UUID id, ShareBody body) {
        ShareBody b = required(body);
        return step(id, new RequestCommand.Share(b.channel(), b.recipient(), b.callbackVerified(), b.staffPresent(),
                b.sections(), b.otherPupilsPseudonymised(), b.exportedFromPupilAdministration(),
                b.dossierOpenOnPupil(), b.neverLeftAlone(), b.categories(), b.categoriesRelevant(),
                b.recipientGuardianId()));
    }

    @POST
    @Path("{id}/delivery-confirmation")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-8: the guardian confirmed receipt")
    public Uni<RestResponse<RequestDetails>> confirmDelivery(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.ConfirmDelivery());
    }

    @POST
    @Path("{id}/other-guardian-notices")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-9: the other guardian with authority was told and offered the same dossier")
    public Uni<RestResponse<RequestDetails>> notifyOtherGuardian(@PathParam("id") UUID id, GuardianBody body) {
        return step(id, new RequestCommand.NotifyOtherGuardian(required(body).guardianId()));
    }

    @POST
    @Path("{id}/corrections")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-11: the guardians asked to correct or complete the dossier")
    public Uni<RestResponse<RequestDetails>> correction(@PathParam("id") UUID id, CorrectionBody body) {
        return step(id, new RequestCommand.RequestCorrection(required(body).description()));
    }

    @POST
    @Path("{id}/correction-decision")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "PA-11: the director or KC decided on the correction asked for (made, partly, refused with "
            + "reason; the reason stays in this service)")
    public Uni<RestResponse<RequestDetails>> decideCorrection(@PathParam("id") UUID id, CorrectionDecisionBody body) {
        CorrectionDecisionBody b = required(body);
        return step(id, new RequestCommand.DecideCorrection(b.outcome(), b.reason()));
    }

    @POST
    @Path("{id}/guardians")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "G-4 / G-5: correct the guardians, their authority or whether they live apart after intake "
            + "(consent-service determines the consent requirement again)")
    public Uni<RestResponse<RequestDetails>> correctGuardians(@PathParam("id") UUID id, GuardiansBody body) {
        GuardiansBody b = required(body);
        return step(id, new RequestCommand.CorrectGuardians(b.guardians(), b.guardiansLivingApart()));
    }

    @POST
    @Path("{id}/warm-handover")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "VO-1: the primary or the secondary school asked for a warm handover (before the transfer)")
    public Uni<RestResponse<RequestDetails>> askWarmHandover(@PathParam("id") UUID id, WarmHandoverBody body) {
        return step(id, new RequestCommand.AskWarmHandover(required(body).askedBy()));
    }

    @POST
    @Path("{id}/access-copies")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "SWV-3: an access copy of the support file was sent to the guardians")
    public Uni<RestResponse<RequestDetails>> sendAccessCopy(@PathParam("id") UUID id, OnBody body) {
        return step(id, new RequestCommand.SendAccessCopy(required(body).on()));
    }

    @POST
    @Path("{id}/statements")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-11: the guardians' own statement was added to the dossier")
    public Uni<RestResponse<RequestDetails>> statement(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.AddStatement());
    }

    @POST
    @Path("{id}/next-school-contact")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "SWV-5: add the next school's contact person to the support file (needs consent)")
    public Uni<RestResponse<RequestDetails>> addNextSchoolContact(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.AddNextSchoolContact());
    }

    @POST
    @Path("{id}/refusal")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_OFFICER })
    @Operation(summary = "PA-12 / G-11: refuse (fully or partly), after the consultations the rules name")
    public Uni<RestResponse<RequestDetails>> refuse(@PathParam("id") UUID id, RefusalBody body) {
        RefusalBody b = required(body);
        return step(id, new RequestCommand.Refuse(b.partial(), b.reason()));
    }

    @POST
    @Path("{id}/consultations")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "G-9 / G-11 / PA-12 / OSO-4: ask the QUALITY_OFFICER or the SAFEGUARDING_OFFICER for advice "
            + "on this request (the question stays in this service)")
    public Uni<RestResponse<RequestDetails>> askConsultation(@PathParam("id") UUID id, ConsultationBody body) {
        ConsultationBody b = required(body);
        return step(id, new RequestCommand.AskConsultation(UUID.randomUUID(), b.officer(), b.question()));
    }

    @POST
    @Path("{id}/consultations/{consultationId}/answer")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The officer asked gives their advice, themselves (only a user of the role asked can)")
    public Uni<RestResponse<RequestDetails>> answerConsultation(@PathParam("id") UUID id,
            @PathParam("consultationId") UUID consultationId, AdviceBody body) {
        AdviceBody b = required(body);
        return step(id, new RequestCommand.AnswerConsultation(consultationId, b.advice(), b.on()));
    }

    @POST
    @Path("{id}/research-decision")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_OFFICER })
    @Operation(summary = "G-12: the decision on a research request, with its reason")
    public Uni<RestResponse<RequestDetails>> decideResearch(@PathParam("id") UUID id, ResearchDecisionBody body) {
        ResearchDecisionBody b = required(body);
        return step(id, new RequestCommand.DecideResearch(b.decision(), b.reason()));
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "The requester withdrew the request")
    public Uni<RestResponse<RequestDetails>> withdraw(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.Withdraw());
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Close the request (PA-9: after the other guardian was told)")
    public Uni<RestResponse<RequestDetails>> close(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.Close());
    }

    // --- Letters to guardians (issue 18) ------------------------------------------------------------------

    public record LetterBody(String guardianId, LetterChannel channel) {
    }

    /** An issued letter: its kind, the version of its LetterIssued event, to whom, and where to read it again. */
    public record IssuedLetterView(String kind, int version, String recipientGuardianId, String href) {
    }

    @GET
    @Path("{id}/letters/{kind}")
    @Produces("application/pdf")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "A letter to a guardian as PDF (acknowledgement, other-guardian-notice, refusal, "
            + "transfer-file-invitation), written from the record now; with ?issued=<version> the issued letter, "
            + "written again from the facts it was issued with")
    @APIResponse(responseCode = "200", description = "The letter, PDF/A-3u", content = @Content(
            mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> letter(@PathParam("id") UUID id, @PathParam("kind") String kind,
            @QueryParam("guardianId") String guardianId, @QueryParam("issued") Integer issued) {
        LetterKind letterKind = letterKind(kind);
        Uni<Letters.Letter> letter = issued == null
                ? handling.composeLetter(id, letterKind, guardianId, caller::maySee)
                        .map(RequestHandling.ComposedLetter::letter)
                : handling.issuedLetter(id, issued, caller::maySee);
        return letter.emitOn(Infrastructure.getDefaultWorkerPool()).map(l -> Response.ok(writer.pdf(l), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + kind + "-" + id + ".pdf\"").build());
    }

    @POST
    @Path("{id}/letters/{kind}")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Issue a letter to a guardian: LetterIssued (never the text) and the PDF kept here")
    public Uni<IssuedLetterView> issueLetter(@PathParam("id") UUID id, @PathParam("kind") String kind,
            LetterBody body) {
        LetterKind letterKind = letterKind(kind);
        String guardianId = body == null ? null : body.guardianId();
        LetterChannel channel = body == null || body.channel() == null ? LetterChannel.SECURE_MAIL : body.channel();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return handling.composeLetter(id, letterKind, guardianId, caller::maySee)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(composed -> Map.entry(composed, writer.pdf(composed.letter())))
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .flatMap(written -> handling.issueLetter(id, written.getKey(), written.getValue(), caller.actor(),
                        channel).map(version -> new IssuedLetterView(kind, version,
                                written.getKey().letter().recipientGuardianId(),
                                "/requests/" + id + "/letters/" + kind + "?issued=" + version)));
    }

    /** A letter's kind as the URL names it ({@code other-guardian-notice}); an unknown one is 404. */
    static LetterKind letterKind(String kind) {
        try {
            return LetterKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Een brief '" + kind + "' bestaat niet.");
        }
    }

    private Uni<RestResponse<RequestDetails>> step(UUID id, RequestCommand command) {
        return handling.handle(id, command, caller.actor(), caller.roles(), caller::maySee,
                IfMatch.expectedVersion(http.getHeader(HttpHeaders.IF_MATCH))).map(RequestResource::withVersion);
    }

    /** The details with the request's version as strong ETag: what a client sends back in If-Match. */
    static RestResponse<RequestDetails> withVersion(RequestHandling.Handled h) {
        return RestResponse.ResponseBuilder.ok(details(h)).tag(new EntityTag(Integer.toString(h.version())))
                .build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid(null, List.of(new Violation("body", "verplicht")));
        }
        return body;
    }

    private static void filter(StringBuilder q, Map<String, Object> p, String field, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(" and ").append(field).append(" = :").append(name);
            p.put(name, value);
        }
    }

    static RequestDetails details(RequestHandling.Handled h) {
        RequestState state = h.state();
        RequestView view = h.view();
        boolean consent = view != null && view.consentSatisfied;
        return new RequestDetails(state.id(), state.kind().name(), state.schoolBrin(), state.status().name(),
                state.complexity() == null ? null : state.complexity().name(), state.received().receivedOn(), consent,
                view == null ? null : view.exemption, view == null ? null : view.dueOn,
                RequestHandling.blockers(state, view), RequestGuide.allowedActions(state),
                new Pupil(state.received().pupilRef(), h.people().pupilName(), state.received().pupilGroup()),
                h.people().guardians(), state.guardiansLivingApart(), h.consultations());
    }
}
