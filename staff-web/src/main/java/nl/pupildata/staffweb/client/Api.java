package nl.pupildata.staffweb.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The four services' answers as this page reads them: a tolerant reader (unknown fields are ignored, so the services
 * may add to their contract without breaking the page).
 */
public final class Api {

    private Api() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Blocker(String rule, String message, String ruleText) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pupil(String ref, String name, Integer group) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Guardian(String id, String name, Boolean hasAuthority, boolean requester) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UUID id, String kind, String schoolBrin, String status, String complexity,
            LocalDate receivedOn, boolean consentSatisfied, String consentExemption, LocalDate dueOn,
            List<Blocker> blockers, List<String> allowedActions, Pupil pupil, List<Guardian> guardians,
            boolean guardiansLivingApart, List<Consultation> consultations) {

        public List<Consultation> consultationsOrEmpty() {
            return consultations == null ? List.of() : consultations;
        }
    }

    /** A consultation of an officer (G-9, G-11, PA-12, OSO-4), with its question and, once given, the advice. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consultation(UUID id, String officer, String question, String askedBy, String answeredBy,
            LocalDate answeredOn, String advice) {
        public boolean answered() {
            return answeredBy != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestRow(UUID requestId, String schoolBrin, String kind, String status, LocalDate receivedOn,
            String complexity, boolean consentSatisfied, LocalDate dueOn) {
    }

    /** A request's next step: the first of its blockers (none when nothing blocks it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextStep(UUID requestId, String status, Blocker next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkItem(UUID requestId, String schoolBrin, LocalDate dueOn, String status, long daysLeft) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extension(int number, LocalDate newDueOn, String reason, String approvedBy,
            LocalDate guardiansNotifiedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadline(UUID requestId, LocalDate receivedOn, LocalDate dueOn, String status, long daysLeft,
            List<Extension> extensions, LocalDate metOn, Boolean metWithinTerm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentLine(String type, String guardianId, Instant at, String actor, String evidence,
            String evidenceRef, String informationDescription, String ground, String reason,
            String consultedQualityOfficer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(UUID requestId, String requirement, List<String> requiredFrom, Set<String> granted,
            Set<String> refused, Set<String> withdrawn, String exemption, boolean satisfied,
            Purpose nextSchoolContact, List<ConsentLine> history) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedLetter(String kind, int version, String recipientGuardianId, String href) {
    }

    /** SWV-5: the consent of its own for the next school's contact person. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(Set<String> asked, Set<String> granted, Set<String> withdrawn, boolean satisfied) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineLine(String type, Instant at, String actor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegisterDetails(UUID requestId, String status, String outcome, List<TimelineLine> timeline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegisterEntry(UUID requestId, String schoolBrin, String kind, String requesterCategory,
            String pupilRef, LocalDate receivedOn, String status, String outcome, LocalDate dueOn, int extensionCount,
            String consentRequirement, boolean consentSatisfied, int shareCount, LocalDate closedOn,
            Boolean metWithinTerm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegisterPage(int page, int size, long total, boolean rebuilding, List<RegisterEntry> entries) {

        public boolean hasPageAfter(int page) {
            return (long) (page + 1) * size < total;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PupilCount(String pupilRef, long count, List<RegisterEntry> requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthFigures(String schoolBrin, String month, long received, long withTerm, long answered,
            long withinTerm) {

        /** Of the answered requests with a term, the share answered within it ("83%"), or "—" when none. */
        public String share() {
            return answered == 0 ? "—" : Math.round(100.0 * withinTerm / answered) + "%";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statistics(List<MonthFigures> months) {
    }

    /** register-service's yearly account (GET /register/account). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record YearlyAccount(String schoolYear, List<String> schoolYears, boolean rebuilding, Account account) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String schoolYear, LocalDate firstDay, LocalDate lastDay, LocalDate countedOn,
            boolean boardWide, AccountFigures total, List<AccountFigures> schools) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccountFigures(String school, long received, List<KindRow> kinds, Term term, Extensions extensions,
            List<RefusalRow> refusals, Consents consents, List<ExemptionRow> exemptions, List<PupilRow> pupils) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KindRow(String kind, long received, java.util.Map<String, Long> outcomes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(long withTerm, long answered, long withinTerm, long late, long openPastDue,
            Integer withinTermPercent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extensions(long requestsExtended, long extensions, long extendedTwice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefusalRow(String rule, String gist, long whole, long partial) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consents(long refused, long withdrawn, long requestsConcerned) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExemptionRow(String ground, long requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PupilRow(String pupilRef, long requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message) {
    }

    /** An RFC 9457 problem, as every service answers a refusal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String type, String title, int status, String detail, String rule, List<Violation> violations) {
        public List<Violation> violationsOrEmpty() {
            return violations == null ? List.of() : violations;
        }
    }
}
