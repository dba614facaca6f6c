package nl.pupildata.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.deadline.service.DeadlineSignals;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.infra.Await;
import nl.pupildata.testinfra.OnVertx;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(GreenMailResource.class)
class DeadlineFlowTests {
    /** Health and metrics are on the management interface (docs/platform.md). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    static final Duration WAIT = Duration.ofSeconds(30);

    @jakarta.inject.Inject
    DeadlineSignals signals;
    static final String DIRECTOR = Tokens.bearer("DIRECTOR", "12AB");

    static UUID accessRequestReceived(LocalDate receivedOn) {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(EventEnvelope.wrap(new RequestReceived(id, "director@12AB", "12AB",
                RequestKind.PARENT_ACCESS, receivedOn, ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true)), false, RequesterCategory.GUARDIAN, "g1",
                AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null), Instant.now()));
        return id;
    }

    @Test
    void aRequestReceivedFromANewerRequestService_withFieldsThisVersionDoesNotKnow_setsTheTerm() {
        UUID id = UUID.randomUUID();
        LocalDate received = LocalDate.now().minusDays(1);
        TopicProbe.publishFromANewerVersion(EventEnvelope.wrap(new RequestReceived(id, "director@12AB", "12AB",
                RequestKind.PARENT_ACCESS, received, ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true)), false, RequesterCategory.GUARDIAN, "g1",
                AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null), Instant.now()));
        var set = TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 1, WAIT);
        assertEquals(received.plusWeeks(4), ((DeadlineSet) TopicProbe.envelope(set.get(0)).event()).dueOn());
    }

    @Test
    void requestReceived_setsTheTermOnTheTopic_andInformationSharedMeetsIt() {
        LocalDate received = LocalDate.now().minusDays(3);
        UUID id = accessRequestReceived(received);
        var set = TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 1, WAIT);
        assertEquals("DeadlineSet", TopicProbe.headers(set.get(0)).get("ce_type"));
        assertEquals(received.plusWeeks(4), ((DeadlineSet) TopicProbe.envelope(set.get(0)).event()).dueOn());
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").then().statusCode(200)
                .body("status", is("RUNNING")).body("dueOn", is(received.plusWeeks(4).toString()))
                .body("daysLeft", is(25));
        TopicProbe.publish(EventEnvelope.wrap(new InformationShared(id, "director@12AB", ShareChannel.SECURE_MAIL,
                LocalDate.now(), List.of(), null), Instant.now()));
        var all = TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 2, WAIT);
        assertEquals("DeadlineMet", TopicProbe.headers(all.get(1)).get("ce_type"));
        assertTrue(((DeadlineMet) TopicProbe.envelope(all.get(1)).event()).withinTerm());
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").then()
                .body("status", is("MET")).body("metWithinTerm", is(true));
    }

    /** Issue 18: the alert reaches the director and the quality officer, once, with no personal details. */
    @Test
    void aMissedTermIsMailedToTheDirectorAndTheQualityOfficer_once_withoutPersonalDetails() throws Exception {
        UUID id = accessRequestReceived(LocalDate.now().minusDays(40));
        Await.until("the term is set", WAIT,
                () -> given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").statusCode() == 200);
        OnVertx.await(() -> signals.scan(LocalDate.now()));
        Await.until("the alert arrives", WAIT, () -> alertsAbout(id).size() == 2);
        List<jakarta.mail.internet.MimeMessage> alerts = alertsAbout(id);
        assertEquals(java.util.Set.of(GreenMailResource.DIRECTOR, GreenMailResource.QUALITY_OFFICER),
                alerts.stream().map(m -> recipient(m)).collect(java.util.stream.Collectors.toSet()));
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(alerts.get(0));
        assertTrue(alerts.get(0).getSubject().startsWith("Termijn gemist") && body.contains("/verzoeken/" + id)
                && body.contains("12AB"), body);
        assertFalse(body.contains("P-1") || body.contains("g1"), "no pupil or guardian reference: " + body);
        OnVertx.await(() -> signals.scan(LocalDate.now()));
        OnVertx.await(() -> mailer.sendPending());
        Thread.sleep(1500);
        assertEquals(2, alertsAbout(id).size(), "once per term and signal");
    }

    /** Two senders at once (the scheduled one and another, or two replicas) never both send an alert. */
    @Test
    void anAlertIsClaimedByOneSenderOnly_andAClaimWhoseSenderDiedExpires() {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        // Held by another sender for a day: the scheduled sender leaves it alone too.
        nl.pupildata.testinfra.Sql.query("insert into alert_mail (event_id, request_id, school, signal, due_on, "
                + "claimed_until) values ('" + eventId + "', '" + UUID.randomUUID() + "', '12AB', 'MISSED', "
                + "current_date, now() + interval '1 day') returning 1", r -> r.getInt(1));
        assertEquals(0, claim(eventId, now), "held by another sender");
        Instant later = now.plus(Duration.ofDays(2));
        assertEquals(1, claim(eventId, later), "that sender died: its claim expired");
        assertEquals(0, claim(eventId, later), "and now this one holds it");
    }

    static int claim(UUID eventId, Instant now) {
        return OnVertx.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() ->
                nl.pupildata.deadline.persistence.AlertMail.claim(eventId, now, now.plus(Duration.ofMinutes(5)))));
    }

    @jakarta.inject.Inject
    nl.pupildata.deadline.service.AlertMailer mailer;

    static List<jakarta.mail.internet.MimeMessage> alertsAbout(UUID id) {
        return java.util.Arrays.stream(GreenMailResource.mail.getReceivedMessages())
                .filter(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(id.toString())).toList();
    }

    static String recipient(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pa6_extensionsOnlyByThePrivacyOfficerAtMostTwice() {
        UUID id = accessRequestReceived(LocalDate.now().minusDays(1));
        Await.until("the term is set", WAIT,
                () -> given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").statusCode() == 200);
        String body = "{\"reason\":\"Dossier deels bij externe partij\",\"guardiansNotifiedOn\":\"" + LocalDate.now() + "\"}";
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body(body)
                .post("/requests/" + id + "/deadline/extensions").then().statusCode(403);
        String privacy = Tokens.bearer("PRIVACY_OFFICER");
        given().header("Authorization", privacy).contentType(ContentType.JSON).body(body)
                .post("/requests/" + id + "/deadline/extensions").then().statusCode(200)
                .body("extensions[0].number", is(1)).body("extensions[0].approvedBy", is("privacy-officer@board"));
        given().header("Authorization", privacy).contentType(ContentType.JSON).body(body)
                .post("/requests/" + id + "/deadline/extensions").then().statusCode(200);
        given().header("Authorization", privacy).contentType(ContentType.JSON).body(body)
                .post("/requests/" + id + "/deadline/extensions").then().statusCode(422)
                .contentType("application/problem+json").body("rule", is("PA-6"));
        given().header("Authorization", privacy).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/requests/" + id + "/deadline/extensions").then().statusCode(400).body("rule", is("PA-6"))
                .body("violations.field", hasItem("guardiansNotifiedOn"));
    }

    @Test
    void aRequestReceived30DaysAgoIsMissed_signalledOnceByTheScheduler_andOnTheWorkList() {
        UUID id = accessRequestReceived(LocalDate.now().minusDays(30));
        var signalled = TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 2, WAIT);
        assertEquals(List.of("DeadlineSet", "DeadlineMissed"),
                signalled.stream().map(r -> TopicProbe.headers(r).get("ce_type")).toList());
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").then()
                .body("status", is("MISSED")).body("daysLeft", is(-2));
        // Later scans emit nothing more for this term.
        assertEquals(0, OnVertx.await(() -> signals.scan(LocalDate.now().plusDays(3))));
        given().header("Authorization", DIRECTOR).get("/deadlines").then().statusCode(200)
                .body("find { it.requestId == '" + id + "' }.status", is("MISSED"));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/deadlines").then().statusCode(200)
                .body("requestId", not(hasItem(id.toString())));
        given().header("Authorization", DIRECTOR).get("/deadlines?status=LATE").then().statusCode(400);
        given().get(metricsUrl).then().statusCode(200)
                .body(containsString("pupil_data_terms_missed_total{school=\"12AB\"}"));
    }

    /** Issue 20: a signal is counted when it is stored, not when it is decided; one that fails to store is not. */
    @Test
    void aSignalIsCountedOnceStored_notWhenItsTransactionFails() {
        UUID id = UUID.randomUUID();
        String school = "77TR"; // a school of its own, so that no other test's signal moves its counter
        TopicProbe.publish(EventEnvelope.wrap(new RequestReceived(id, "director@77TR", school,
                RequestKind.PARENT_ACCESS, LocalDate.now(), ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true)), false, RequesterCategory.GUARDIAN, "g1",
                AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null), Instant.now()));
        TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 1, WAIT); // DeadlineSet
        LocalDate nearTheEnd = LocalDate.now().plusDays(22);
        String trigger = "refuse_alert_" + id.toString().replace("-", "");
        Sql.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'the test refuses this alert'; end $$");
        Sql.execute("create trigger " + trigger + " before insert on alert_mail for each row when (new.request_id = '"
                + id + "') execute function " + trigger + "()");
        try {
            OnVertx.await(() -> signals.scan(nearTheEnd)); // this term's signal fails to store (other terms may not)
            assertEquals(0.0, dueSoonCounted(school), "nothing stored, nothing counted");
            assertEquals(List.of("DeadlineSet"), TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 1,
                    Duration.ofSeconds(2)).stream().map(r -> TopicProbe.headers(r).get("ce_type")).toList());
        } finally {
            Sql.execute("drop trigger " + trigger + " on alert_mail");
            Sql.execute("drop function " + trigger + "()");
        }
        OnVertx.await(() -> signals.scan(nearTheEnd));
        assertEquals(1.0, dueSoonCounted(school), "counted once, when stored");
        assertEquals(List.of("DeadlineSet", "DeadlineDueSoon"), TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id,
                2, WAIT).stream().map(r -> TopicProbe.headers(r).get("ce_type")).toList());
    }

    private double dueSoonCounted(String school) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^pupil_data_terms_due_soon_total\\{school=\""
                + school + "\"} ([0-9.eE+]+)$").matcher(given().get(metricsUrl).asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    @Test
    void timeIsDrivenNotWaitedFor_dueSoonComesWhenTheScanIsTold() {
        UUID id = accessRequestReceived(LocalDate.now());
        Await.until("the term is set", WAIT,
                () -> given().header("Authorization", DIRECTOR).get("/requests/" + id + "/deadline").statusCode() == 200);
        assertTrue(OnVertx.await(() -> signals.scan(LocalDate.now().plusDays(22))) >= 1);
        var events = TopicProbe.recordsOf(Topic.DEADLINES.topicName(), id, 2, WAIT);
        assertEquals("DeadlineDueSoon", TopicProbe.headers(events.get(1)).get("ce_type"));
    }
}
