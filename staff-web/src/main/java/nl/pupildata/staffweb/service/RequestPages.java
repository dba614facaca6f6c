package nl.pupildata.staffweb.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.FormState;
import nl.pupildata.events.Labels;
import nl.pupildata.events.SchoolTime;
import nl.pupildata.staffweb.domain.StepForms;

/** Gathers the request page from the four services, and offers the user the actions their role may take now. */
@RequestScoped
public class RequestPages {

    private static final Set<String> DATED = Set.of("guardians-informed", "guardian-inspection", "access-copies");

    @Inject
    ServiceCalls calls;
    @Inject
    Viewer viewer;
    @Inject
    StaffDirectory directory;

    public RequestView view(Api.Request r, String done, String refusedKey, FormState refusal) {
        String base = "/verzoeken/" + r.id();
        Answer<Api.Deadline> deadline = calls.deadline(r.id());
        Answer<Api.Consent> consent = calls.consent(r.id());
        Api.Consent c = consent.ok() ? consent.value() : null;

        List<RequestView.Line> timeline = null;
        String timelineNote = null;
        if (viewer.may("register")) {
            Answer<Api.RegisterDetails> details = calls.timeline(r.id());
            if (details.ok()) {
                timeline = details.value().timeline().stream().map(l -> new RequestView.Line(l.at(),
                        Labels.of("event", l.type()), directory.name(l.actor()))).toList();
            } else {
                timelineNote = "Het register kent dit verzoek nog niet; het verschijnt hier binnen enkele seconden.";
            }
        } else {
            timelineNote = "De tijdlijn uit het register is zichtbaar voor de directie, de KC en het bestuur.";
        }

        List<RequestView.Action> actions = new ArrayList<>();
        for (String step : r.allowedActions()) {
            if (viewer.may(step)) {
                actions.add(action(step, Labels.of("step", step), base + "/stap/" + step,
                        StepForms.step(step, r), DATED.contains(step) ? Map.of("on", SchoolTime.today().toString())
                                : step.equals("guardians") ? StepForms.guardianValues(r) : Map.of(), refusedKey,
                        refusal));
            }
        }

        List<RequestView.GuardianLine> guardians = new ArrayList<>();
        List<RequestView.Action> consentActions = new ArrayList<>();
        boolean consentApplies = c != null && !"NONE".equals(c.requirement());
        for (Api.Guardian g : r.guardians()) {
            String word = c == null ? "" : !consentApplies ? "Niet nodig"
                    : c.granted().contains(g.id()) ? "Toestemming gegeven"
                    : c.refused().contains(g.id()) ? "Toestemming geweigerd"
                    : c.withdrawn().contains(g.id()) ? "Toestemming ingetrokken" : "Nog niet";
            boolean required = c != null && c.requiredFrom().contains(g.id());
            Api.Purpose contact = c == null ? null : c.nextSchoolContact();
            boolean supportFile = "SUPPORT_FILE".equals(r.kind()) && consentApplies && contact != null;
            if (supportFile) {
                word += "; contactpersoon vervolgschool: " + (contact.granted().contains(g.id()) ? "toestemming gegeven"
                        : contact.withdrawn().contains(g.id()) ? "toestemming ingetrokken"
                        : contact.asked().contains(g.id()) ? "gevraagd" : "nog niet");
            }
            guardians.add(new RequestView.GuardianLine(g.id(), g.name(), Boolean.TRUE.equals(g.hasAuthority()),
                    required, word));
            if (consentApplies && Boolean.TRUE.equals(g.hasAuthority()) && !isFinal(r)) {
                String who = g.name() == null ? g.id() : g.name();
                for (String what : c.granted().contains(g.id()) ? List.of("withdrawals")
                        : List.of("requests", "grants", "refusals")) {
                    if (viewer.may("consent/" + what)) {
                        consentActions.add(action(consentKey(what, g.id(), null), Labels.of("step", "consent/" + what)
                                + ": " + who, base + "/toestemming/" + what, StepForms.consent(what),
                                Map.of("guardianId", g.id()), refusedKey, refusal));
                    }
                }
                // SWV-5: the next school's contact person needs a consent of its own.
                for (String what : !supportFile ? List.<String>of() : contact.granted().contains(g.id())
                        ? List.of("withdrawals") : List.of("requests", "grants")) {
                    if (viewer.may("consent/" + what)) {
                        consentActions.add(action(consentKey(what, g.id(), CONTACT),
                                Labels.of("step", "consent/" + what) + " (contactpersoon vervolgschool): " + who,
                                base + "/toestemming/" + what, StepForms.consentWithPurpose(what),
                                Map.of("guardianId", g.id(), "purpose", CONTACT), refusedKey, refusal));
                    }
                }
            }
        }
        if (consentApplies && c.exemption() == null && !isFinal(r) && viewer.may("consent/exemptions")) {
            consentActions.add(action("consent/exemptions", Labels.of("step", "consent/exemptions"),
                    base + "/toestemming/exemptions", StepForms.consent("exemptions"), Map.of(), refusedKey,
                    refusal));
        }

        RequestView.Action extension = null;
        Api.Deadline d = deadline.ok() ? deadline.value() : null;
        if (d != null && d.metOn() == null && !"CANCELLED".equals(d.status()) && viewer.may("deadline/extensions")) {
            extension = action("deadline/extensions", Labels.of("step", "deadline/extensions"), base + "/verlenging",
                    StepForms.extension(), Map.of("guardiansNotifiedOn", SchoolTime.today().toString()), refusedKey,
                    refusal);
        }
        List<RequestView.ConsultationLine> consultations = new ArrayList<>();
        for (Api.Consultation q : r.consultationsOrEmpty()) {
            RequestView.Action answer = null;
            if (!q.answered() && !isFinal(r) && viewer.roles().contains(q.officer())) {
                answer = action("consultations/answer/" + q.id(), Labels.of("step", "consultations/answer"),
                        base + "/overleg/" + q.id(), StepForms.advice(), Map.of("on", SchoolTime.today().toString()),
                        refusedKey, refusal);
            }
            consultations.add(new RequestView.ConsultationLine(q, Labels.of("officer", q.officer()),
                    directory.name(q.askedBy()), q.answered() ? directory.name(q.answeredBy()) : null, answer));
        }
        RequestView.Action ask = isFinal(r) || !viewer.may("consultations") ? null
                : action("consultations", Labels.of("step", "consultations"), base + "/overleg",
                        StepForms.consultation(), Map.of(), refusedKey, refusal);

        String deadlineNote = d != null ? null : deadline.problem().status() == 404
                ? "Voor dit soort verzoek geldt geen wettelijke termijn." : deadline.problem().detail();
        return new RequestView(r, d, deadlineNote, c, guardians, timeline, timelineNote, actions, consentActions,
                extension, consultations, ask, letters(r, base),
                done == null ? null : "Vastgelegd: " + Labels.of("step", done) + ".");
    }

