package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standard validators of the published contracts (tools/contract-lint: the AsyncAPI Initiative's parser,
 * Redocly's OpenAPI linter), pinned in its package-lock.json and run with the machine's Node.js as an integrator's
 * tooling would run them. Installed from the npm registry on first use.
 */
public final class ContractLint {

    private ContractLint() {
    }

    /** tools/contract-lint, seen from a module of this repository. */
    public static Path directory() {
        return Path.of("..", "tools", "contract-lint").toAbsolutePath().normalize();
    }

    /** Runs a command of the tool in its directory; fails the test with the output when it exits with an error. */
    public static String run(int timeoutSeconds, String... command) throws Exception {
        Path tool = directory();
        if (!Files.isDirectory(tool.resolve("node_modules"))) {
            exec(tool, 300, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        }
        return exec(tool, timeoutSeconds, command);
    }

    /** The path of a repository file as the tool, running in its own directory, reaches it. */
    public static String file(String repositoryPath) {
        return directory().resolve("..").resolve("..").resolve(repositoryPath).normalize().toString();
    }

    private static String exec(Path dir, int timeoutSeconds, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = p.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        reader.join(5_000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(ended, String.join(" ", line) + " did not end in " + timeoutSeconds + " s: " + text);
        assertEquals(0, p.exitValue(), String.join(" ", line) + " failed: " + text);
        return text;
    }
}
