package nl.pupildata.request.domain;

import java.util.ArrayList;
import java.util.List;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.model.ShareChannel;

/** What still stands between a request and its end, in the quality card's words, and which steps apply. */
public final class RequestGuide {

    private RequestGuide() {
    }

    /** A requirement of the card not met yet: its rule, the rule's gist, and what to do about it. */
    public record Blocker(String rule, String message, String ruleText) {
    }

    /** The requirements on the request's route that are not met yet, in order (the same checks the guards ask). */
    public static List<Blocker> blockers(RequestState s, boolean consentSatisfied) {
        return blockers(s, consentSatisfied, null);
    }

    /** As above, knowing the consent exemption in force (G-9 changes a complex request's route). */
    public static List<Blocker> blockers(RequestState s, boolean consentSatisfied, ExemptionGround exemption) {
        if (s.status().isFinal()) {
            return List.of();
        }
        return Requirement.route(s, exemption).stream().filter(r -> !r.met(s, consentSatisfied))
                .map(r -> new Blocker(r.rule().id(), r.todo(s), r.rule().text())).toList();
    }

    /** The steps that apply to this kind of request in its current state. */
    public static List<String> allowedActions(RequestState s) {
        List<String> a = new ArrayList<>();
        if (s.status().isFinal()) {
            return a;
        }
        switch (s.kind()) {
            case PARENT_ACCESS -> {
                a.addAll(List.of("acknowledgement", "review", "shares", "corrections", "statements", "refusal"));
                if (s.correctionsOpen() > 0) {
                    a.add("correction-decision");
                }
                if (!s.shares().isEmpty()) {
                    a.add("delivery-confirmation");
                    a.add("other-guardian-notices");
                }
            }
            case THIRD_PARTY -> a.addAll(s.isComplex()
                    ? List.of("answer-draft", "answer-review", "guardians-informed", "shares", "refusal")
                    : List.of("shares", "refusal"));
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> {
                a.addAll(List.of("guardian-inspection", "statements", "shares", "refusal"));
                if (s.kind() == RequestKind.SECONDARY_TRANSFER && !s.warmHandoverAsked()
                        && s.shares().stream().noneMatch(x -> x.channel() == ShareChannel.OSO)) {
                    a.add("warm-handover");
                }
            }
            case SUPPORT_FILE -> a.addAll(List.of("access-copies", "shares", "next-school-contact", "refusal"));
            case OUTGOING_INQUIRY -> a.addAll(List.of("guardians-informed", "shares"));
            case RESEARCH -> a.addAll(List.of("research-decision", "shares", "refusal"));
        }
        a.add("guardians");
        a.add("withdrawal");
        a.add("closure");
        return a;
    }
}
