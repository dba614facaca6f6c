package nl.pupildata.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.ConsultationAnswered;
import nl.pupildata.events.ConsultationRequested;
import nl.pupildata.events.PupilDataEvent;
import nl.pupildata.events.RequestEvent;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.OsoSection;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.eventstore.OneStatement;
import nl.pupildata.platform.keys.KeyIssuer;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.request.domain.HandlingFacts;
import nl.pupildata.request.domain.Intake;
import nl.pupildata.request.domain.IntakeRules;
import nl.pupildata.request.domain.RequestCommand;
import nl.pupildata.request.domain.RequestDecider;
import nl.pupildata.request.domain.RequestGuide;
import nl.pupildata.request.domain.RequestState;
import nl.pupildata.events.LetterIssued;
import nl.pupildata.events.model.LetterChannel;
import nl.pupildata.events.model.LetterKind;
import nl.pupildata.request.domain.Letters;
import nl.pupildata.request.persistence.ConsentActor;
import nl.pupildata.request.persistence.IssuedLetter;
import nl.pupildata.request.persistence.StreamPlace;
import nl.pupildata.request.persistence.LearnedFacts;
import nl.pupildata.request.persistence.PersonalDetails;
import nl.pupildata.request.persistence.RequestNote;
import nl.pupildata.request.persistence.RequestView;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs commands, each in one transaction: load the request's events, decide with the pure domain, append the
 * events (and their outbox rows), and bring the request's row up to date.
 */
@ApplicationScoped
public class RequestHandling {

    private static final TypeReference<List<Intake.Guardian>> GUARDIANS = new TypeReference<>() {
    };

    private final EventStore store;
    private final KeyIssuer keys;
    private final Pool pool;
    private final Clock clock;
    private final IntakeRules intakeRules;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final HandlingFacts.BoardPolicy policy;
    private final Letters.Letterhead letterhead;