    /** The letters of this kind of request (issue 18), per guardian they go to; request-service says when one fits. */
    private List<RequestView.LetterLine> letters(Api.Request r, String base) {
        List<RequestView.LetterLine> letters = new ArrayList<>();
        if (!viewer.may("letters")) {
            return letters;
        }
        switch (r.kind()) {
            case "PARENT_ACCESS" -> {
                letters.add(letter(base, "acknowledgement", null, null));
                for (Api.Guardian g : r.guardians()) {
                    if (Boolean.TRUE.equals(g.hasAuthority()) && !g.requester()) {
                        letters.add(letter(base, "other-guardian-notice", g.id(), g.name()));
                    }
                }
                letters.add(letter(base, "extension-notice", null, null));
                letters.add(letter(base, "refusal", null, null));
            }
            case "SCHOOL_TRANSFER", "SECONDARY_TRANSFER" -> r.guardians().stream()
                    .filter(g -> Boolean.TRUE.equals(g.hasAuthority()))
                    .forEach(g -> letters.add(letter(base, "transfer-file-invitation", g.id(), g.name())));
            default -> {
            }
        }
        if (!Set.of("PARENT_ACCESS", "OUTGOING_INQUIRY").contains(r.kind())) {
            r.guardians().stream().filter(g -> Boolean.TRUE.equals(g.hasAuthority()))
                    .forEach(g -> letters.add(letter(base, "consent-request", g.id(), g.name())));
        }
        return letters;
    }

    private static RequestView.LetterLine letter(String base, String kind, String guardianId, String name) {
        String to = guardianId == null ? "" : "?ouder=" + guardianId;
        return new RequestView.LetterLine("brief-" + kind + (guardianId == null ? "" : "-" + guardianId),
                Labels.of("letter", kind) + (name == null ? "" : " — aan " + name), base + "/brief/" + kind + to,
                base + "/brief/" + kind, guardianId);
    }

    private static RequestView.Action action(String key, String title, String url,
            List<nl.pupildata.staffweb.domain.FormField> fields, Map<String, String> defaults, String refusedKey,
            FormState refusal) {
        boolean refused = key.equals(refusedKey) && refusal != null;
        return new RequestView.Action(key, title, url, fields, refused ? refusal : FormState.empty(defaults), refused);
    }

    private static boolean isFinal(Api.Request r) {
        return Set.of("CLOSED", "WITHDRAWN", "REFUSED").contains(r.status());
    }

    public static FormState refusal(Map<String, String> values, Api.Problem problem) {
        return FormState.refused(values, problem, Map.of());
    }

    /** SWV-5's purpose of its own, as consent-service names it. */
    static final String CONTACT = "NEXT_SCHOOL_CONTACT";

    public static String consentKey(String what, String guardianId, String purpose) {
        return "consent/" + what + (guardianId == null || guardianId.isBlank() ? "" : "/" + guardianId)
                + (purpose == null || purpose.isBlank() ? "" : "/" + purpose);
    }
}
