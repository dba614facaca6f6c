package nl.pupildata.request.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.request.domain.RequestCommand.Share;
import nl.pupildata.rules.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The guide's blockers and the guards' refusals come from the same requirements: what the guide says is missing first
 * is what a share (or closing) is refused for.
 */
class RequestGuideTest {

    static final UUID ID = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static RequestState received(RequestKind kind, AccessMode mode, ThirdPartyTopic topic) {
        return RequestState.replay(List.of(new RequestReceived(ID, "director", "12AB", kind, TODAY, ReceivedVia.EMAIL,
                "P-1", 4, false, List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), true,
                RequesterCategory.GUARDIAN, kind == RequestKind.PARENT_ACCESS ? "g1" : null, mode, topic,
                topic == null ? null : topic.complexity(), null, false)));
    }

    static String firstBlocker(RequestState s) {
        return RequestGuide.blockers(s, false).stream().filter(b -> !b.rule().equals("PA-3")).findFirst()
                .orElseThrow().rule();
    }

    static String shareRefusedBy(RequestState s, ShareChannel channel) {
        HandlingFacts facts = new HandlingFacts(TODAY, "director", java.util.Set.of("DIRECTOR"), false, false, false, null,
                java.util.Set.of(), java.util.Map.of("g1", "anna@example.nl"),
                HandlingFacts.BoardPolicy.DEFAULT);
        Share share = new Share(channel, "anna@example.nl", null, null,
                List.of(new RequestCommand.Section(OsoSection.TOETSRESULTATEN, null, null, null, null, null, null,
                        null)));
        return assertThrows(RuleViolation.class, () -> RequestDecider.decide(share, s, facts)).rule().id();
    }

    @Test
    void theFirstBlockerIsWhatAShareIsRefusedFor() {
        assertEquals(firstBlocker(received(RequestKind.PARENT_ACCESS, AccessMode.PDF_BY_SECURE_MAIL, null)),
                shareRefusedBy(received(RequestKind.PARENT_ACCESS, AccessMode.PDF_BY_SECURE_MAIL, null),
                        ShareChannel.SECURE_MAIL));
        for (ThirdPartyTopic topic : List.of(ThirdPartyTopic.SPEECH_THERAPY, ThirdPartyTopic.VEILIG_THUIS)) {
            RequestState s = received(RequestKind.THIRD_PARTY, null, topic);
            String blocker = firstBlocker(s);
            // complex: nothing drafted yet, so the review the share needs is missing; the guide asks for the draft
            String refusal = shareRefusedBy(s, ShareChannel.SECURE_MAIL);
            assertEquals(blocker, refusal, topic.name());
        }
        for (RequestKind kind : List.of(RequestKind.SCHOOL_TRANSFER, RequestKind.SUPPORT_FILE,
                RequestKind.OUTGOING_INQUIRY, RequestKind.RESEARCH)) {
            RequestState s = received(kind, null, null);
            ShareChannel channel = switch (kind) {
                case SCHOOL_TRANSFER -> ShareChannel.OSO;
                case SUPPORT_FILE -> ShareChannel.SUPPORT_FILE;
                default -> ShareChannel.SECURE_MAIL;
            };
            assertEquals(firstBlocker(s), shareRefusedBy(s, channel), kind.name());
        }
    }

    @Test
    void aBlockerSaysItsRulesGistInDutch() {
        RequestGuide.Blocker b = RequestGuide.blockers(received(RequestKind.PARENT_ACCESS,
                AccessMode.PDF_BY_SECURE_MAIL, null), false).get(0);
        assertEquals("PA-3", b.rule());
        assertTrue(b.ruleText().startsWith("Bevestig de ontvangst"), b.ruleText());
    }
}
