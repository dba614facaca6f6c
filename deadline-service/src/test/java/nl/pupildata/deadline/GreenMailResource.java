package nl.pupildata.deadline;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail, in this JVM, no Docker) that the alerts are sent to and the tests read from. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static final String DIRECTOR = "directeur.12ab@school.example";
    static final String QUALITY_OFFICER = "kwaliteit@bestuur.example";
    static GreenMail mail;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "pupil-data.alerts.directors", "12AB:" + DIRECTOR, "pupil-data.alerts.quality-officers",
                QUALITY_OFFICER);
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }
}
