package nl.pupildata.staffweb.service;

import java.time.Instant;
import java.util.List;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.FormField;
import nl.pupildata.staffweb.domain.FormState;

/** Everything the request page shows, gathered from the four services with the user's own token. */
public record RequestView(Api.Request request, Api.Deadline deadline, String deadlineNote, Api.Consent consent,
        List<GuardianLine> guardians, List<Line> timeline, String timelineNote, List<Action> actions,
        List<Action> consentActions, Action extension, List<ConsultationLine> consultations,
        Action askConsultation, List<LetterLine> letters, String done) {

    /** A letter to a guardian: read it first (PDF, written from the record), then issue it (recorded as sent). */
    public record LetterLine(String id, String title, String previewUrl, String issueUrl, String guardianId) {
    }

    /** A consultation: whom it was asked of, the question, and the advice or the form to give it (the officer only). */
    public record ConsultationLine(Api.Consultation consultation, String officer, String askedBy, String answeredBy,
            Action answer) {
    }

    /** A handling step the user may take now, with its short form; a refusal is shown inside it. */
    public record Action(String key, String title, String url, List<FormField> fields, FormState state,
            boolean open) {

        public boolean refused() {
            return state.hasErrors();
        }

        public String id() {
            return "actie-" + key.replaceAll("[^A-Za-z0-9]+", "-");
        }

        /** Before each field's id: the same field (a reason, a guardian) appears in several actions of a page. */
        public String fieldPrefix() {
            return id() + "-";
        }
    }

    /** A guardian, their authority, and their latest word on consent. */
    public record GuardianLine(String id, String name, boolean hasAuthority, boolean required, String word) {
    }

    /** A line of the timeline: when, what, who. */
    public record Line(Instant at, String type, String who) {
    }
}
