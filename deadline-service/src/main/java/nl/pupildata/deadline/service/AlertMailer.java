package nl.pupildata.deadline.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.pupildata.deadline.persistence.AlertMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the alerts the deadline scan wrote (issue 18): a term due soon or missed reaches the school's director and the
 * board's quality officer by e-mail, once per term and signal — a row is marked when sent, so a restart sends nothing
 * twice (a crash between sending and marking may send one again). The mail carries the request's link, the school,
 * the kind of signal and the date: no personal details.
 */
@ApplicationScoped
public class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    private final ReactiveMailer mailer;
    private final Clock clock;
    private final Map<String, List<String>> directors;
    private final List<String> qualityOfficers;
    private final String staffWebUrl;

    public AlertMailer(ReactiveMailer mailer, Clock clock,
            @ConfigProperty(name = "pupil-data.alerts.directors") Optional<List<String>> directors,
            @ConfigProperty(name = "pupil-data.alerts.quality-officers") Optional<List<String>> qualityOfficers,
            @ConfigProperty(name = "pupil-data.staff-web-url", defaultValue = "http://localhost:8080") String staffWebUrl) {
        this.mailer = mailer;
        this.clock = clock;
        this.directors = bySchool(directors.orElse(List.of()));
        this.qualityOfficers = qualityOfficers.orElse(List.of());
        this.staffWebUrl = staffWebUrl.replaceAll("/+$", "");
    }

    /** {@code 12AB:directeur@school.nl} entries → the addresses per school. */
    static Map<String, List<String>> bySchool(List<String> entries) {
        Map<String, List<String>> bySchool = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("pupil-data.alerts.directors wants SCHOOL:address entries: " + entry);
            }
            bySchool.computeIfAbsent(entry.substring(0, colon).trim(), s -> new ArrayList<>())
                    .add(entry.substring(colon + 1).trim());
        }
        return bySchool;
    }

    @Scheduled(every = "${pupil-data.alerts.interval:10s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledSend() {
        return sendPending().onFailure().invoke(e -> LOG.warnf("Sending alerts failed, trying again: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends what is waiting; returns how many alerts were sent. */
    public Uni<Integer> sendPending() {
        return Panache.withSession(() -> AlertMail.unsent(50, Instant.now(clock))).flatMap(pending -> Multi.createFrom()
                .iterable(pending).onItem().transformToUniAndConcatenate(this::claimAndSend).collect().asList())
                .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count());
    }

    /** Sends an alert only if this sender's claim on it holds (another sender, or a replica, may be at it too). */
    private Uni<Boolean> claimAndSend(AlertMail alert) {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> AlertMail.claim(alert.eventId, now, now.plus(CLAIM)))
                .chain(claimed -> claimed == 1 ? send(alert) : Uni.createFrom().item(false));
    }

    /** How long a claim holds: longer than any send takes; after it, an alert whose sender died is sent again. */
    static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(5);

    private Uni<Boolean> send(AlertMail alert) {
        List<String> to = new ArrayList<>(directors.getOrDefault(alert.school, List.of()));
        to.addAll(qualityOfficers);
        if (to.isEmpty()) {
            LOG.warnf("No alert recipient configured for school %s (request %s)", alert.school, alert.requestId);
            return mark(alert, "NO_RECIPIENT").replaceWith(false);
        }
        boolean missed = alert.signal.equals("MISSED");
        String subject = (missed ? "Termijn gemist" : "Termijn loopt bijna af") + ": verzoek van school "
                + alert.school;
        String text = (missed
                ? "De termijn van een verzoek om leerlinggegevens is verstreken zonder antwoord (PA-4).\n"
                : "De termijn van een verzoek om leerlinggegevens loopt bijna af (PA-4).\n")
                + "\nSchool: " + alert.school
                + "\nUiterlijk: " + DUTCH.format(alert.dueOn)
                + "\nVerzoek: " + staffWebUrl + "/verzoeken/" + alert.requestId
                + "\n\nOpen het verzoek om te zien wat de kwaliteitskaart nog vraagt, of laat de privacy officer de "
                + "termijn verlengen (PA-6).\n";
        List<Mail> mails = to.stream().map(address -> Mail.withText(address, subject, text)).toList();
        return mailer.send(mails.toArray(Mail[]::new))
                .invoke(() -> LOG.infof("Alert %s for request %s sent to %d recipient(s)", alert.signal,
                        alert.requestId, mails.size()))
                .chain(() -> mark(alert, "SENT")).replaceWith(true);
    }

    private Uni<Integer> mark(AlertMail alert, String outcome) {
        return Panache.withTransaction(() -> AlertMail.markSent(alert.eventId, outcome, Instant.now(clock)));
    }
}