    public RequestHandling(EventStore store, KeyIssuer keys, Pool pool, Clock clock, ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "pupil-data.free-mail-domains") Set<String> freeMailDomains,
            @ConfigProperty(name = "pupil-data.oso.absence-window", defaultValue = "P2Y") Period absenceWindow,
            @ConfigProperty(name = "pupil-data.oso.statutory-sections",
                    defaultValue = "TOETSRESULTATEN,DOORSTROOMTOETS,VERZUIM") Set<OsoSection> statutorySections,
            @ConfigProperty(name = "pupil-data.board.name") String boardName,
            @ConfigProperty(name = "pupil-data.board.address") String boardAddress,
            @ConfigProperty(name = "pupil-data.board.signed-by") String signedBy,
            @ConfigProperty(name = "pupil-data.board.complaints") String complaints,
            @ConfigProperty(name = "pupil-data.board.logo") java.util.Optional<String> logo) {
        this.store = store;
        this.keys = keys;
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.intakeRules = new IntakeRules(freeMailDomains);
        this.policy = new HandlingFacts.BoardPolicy(absenceWindow, statutorySections);
        this.letterhead = new Letters.Letterhead(boardName, boardAddress, signedBy, complaints,
                logo.map(RequestHandling::imageAsDataUri).orElse(""));
    }

    /** The logo as the letter embeds it; a configured file that cannot be read stops the start, saying which. */
    static String imageAsDataUri(String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        String type = lower.endsWith(".png") ? "image/png" : lower.endsWith(".jpg") || lower.endsWith(".jpeg")
                ? "image/jpeg" : null;
        if (type == null) {
            throw new IllegalStateException("pupil-data.board.logo must be a .png or .jpg file: " + file);
        }
        try {
            return "data:" + type + ";base64," + java.util.Base64.getEncoder()
                    .encodeToString(java.nio.file.Files.readAllBytes(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("pupil-data.board.logo cannot be read: " + path.toAbsolutePath(), e);
        }
    }

    /** A letter written from the request as it is now, and the stream version it was written at. */
    public record ComposedLetter(Letters.Letter letter, int version) {
    }

    /** Composes a letter to a guardian from the record (names and addresses from this service's own database). */
    public Uni<ComposedLetter> composeLetter(UUID id, LetterKind kind, String guardianId, SchoolCheck schoolCheck) {
        return Panache.withSession(() -> store.load(id).flatMap(stream -> {
            RequestState state = RequestState.replay(stream.history());
            requireVisible(id, state, schoolCheck);
            return RequestView.<RequestView>findById(id).invoke(RequestHandling::requireNotErased)
                    .flatMap(view -> PersonalDetails.<PersonalDetails>findById(id)
                    .flatMap(details -> learned(id, view).map(learned -> new ComposedLetter(Letters.compose(kind,
                            state, blankToNull(guardianId), letterPeople(details), learned, LocalDate.now(clock),
                            letterhead), stream.version()))));
        }));
    }

    /**
     * Issues a written letter: LetterIssued (never the text) and, next to it, the facts and the PDF; refused with 412
     * when the request changed since the letter was written.
     */
    public Uni<Integer> issueLetter(UUID id, ComposedLetter composed, byte[] pdf, String actor, LetterChannel channel) {
        Letters.Letter letter = composed.letter();
        int version = composed.version() + 1;
        IssuedLetter row = new IssuedLetter();
        row.requestId = id;
        row.version = version;
        row.kind = letter.kind().name();
        row.templateVersion = letter.templateVersion();
        row.recipient = letter.recipientGuardianId();
        try {
            row.facts = json.writeValueAsString(letter.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.pdf = pdf;
        LetterIssued event = new LetterIssued(id, actor, letter.kind(), letter.templateVersion(),
                letter.recipientGuardianId(), channel);
        return Panache.withTransaction(() -> store.load(id).flatMap(stream -> {
            if (stream.version() != composed.version()) {
                throw ProblemException.preconditionFailed("Het verzoek is gewijzigd terwijl de brief werd opgesteld; "
                        + "stel hem opnieuw op.");
            }
            return store.append(id, composed.version(), List.<RequestEvent>of(event)).call(row::persist);
        })).invoke(() -> metrics.counter("pupil_data_letters_issued_total", "kind", letter.kind().name()).increment())
                .replaceWith(version);
    }

    /** An issued letter as the record keeps it: written again from the facts it was issued with. */
    public Uni<Letters.Letter> issuedLetter(UUID id, int version, SchoolCheck schoolCheck) {
        return Panache.withSession(() -> store.load(id).flatMap(stream -> {
            RequestState state = RequestState.replay(stream.history());
            requireVisible(id, state, schoolCheck);
            return RequestView.<RequestView>findById(id).invoke(RequestHandling::requireNotErased).chain(view ->
                    IssuedLetter.<IssuedLetter>findById(new StreamPlace(id, version))).map(row -> {
                if (row == null) {
                    throw ProblemException.notFound("Bij dit verzoek is geen brief met versie " + version + " uitgegeven.");
                }
                try {
                    return new Letters.Letter(LetterKind.valueOf(row.kind), row.templateVersion, row.recipient,
                            json.readValue(row.facts, FACTS));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored letter facts of " + id + " are unreadable", e);
                }
            });
        }));
    }

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    /** What the letters learned from the other services' events (the term, its extensions, consent requests). */
    private static Uni<Letters.Learned> learned(UUID id, RequestView view) {
        return LearnedFacts.extensions(id).flatMap(extensions -> LearnedFacts.consentRequests(id)
                .map(asked -> new Letters.Learned(view == null ? null : view.dueOn, extensions.stream()
                        .map(e -> new Letters.Extension(e.number(), e.newDueOn(), e.reason())).toList(), asked)));
    }

    /** Retention: a request whose personal data was erased writes no letter any more (410, saying when). */
    static void requireNotErased(RequestView view) {
        if (view != null && view.erasedOn != null) {
            throw ProblemException.gone("De persoonsgegevens van dit verzoek zijn op " + view.erasedOn + " gewist, na "
                    + "de bewaartermijn; er kan geen brief meer worden gemaakt.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Letters.People letterPeople(PersonalDetails details) {
        if (details == null) {
            return new Letters.People(null, Map.of(), Map.of(), null);
        }
        Map<String, String> names = new LinkedHashMap<>();
        guardians(details).stream().filter(g -> g.id() != null && g.name() != null)
                .forEach(g -> names.put(g.id(), g.name()));
        Intake.Requester requester = requester(details);
        return new Letters.People(details.pupilName, names, guardianEmails(details),
                requester == null ? null : requester.organisation());
    }

    /** The guardians as kept for this request (names and addresses: this service only). */
    private List<Intake.Guardian> guardians(PersonalDetails details) {
        try {
            return json.readValue(details.guardians, GUARDIANS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored guardians of " + details.requestId + " are unreadable", e);
        }
    }

    private Intake.Requester requester(PersonalDetails details) {
        try {
            return details.requester == null ? null : json.readValue(details.requester, Intake.Requester.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored requester of " + details.requestId + " is unreadable", e);
        }
    }

    /** A request as a command left it (or as read): its state, its row, and its stream version (the ETag). */
    public record Handled(RequestState state, RequestView view, int version, People people,
            List<ConsultationView> consultations) {
    }

    /** A consultation with its words, which only this service keeps (G-1). */
    public record ConsultationView(UUID id, Consultation officer, String question, String askedBy, String answeredBy,
            LocalDate answeredOn, String advice) {
    }

    /**
     * Whom staff handle the request with (G-1 allows it: to identify the pupil and to ask the right guardians), read
     * from this service's own database only; never e-mail addresses or dates of birth.
     */
    public record People(String pupilName, List<Guardian> guardians) {
        public static final People NONE = new People(null, List.of());
    }

    /** {@code requester}: the guardian who made this request (a guardian's own access request). */
    public record Guardian(String id, String name, Boolean hasAuthority, boolean requester) {
    }

    public Uni<RequestReceived> receive(Intake intake, String actor) {
        UUID id = UUID.randomUUID();
        RequestReceived event = intakeRules.receive(id, actor, intake, LocalDate.now(clock));
        PersonalDetails details = personalDetails(id, intake);
        RequestView view = new RequestView();
        view.requestId = id;
        view.schoolBrin = event.schoolBrin();
        view.kind = event.kind().name();
        view.status = RequestState.NONE.evolve(event).status().name();
        view.receivedOn = event.receivedOn();
        view.complexity = event.complexity() == null ? null : event.complexity().name();
        view.updatedAt = Instant.now(clock);
        // One statement, so one round trip and atomic without a transaction: the request's key (issue 19: it seals
        // the request's values from its first event on), the event, their outbox rows, the details and the row.
        OneStatement statement = new OneStatement();
        store.appendFirst(statement, event, keys.issue(statement, id));
        details.insertIn(statement);
        return view.insertWith(statement, pool)
                .invoke(() -> metrics.counter("pupil_data_requests_received_total", "kind", event.kind().name(),
                        "school", event.schoolBrin()).increment())
                .replaceWith(event);
    }

    /**
     * Loads the request, checks the caller's school and (when given) the version the caller last saw, decides with
     * what is known now, and appends.
     *
     * @param expectedVersion the stream version of the caller's {@code If-Match}, or null
     */
    public Uni<Handled> handle(UUID id, RequestCommand command, String actor, Set<String> actorRoles,
            SchoolCheck schoolCheck, Integer expectedVersion) {
        return Panache.withTransaction(() -> store.load(id).flatMap(stream -> {
            RequestState state = RequestState.replay(stream.history());
            requireVisible(id, state, schoolCheck);
            if (expectedVersion != null && expectedVersion != stream.version()) {
                throw ProblemException.preconditionFailed("Het verzoek is gewijzigd sinds u het laadde (versie "
                        + expectedVersion + ", nu " + stream.version() + "); laad het opnieuw.");
            }
            // Read only: this row's consent and term columns belong to the listener (OtherServicesListener), and
            // a write of the whole row here would undo a withdrawal it applied meanwhile (G-5).
            return RequestView.<RequestView>findById(id).flatMap(view -> PersonalDetails.<PersonalDetails>findById(id)
                    .flatMap(details -> ConsentActor.of(id).flatMap(consentActors -> {
                        HandlingFacts facts = new HandlingFacts(LocalDate.now(clock), actor, actorRoles,
                                view.consentSatisfied,
                                view.consentLapsed, view.nextSchoolContactConsent, view.exemption == null ? null : ExemptionGround.valueOf(view.exemption),
                                consentActors, guardianEmails(details), policy);
                        List<RequestEvent> events;
                        try {
                            events = RequestDecider.decide(command, state, facts);
                        } catch (RequestDecider.NotAllowedInState e) {
                            throw ProblemException.conflict(e.getMessage());
                        }
                        RequestState next = state;
                        for (RequestEvent e : events) {
                            next = next.evolve(e);
                        }
                        RequestState result = next;
                        int version = stream.version() + events.size();
                        List<PupilDataEvent> after = new ArrayList<>(stream.history());
                        after.addAll(events);
                        String note = command.note();
                        if (command instanceof RequestCommand.CorrectGuardians corrected && details != null) {
                            // G-4: the names and addresses stay here; the event carries ids and authority only.
                            details.guardians = writeGuardians(keepKnownAddresses(corrected.guardians(), details));
                        }
                        return store.append(stream, events)
                                .call(() -> note == null || note.isBlank() ? Uni.createFrom().voidItem()
                                        : RequestNote.of(id, stream.version() + 1, note.trim()).persist())
                                .call(() -> RequestView.updateStatus(id, result.status(), Instant.now(clock),
                                        LocalDate.now(clock)))
                                .chain(() -> RequestNote.byVersion(id))
                                .map(notes -> new Handled(result, view, version, people(details),
                                        consultations(after, notes)));
                    })));
        }));
    }

    /** The request's state, row and version; an empty state when unknown. */
    public Uni<Handled> load(UUID id) {
        return Panache.withSession(() -> store.load(id).flatMap(s -> RequestView.<RequestView>findById(id)
                .flatMap(view -> PersonalDetails.<PersonalDetails>findById(id).flatMap(details -> RequestNote
                        .byVersion(id).map(notes -> new Handled(RequestState.replay(s.history()), view, s.version(),
                                people(details), consultations(s.history(), notes)))))));
    }

    /** A request's next step: the first requirement of the card on its route not met yet (none when it has ended). */
    public record NextStep(UUID requestId, String status, RequestGuide.Blocker next) {
    }

    /**
     * The next step of each request asked that the caller may see, in the order asked; unknown requests and those of
     * other schools are left out. Three queries however many (the work list asks fifty): their keys, their events,
     * their rows — not a call and a stream load per request.
     */
    public Uni<List<NextStep>> nextSteps(List<UUID> ids, SchoolCheck schoolCheck) {
        return Panache.withSession(() -> store.load(ids).flatMap(streams -> RequestView
                .<RequestView>list("requestId in ?1", List.copyOf(streams.keySet())).map(views -> {
                    Map<UUID, RequestView> byId = new HashMap<>();
                    views.forEach(v -> byId.put(v.requestId, v));
                    List<NextStep> steps = new ArrayList<>();
                    for (UUID id : new LinkedHashSet<>(ids)) {
                        EventStore.Stream stream = streams.get(id);
                        if (stream == null) {
                            continue;
                        }
                        RequestState state = RequestState.replay(stream.history());
                        if (!schoolCheck.maySee(state.schoolBrin())) {
                            continue;
                        }
                        List<RequestGuide.Blocker> blockers = blockers(state, byId.get(id));
                        steps.add(new NextStep(id, state.status().name(), blockers.isEmpty() ? null : blockers.get(0)));
                    }
                    return steps;
                })));
    }

    /** What still blocks the request, knowing what consent-service told this service (its row). */
    public static List<RequestGuide.Blocker> blockers(RequestState state, RequestView view) {
        boolean consent = view != null && view.consentSatisfied;
        return RequestGuide.blockers(state, consent,
                view == null || view.exemption == null ? null : ExemptionGround.valueOf(view.exemption));
    }

    /** The consultations in the order asked, each with its question and advice (the notes at their versions). */
    static List<ConsultationView> consultations(List<? extends PupilDataEvent> history, Map<Integer, String> notes) {
        Map<UUID, ConsultationView> byId = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            int version = i + 1;
            switch (history.get(i)) {
                case ConsultationRequested q -> byId.put(q.consultationId(), new ConsultationView(q.consultationId(),
                        q.officer(), notes.get(version), q.actor(), null, null, null));
                case ConsultationAnswered a -> byId.computeIfPresent(a.consultationId(), (k, c) -> new ConsultationView(
                        c.id(), c.officer(), c.question(), c.askedBy(), a.actor(), a.answeredOn(), notes.get(version)));
                default -> {
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private People people(PersonalDetails details) {
        if (details == null) {
            return People.NONE;
        }
        Intake.Requester requester = requester(details);
        String requesterId = requester == null ? null : requester.guardianId();
        return new People(details.pupilName, guardians(details).stream()
                .map(g -> new Guardian(g.id(), g.name(), g.hasAuthority(), g.id() != null
                        && g.id().equals(requesterId))).toList());
    }

    /** Checks the caller may act on a school; throws 403 otherwise. */
    @FunctionalInterface
    public interface SchoolCheck {
        /** Whether the caller may see requests of this school. */
        boolean maySee(String schoolBrin);
    }

    /**
     * The request as the caller may know of it: one that does not exist and one of a school the caller may not see
     * answer the same 404, word for word, so that no request id tells a stranger whether it exists (issue 19).
     */
    public static void requireVisible(UUID id, RequestState state, SchoolCheck schoolCheck) {
        if (!state.exists() || !schoolCheck.maySee(state.schoolBrin())) {
            throw ProblemException.notFound("Verzoek " + id + " bestaat niet of is niet van uw school.");
        }
    }

    /** The guardians' e-mail addresses by id, as taken in at intake (PA-8, PA-9). */
    private Map<String, String> guardianEmails(PersonalDetails details) {
        if (details == null) {
            return Map.of();
        }
        return guardians(details).stream().filter(g -> g.id() != null && g.email() != null)
                .collect(java.util.stream.Collectors.toMap(Intake.Guardian::id, Intake.Guardian::email, (a, b) -> a));
    }

    /** A corrected guardian without an address keeps the one the school had (PA-8, PA-9 send to it). */
    private List<Intake.Guardian> keepKnownAddresses(List<Intake.Guardian> corrected, PersonalDetails details) {
        Map<String, Intake.Guardian> known = new LinkedHashMap<>();
        guardians(details).forEach(g -> known.put(g.id(), g));
        return corrected.stream().map(g -> g.email() != null || !known.containsKey(g.id()) ? g
                : new Intake.Guardian(g.id(), g.name(), known.get(g.id()).email(), g.hasAuthority(),
                        known.get(g.id()).emailChecked())).toList();
    }

    private String writeGuardians(List<Intake.Guardian> guardians) {
        try {
            return json.writeValueAsString(guardians);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PersonalDetails personalDetails(UUID id, Intake intake) {
        PersonalDetails details = new PersonalDetails();
        details.requestId = id;
        details.pupilName = intake.pupil().name();
        details.pupilDateOfBirth = intake.pupil().dateOfBirth();
        try {
            details.guardians = writeGuardians(intake.guardiansOrEmpty());
            details.requester = intake.requester() == null ? null : json.writeValueAsString(intake.requester());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return details;
    }
}
