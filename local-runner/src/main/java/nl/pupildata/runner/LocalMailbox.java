package nl.pupildata.runner;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's mailbox (issue 18): a real SMTP server (GreenMail, in the runner's own JVM, no Docker) that the
 * services send their alerts to; every message it receives is written to {@code <folder>/NNN.eml}, readable with any
 * mail program or a text editor.
 */
final class LocalMailbox implements AutoCloseable {

    private final GreenMail mail;
    private final Path folder;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-mailbox");
        t.setDaemon(true);
        return t;
    });
    private int written;

    private LocalMailbox(GreenMail mail, Path folder) {
        this.mail = mail;
        this.folder = folder;
    }

    static LocalMailbox start(int port, Path folder) throws IOException {
        Files.createDirectories(folder);
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        LocalMailbox box = new LocalMailbox(mail, folder);
        try (var existing = Files.list(folder)) {
            box.written = (int) existing.filter(p -> p.toString().endsWith(".eml")).count();
        }
        box.writer.scheduleWithFixedDelay(box::writeNew, 1, 1, TimeUnit.SECONDS);
        return box;
    }

    /** What the services need to send here, and to whom the demo schools' alerts go. */
    Map<String, String> serviceProperties() {
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "pupil-data.alerts.directors", "12AB:directeur.12ab@voorbeeld.local,34CD:directeur.34cd@voorbeeld.local",
                "pupil-data.alerts.quality-officers", "kwaliteit.bestuur@voorbeeld.local");
    }

    int port() {
        return mail.getSmtp().getPort();
    }

    Path folder() {
        return folder;
    }

    private synchronized void writeNew() {
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = seen; i < received.length; i++) {
            written++;
            try (OutputStream out = Files.newOutputStream(folder.resolve(String.format("%03d.eml", written)))) {
                received[i].writeTo(out);
            } catch (Exception e) {
                System.err.println("[local-stack] Could not write a received mail: " + e.getMessage());
            }
        }
        seen = received.length;
    }

    private int seen;

    @Override
    public void close() {
        writer.shutdownNow();
        mail.stop();
    }
}
