package nl.pupildata.staffweb.rest;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import nl.pupildata.events.Labels;
import nl.pupildata.events.SchoolTime;

/** What the templates call by namespace: Dutch words for codes, and moments in Dutch school time. */
final class TemplateExtensions {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm")
            .withZone(SchoolTime.ZONE);

    private TemplateExtensions() {
    }

    /** {@code {label:get('kind', r.kind)}} → "Inzage door ouder". */
    @TemplateExtension(namespace = "label")
    static String get(String group, Object code) {
        return Labels.of(group, code);
    }

    /** {@code {moment:local(at)}} → "28-11-2026 14:05" (Amsterdam time). */
    @TemplateExtension(namespace = "moment")
    static String local(Instant at) {
        return at == null ? "" : LOCAL.format(at);
    }
}
