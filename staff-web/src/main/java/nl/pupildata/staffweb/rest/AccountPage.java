package nl.pupildata.staffweb.rest;

import static nl.pupildata.staffweb.rest.RegisterPage.blank;
import static nl.pupildata.staffweb.rest.RegisterPage.nz;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.events.Labels;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.domain.Charts;
import nl.pupildata.staffweb.service.Answer;
import nl.pupildata.staffweb.service.ServiceCalls;
import nl.pupildata.staffweb.service.Viewer;

/**
 * Jaarverantwoording: register-service's yearly account of a school year (PA-5) — per school and for all the user's
 * schools — with charts, and the same account to take away as PDF and CSV.
 */
@Path("/jaarverantwoording")
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    /** The PA-5 list on the page stops here; the PDF and the CSV have every dossier. */
    static final int PUPILS_SHOWN = 10;

    public record Section(String heading, Api.AccountFigures figures, String kindsChart, List<Api.PupilRow> pupils,
            long pupilsRequestedMoreThanOnce) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Viewer viewer, String year, String school, Api.YearlyAccount answer,
                List<String> outcomes, List<Section> sections, String query, String problem);
    }

    @Inject
    Viewer viewer;
    @Inject
    ServiceCalls calls;

    @GET
    @Blocking
    public TemplateInstance show(@QueryParam("jaar") String year, @QueryParam("school") String school) {
        requireReader();
        Answer<Api.YearlyAccount> answer = calls.account(blank(year), blank(school));
        if (!answer.ok()) {
            return Templates.account(viewer, nz(year), nz(school), null, List.of(), List.of(), query(year, school),
                    answer.problem().violationsOrEmpty().isEmpty() ? answer.problem().detail()
                            : answer.problem().violations().get(0).message());
        }
        Api.YearlyAccount a = answer.value();
        List<String> outcomes = a.account().total().kinds().isEmpty() ? List.of()
                : List.copyOf(a.account().total().kinds().get(0).outcomes().keySet());
        List<Section> sections = new ArrayList<>();
        sections.add(section(a.account().boardWide() ? "Alle scholen van het bestuur" : "Alle scholen samen",
                a.account().total()));
        if (a.account().schools().size() > 1) {
            a.account().schools().forEach(f -> sections.add(section("School " + f.school(), f)));
        }
        return Templates.account(viewer, a.schoolYear(), nz(school), a, outcomes, sections,
                query(a.schoolYear(), school), null);
    }

    @GET
    @Path("pdf")
    @Produces({ "application/pdf", "application/problem+json" })
    @Blocking
    public Response pdf(@QueryParam("jaar") String year, @QueryParam("school") String school) {
        requireReader();
        return passOn(calls.registerApi().accountPdf(blank(year), blank(school)), "application/pdf");
    }

    @GET
    @Path("csv")
    @Produces({ "text/csv", "application/problem+json" })
    @Blocking
    public Response csv(@QueryParam("jaar") String year, @QueryParam("school") String school) {
        requireReader();
        return passOn(calls.registerApi().accountCsv(blank(year), blank(school)), "text/csv; charset=UTF-8");
    }

    /** register-service's document as it sent it: the body, its type and its file name (a refusal as a problem). */
    static Response passOn(Response document, String type) {
        byte[] body = document.readEntity(byte[].class);
        Response.ResponseBuilder passed = Response.status(document.getStatus()).entity(body)
                .type(document.getStatus() == 200 ? type : "application/problem+json");
        String disposition = document.getHeaderString("Content-Disposition");
        return (disposition == null ? passed : passed.header("Content-Disposition", disposition)).build();
    }

    static Section section(String heading, Api.AccountFigures f) {
        List<Charts.Bar> bars = f.kinds().stream().map(k -> {
            LinkedHashMap<String, Long> parts = new LinkedHashMap<>(k.outcomes());
            Map<String, String> names = new LinkedHashMap<>();
            parts.keySet().forEach(o -> names.put(o, Labels.of("outcome", o).toLowerCase(java.util.Locale.ROOT)));
            return new Charts.Bar(Labels.of("kind", k.kind()), parts, names);
        }).toList();
        String chart = bars.isEmpty() ? null : Charts.horizontal(heading + ": verzoeken per soort en uitkomst", bars);
        long repeated = f.pupils().stream().filter(p -> p.requests() > 1).count();
        return new Section(heading, f, chart, f.pupils().subList(0, Math.min(PUPILS_SHOWN, f.pupils().size())),
                repeated);
    }

    private void requireReader() {
        if (!viewer.may("register")) {
            throw new ForbiddenException("De jaarverantwoording is voor de directie, de KC en het bestuur.");
        }
    }

    private static String query(String year, String school) {
        return "jaar=" + enc(year) + "&school=" + enc(school);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
