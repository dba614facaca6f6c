package nl.pupildata.staffweb.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.Charts;
import nl.pupildata.staffweb.domain.IntakeForm;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/**
 * Register: the register of requests for pupil data (PA-5) — board-wide for the board's officers, their schools for
 * the others — with filters, the count per pupil, the CSV, and per school the requests per month and the share
 * answered within the term.
 */
@Path("/register")
@Produces(MediaType.TEXT_HTML)
public class RegisterPage {

    static final int PAGE_SIZE = 25;
    static final List<String> STATUSES = List.of("RECEIVED", "IN_PROGRESS", "ANSWERED", "CLOSED", "WITHDRAWN",
            "REFUSED");

    /** The filters as typed (empty strings for none). */
    public record Filters(String school, String kind, String status, String from, String to, String pupil,
            int page) {

        public String query() {
            return "school=" + enc(school) + "&kind=" + enc(kind) + "&status=" + enc(status) + "&van=" + enc(from)
                    + "&tot=" + enc(to);
        }

        public int previousPage() {
            return Math.max(0, page - 1);
        }

        public int nextPage() {
            return page + 1;
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(Viewer viewer, Filters filters, List<String> kinds,
                List<String> statuses, Api.RegisterPage entries, Api.PupilCount pupil, List<Charts.SchoolChart> charts,
                String problem);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;

    @GET
    @Blocking
    public TemplateInstance show(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("van") String from, @QueryParam("tot") String to,
            @QueryParam("leerling") String pupil, @QueryParam("pagina") Integer page) {
        requireReader();
        Filters filters = new Filters(nz(school), nz(kind), nz(status), nz(from), nz(to), nz(pupil),
                page == null || page < 0 ? 0 : page);
        Answer<Api.RegisterPage> entries = calls.register(blank(school), blank(kind), blank(status), blank(from),
                blank(to), filters.page(), PAGE_SIZE);
        Api.PupilCount count = null;
        if (!filters.pupil().isBlank()) {
            Answer<Api.PupilCount> counted = calls.pupil(filters.pupil().trim());
            count = counted.ok() ? counted.value() : null;
        }
        Answer<Api.Statistics> statistics = calls.statistics(blank(school), blank(from), blank(to));
        List<Charts.SchoolChart> charts = statistics.ok() ? Charts.perSchool(statistics.value().months()) : List.of();
        return Templates.register(viewer, filters, IntakeForm.KINDS, STATUSES, entries.ok() ? entries.value() : null,
                count, charts, entries.ok() ? null : entries.problem().detail());
    }

    /** The CSV of the register with the same filters, as register-service exports it for this user. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Blocking
    public Response export(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("van") String from, @QueryParam("tot") String to) {
        requireReader();
        return AccountPage.passOn(calls.registerApi().export(blank(school), blank(kind), blank(status), blank(from),
                blank(to)), "text/csv; charset=UTF-8");
    }

    private void requireReader() {
        if (!viewer.may("register")) {
            throw new ForbiddenException("Het register is voor de directie, de KC en het bestuur.");
        }
    }

    /** A query parameter as typed, or empty (never null in a form). */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A query parameter for a service: trimmed, or null when left empty. */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
