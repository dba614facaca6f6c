package nl.pupildata.register;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.testinfra.Await;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RegisterProjectionTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OFFICER = Tokens.bearer("QUALITY_OFFICER");

    static RequestReceived received(UUID id, String pupilRef) {
        return new RequestReceived(id, "director@12AB", "12AB", RequestKind.PARENT_ACCESS, LocalDate.of(2026, 11, 2),
                ReceivedVia.EMAIL, pupilRef, 4, false, List.of(new GuardianRef("g1", true)), false,
                RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
    }

    static void await(UUID id, int timelineSize) {
        Await.until("the register shows " + timelineSize + " events", WAIT, () -> {
            var response = given().header("Authorization", OFFICER).get("/register/" + id);
            return response.statusCode() == 200 && response.jsonPath().getList("timeline").size() == timelineSize;
        });
    }

    @Test
    void aRequestsLifeInEvents_completeEntryAndTimeline_evenWhenTheDeadlineArrivesFirstAndEventsTwice() {
        UUID id = UUID.randomUUID();
        String pupil = "P-" + id.toString().substring(0, 8);
        Instant t = Instant.parse("2026-11-02T09:00:00Z");
        // The deadline topic runs ahead of the request topic.
        EventEnvelope set = new EventEnvelope(UUID.randomUUID(), t.plusSeconds(1),
                new DeadlineSet(id, "deadline-service", "12AB", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30)));
        TopicProbe.publish(set);
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), t, received(id, pupil)));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), t.plusSeconds(60), new DeadlineExtended(id,
                "privacy-officer@board", 1, LocalDate.of(2026, 12, 30), "Extern dossier", LocalDate.of(2026, 11, 20))));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), t.plusSeconds(120), new InformationShared(id,
                "director@12AB", ShareChannel.SECURE_MAIL, LocalDate.of(2026, 12, 1), List.of(), null)));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), t.plusSeconds(180),
                new RequestClosed(id, "director@12AB", LocalDate.of(2026, 12, 2))));
        TopicProbe.publish(set); // redelivered
        await(id, 5);
        given().header("Authorization", OFFICER).get("/register/" + id).then().statusCode(200)
                .body("schoolBrin", is("12AB")).body("kind", is("PARENT_ACCESS")).body("pupilRef", is(pupil))
                .body("dueOn", is("2026-12-30")).body("extensions", is(1)).body("status", is("CLOSED"))
                .body("closedOn", is("2026-12-02")).body("outcome", is("SHARED"))
                .body("timeline.type", contains("RequestReceived", "DeadlineSet", "DeadlineExtended",
                        "InformationShared", "RequestClosed"))
                .body("timeline[2].actor", is("privacy-officer@board"));
        given().header("Authorization", OFFICER).get("/register/pupils/" + pupil).then().statusCode(200)
                .body("count", is(1));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "12AB")).get("/register?school=12AB").then()
                .statusCode(200).body("entries.requestId", hasItem(id.toString()));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/register/" + id).then()
                .statusCode(403);
        given().header("Authorization", Tokens.bearer("ADMIN_STAFF", "12AB")).get("/register/" + id).then()
                .statusCode(403);
        given().get("/register").then().statusCode(401);
    }
}
