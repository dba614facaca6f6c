package nl.pupildata.consent.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.consent.domain.ConsentRules;
import nl.pupildata.consent.domain.ConsentState;
import nl.pupildata.consent.service.ConsentHandling;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentEvidence;
import nl.pupildata.events.model.ConsentPurpose;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/requests/{id}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consent", description = "Who must consent (G-4) and whether they have")
public class ConsentResource {

    private final ConsentHandling handling;
    private final Caller caller;

    public ConsentResource(ConsentHandling handling, Caller caller) {
        this.handling = handling;
        this.caller = caller;
    }

    /** One entry of the consent history: who, when, what evidence, recorded by whom. */
    public record HistoryEntry(String type, String guardianId, Instant at, String actor, ConsentEvidence evidence,
            String evidenceRef, String informationDescription, ExemptionGround ground, String reason,
            String consultedQualityOfficer, ConsentPurpose purpose) {
    }

    /**
     * {@code nextSchoolContact}: the consent of its own for adding the next school's contact to the support file
     * (SWV-5), apart from the request's own consent.
     */
    public record ConsentView(UUID requestId, String requirement, List<String> requiredFrom, Set<String> granted,
            Set<String> refused, Set<String> withdrawn, ExemptionGround exemption, boolean satisfied,
            PurposeView nextSchoolContact, List<HistoryEntry> history) {
    }

    public record PurposeView(Set<String> asked, Set<String> granted, Set<String> withdrawn, boolean satisfied) {
    }

    public record AskBody(String guardianId, String informationDescription, String requestedBy,
            ConsentPurpose purpose) {
    }

    public record GrantBody(String guardianId, ConsentEvidence evidence, String evidenceRef, String recordedBy,
            ConsentPurpose purpose) {
    }

    public record GuardianBody(String guardianId, String recordedBy, ConsentPurpose purpose) {
    }

    public record ExemptionBody(ExemptionGround ground, String reason) {
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The consent requirement, each guardian's word, and the history")
    public Uni<ConsentView> get(@PathParam("id") UUID id) {
        return handling.load(id, caller).map(ConsentResource::view);
    }

    @POST
    @Path("requests")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-10: ask a guardian for consent, saying what kind of information will be given")
    public Uni<ConsentView> ask(@PathParam("id") UUID id, AskBody body) {
        return run(id, body == null ? null : new ConsentRules.Ask(body.guardianId(), body.informationDescription(),
                body.purpose()));
    }

    @POST
    @Path("grants")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-3: record a written consent (e-mail or signature)")
    public Uni<ConsentView> grant(@PathParam("id") UUID id, GrantBody body) {
        return run(id, body == null ? null : new ConsentRules.Grant(body.guardianId(), body.evidence(), body.evidenceRef(),
                body.purpose()));
    }

    @POST
    @Path("refusals")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    public Uni<ConsentView> refuse(@PathParam("id") UUID id, GuardianBody body) {
        return run(id, body == null ? null : new ConsentRules.Refuse(body.guardianId(), body.purpose()));
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-5: a guardian withdraws consent; nothing more may be shared")
    public Uni<ConsentView> withdraw(@PathParam("id") UUID id, GuardianBody body) {
        return run(id, body == null ? null : new ConsentRules.Withdraw(body.guardianId(), body.purpose()));
    }

    @POST
    @Path("exemptions")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_OFFICER })
    @Operation(summary = "G-9 / OSO-4: share without consent, after consulting the quality officer")
    public Uni<ConsentView> exempt(@PathParam("id") UUID id, ExemptionBody body) {
        return run(id, body == null ? null
                : new ConsentRules.Exempt(body.ground(), body.reason()));
    }

    private Uni<ConsentView> run(UUID id, ConsentRules.Command command) {
        if (command == null) {
            throw ProblemException.invalid(null, List.of(new Violation("body", "verplicht")));
        }
        return handling.handle(id, command, caller).map(ConsentResource::view);
    }

    static ConsentView view(ConsentHandling.Consent consent) {
        EventStore.Stream stream = consent.stream();
        java.util.Map<UUID, String> consulted = consent.consulted();
        ConsentState state = consent.state();
        List<HistoryEntry> history = stream.events().stream().map(e -> switch (e.event()) {
            case ConsentGranted g -> new HistoryEntry("ConsentGranted", g.guardianId(), e.time(), g.actor(),
                    g.evidence(), g.evidenceRef(), null, null, null, null, g.purpose());
            case ConsentRefused r -> new HistoryEntry("ConsentRefused", r.guardianId(), e.time(), r.actor(), null, null,
                    null, null, null, null, r.purpose());
            case ConsentWithdrawn w -> new HistoryEntry("ConsentWithdrawn", w.guardianId(), e.time(), w.actor(), null,
                    null, null, null, null, null, w.purpose());
            case ConsentRequested q -> new HistoryEntry("ConsentRequested", q.guardianId(), e.time(), q.actor(), null,
                    null, q.informationDescription(), null, null, null, q.purpose());
            case ConsentExemptionGranted x -> new HistoryEntry("ConsentExemptionGranted", null, e.time(), x.actor(),
                    null, null, null, x.ground(), x.reason(), consulted.get(e.eventId()), null);
            default -> new HistoryEntry(e.type().typeName(), null, e.time(), e.event().actor(), null, null, null, null,
                    null, null, null);
        }).toList();
        return new ConsentView(stream.streamId(), state.requirement() == null ? null : state.requirement().name(),
                state.requiredFrom(), state.withLatest(ConsentState.Decision.GRANTED),
                state.withLatest(ConsentState.Decision.REFUSED), state.withLatest(ConsentState.Decision.WITHDRAWN),
                state.exemption(), state.satisfied(), new PurposeView(
                        state.asked(ConsentPurpose.NEXT_SCHOOL_CONTACT),
                        state.withLatest(ConsentPurpose.NEXT_SCHOOL_CONTACT, ConsentState.Decision.GRANTED),
                        state.withLatest(ConsentPurpose.NEXT_SCHOOL_CONTACT, ConsentState.Decision.WITHDRAWN),
                        state.satisfied(ConsentPurpose.NEXT_SCHOOL_CONTACT)), history);
    }
}
