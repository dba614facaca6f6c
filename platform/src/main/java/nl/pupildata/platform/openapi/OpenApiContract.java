package nl.pupildata.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes each service's OpenAPI document as integrators need it (issue 20), one writer for all services: the
 * licence as an SPDX identifier, an example for every request body (the service's {@value #EXAMPLES}; a body without
 * one fails the build), and every answer an operation can give: beside its success, the RFC 9457 problems
 * the platform answers with — 400 with {@code violations}, 401, 403, 404 (or 409 where a request is not known yet),
 * 409, 412, 422 with the card's {@code rule}, 503 — each with the {@code Problem} schema and an example. One writer
 * for all services: which problems an operation can give follows from what it is (a command or a read, with a
 * request id in its path, with a body or query), as {@code ProblemMappers}, {@code KnownRequest} and the If-Match
 * check answer them.
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM = "application/problem+json";
    static final String SCHEMA_REF = "#/components/schemas/Problem";
    static final String EXAMPLES = "META-INF/openapi-examples.json";

    /** No licence is granted (the product is not open source): SPDX's form for a licence of one's own. */
    static final String LICENSE_IDENTIFIER = "LicenseRef-Proprietary";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier(LICENSE_IDENTIFIER);
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One field of the request that was refused, and why (Dutch, for staff)")
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem: title in English for integrators, detail in Dutch for school staff;"
                        + " where a rule of the quality card said no, rule names it")
                .addRequired("status").addRequired("title")
                .addProperty("type", string("A URI reference naming the kind of problem (about:blank when none)"))
                .addProperty("title", string("A short summary, in English"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong and what to do, in Dutch"))
                .addProperty("instance", string("The path that was called"))
                .addProperty("rule", string("The quality card's rule id (PA-4, G-8, OSO-2 ...) that refused it"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation"))));
        boolean unknownIsNotFound = ConfigProvider.getConfig()
                .getOptionalValue("pupil-data.openapi.unknown-request-status", Integer.class).orElse(404) == 404;
        boolean ifMatch = ConfigProvider.getConfig()
                .getOptionalValue("pupil-data.openapi.if-match", Boolean.class).orElse(false);
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Object> examples = examples();
        java.util.Set<String> used = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            addProblems(path, method, operation, unknownIsNotFound, ifMatch);
            addExample(operation, examples, used);
        }));
        java.util.Set<String> unused = new java.util.TreeSet<>(examples.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(EXAMPLES + " has examples for operations that do not exist: " + unused);
        }
    }

    /** The service's request body examples by operation id ({@value #EXAMPLES}); none when it has no bodies. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> examples() {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(EXAMPLES)) {
            return in == null ? Map.of()
                    : new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(EXAMPLES + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every JSON request body gets its example; a body without one fails the build, so none is forgotten. */
    static void addExample(Operation operation, Map<String, Object> examples, java.util.Set<String> used) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        var json = operation.getRequestBody().getContent().getMediaType("application/json");
        if (json == null) {
            return;
        }
        Object example = examples.get(operation.getOperationId());
        if (example == null) {
            throw new IllegalStateException("The request body of " + operation.getOperationId() + " has no example in "
                    + EXAMPLES);
        }
        used.add(operation.getOperationId());
        json.setExample(example);
    }

    static void addProblems(String path, PathItem.HttpMethod method, Operation operation, boolean unknownIsNotFound,
            boolean ifMatch) {
        boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        boolean aRequest = path.contains("{");
        boolean input = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != null
                        && p.getIn().name().equals("QUERY")));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        Map<String, Answer> problems = new LinkedHashMap<>();
        if (input || command) {
            problems.put("400", new Answer("Bad Request", "A field is missing or not valid; nothing was changed",
                    "Het verzoek is niet volledig of niet geldig; er is niets vastgelegd.", null));
        }
        problems.put("401", new Answer("Unauthorized", "No valid token of the board's identity provider",
                "Log opnieuw in.", null));
        problems.put("403", new Answer("Forbidden", "The token's role or schools do not allow this",
                "U mag dit niet doen voor deze school.", null));
        if (aRequest && unknownIsNotFound) {
            problems.put("404", new Answer("Not Found", "No such request, or one of another school (the answer is "
                    + "the same, so it says nothing about other schools)", "Dit verzoek bestaat niet.", null));
        }
        if (command || aRequest && !unknownIsNotFound) {
            String changed = "another command changed the request first; reload and try again";
            String unknown = "the request is not known here yet (its events are on their way; try again), or it is "
                    + "of another school (the answer is the same)";
            String why = unknownIsNotFound ? changed : command ? unknown + "; or " + changed : unknown;
            problems.put("409", new Answer("Conflict", Character.toUpperCase(why.charAt(0)) + why.substring(1),
                    unknownIsNotFound || command ? "Het verzoek is net gewijzigd; laad het opnieuw."
                            : "Dit verzoek is hier (nog) niet bekend.", null));
        }
        if (command && aRequest && ifMatch) {
            problems.put("412", new Answer("Precondition Failed", "If-Match named a version that is no longer "
                    + "the request's", "Het verzoek is gewijzigd sinds u het opende; laad het opnieuw.", null));
        }
        if (command) {
            problems.put("422", new Answer("Unprocessable Content", "A rule of the quality card refuses it; rule "
                    + "names which", "Dit mag volgens de kwaliteitskaart nog niet: eerst moet de termijn bekend zijn.",
                    "PA-4"));
        }
        problems.put("503", new Answer("Service Unavailable", "The database is away; nothing was changed, try "
                + "again", "De database is tijdelijk niet bereikbaar; er is niets vastgelegd.", null));
        problems.forEach((status, p) -> {
            var existing = responses.getAPIResponse(status);
            // The scanner's own 400/401/403 say nothing of the body: the problem replaces them.
            if (existing == null || existing.getContent() == null) {
                responses.addAPIResponse(status, problem(status, p, path));
            }
        });
        operation.setResponses(responses);
    }

    /** A problem an operation can answer with: its title, when it happens, and an example's Dutch detail and rule. */
    record Answer(String title, String description, String detail, String rule) {
    }

    static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String status, Answer answer,
            String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", answer.title());
        example.put("status", Integer.parseInt(status));
        example.put("detail", answer.detail());
        example.put("instance", path.replace("{id}", "0b8a7a4e-7f3c-4d7e-9a51-1c2f3e4d5a6b"));
        if (answer.rule() != null) {
            example.put("rule", answer.rule());
        }
        if ("400".equals(status)) {
            // Ordered maps only: Map.of iterates in an order that differs per run, and the document must not.
            Map<String, Object> violation = new LinkedHashMap<>();
            violation.put("field", "receivedOn");
            violation.put("message", "Vul de datum van ontvangst in.");
            example.put("violations", List.of(violation));
        }
        return OASFactory.createAPIResponse().description(answer.description())
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA_REF))
                        .addExample("problem", OASFactory.createExample().value(example))));
    }

    static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
