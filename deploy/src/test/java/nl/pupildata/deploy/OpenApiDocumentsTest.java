package nl.pupildata.deploy;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import nl.pupildata.events.ContractLint;
import org.junit.jupiter.api.Test;

/**
 * The REST contract of each service as integrators get it: docs/openapi/<service>.yaml, written by the service's build
 * (target/openapi/openapi.yaml), committed, linted with a standard OpenAPI linter, and complete — an operation id, a
 * tag, every problem it can answer with and an example for every request body. To refresh after a change:
 * {@code cp <service>/target/openapi/openapi.yaml docs/openapi/<service>.yaml}.
 */
class OpenApiDocumentsTest {

    static final Path ROOT = DeploymentFilesTest.ROOT;
    static final List<String> SERVICES = DeploymentFilesTest.SERVICES;

    static Path committed(String service) {
        return ROOT.resolve("docs").resolve("openapi").resolve(service + ".yaml");
    }

    @Test
    void theCommittedDocumentsAreWhatTheServicesGenerate() throws IOException {
        for (String s : SERVICES) {
            Path generated = ROOT.resolve(s).resolve("target/openapi/openapi.yaml");
            assertTrue(Files.exists(generated), s + " was built before these checks (reactor order)");
            assertTrue(Files.exists(committed(s)), "docs/openapi/" + s + ".yaml is missing; copy " + generated);
            assertEquals(Files.readString(generated), Files.readString(committed(s)),
                    s + ": docs/openapi is out of date; copy " + generated + " there");
        }
    }

    @Test
    void theCommittedDocumentsPassRedoclysLinterWithoutErrors() throws Exception {
        for (String s : SERVICES) {
            String report = ContractLint.run(180, "node_modules/.bin/redocly", "lint", "--format=stylish",
                    ContractLint.file("docs/openapi/" + s + ".yaml"));
            assertFalse(report.contains(" error "), s + ": " + report);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdATagItsProblemsAndAnExampleBody() throws IOException {
        for (String s : SERVICES) {
            Map<String, Object> doc = DeploymentFilesTest.documents(committed(s)).get(0);
            assertFalse(((List<Object>) doc.get("servers")).isEmpty(), s + " names its servers");
            assertNotNull(DeploymentFilesTest.at(doc, "info", "license", "name"), s + " says its licence");
            Set<String> ids = new HashSet<>();
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            paths.forEach((path, item) -> item.forEach((method, value) -> {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) value;
                String where = s + " " + method.toUpperCase(Locale.ROOT) + " " + path;
                assertTrue(ids.add(String.valueOf(op.get("operationId"))), where + ": a unique operationId");
                assertFalse(((List<Object>) op.getOrDefault("tags", List.of())).isEmpty(), where + ": a tag");
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                List<String> expected = new ArrayList<>(List.of("401", "403", "503"));
                if (method.equals("post")) {
                    expected.addAll(List.of("400", "409", "422"));
                }
                for (String status : expected) {
                    assertNotNull(DeploymentFilesTest.at(responses, status, "content", "application/problem+json",
                            "schema"), where + " answers " + status + " with a problem");
                }
                assertTrue(responses.keySet().stream().anyMatch(k -> k.startsWith("2")), where + ": its success");
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                if (body != null) {
                    Map<String, Object> json = DeploymentFilesTest.at(body, "content", "application/json");
                    assertNotNull(json, where + ": a JSON body");
                    assertTrue(json.containsKey("example") || json.containsKey("examples"), where + ": an example");
                }
            }));
            assertFalse(ids.isEmpty(), s);
        }
    }
}
