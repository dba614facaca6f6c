package nl.pupildata.system;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.Test;

/** A packaged service is configured by its deployment or it does not run: no silent fallback to any key. */
class PackagedServiceConfigurationTest {

    @Test
    void everyPackagedServiceRefusesToStartWithoutAnIssuer() throws Exception {
        for (String service : LocalStack.SERVICES) {
            Path jar = SystemUnderTest.ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dquarkus.http.port=0", "-Dquarkus.flyway.migrate-at-start=false",
                    "-Dkafka.bootstrap.servers=127.0.0.1:1", "-jar", jar.toString()).redirectErrorStream(true);
            builder.environment().keySet().removeAll(List.of("JWT_ISSUER", "JWT_JWKS_URL"));
            Process p = builder.start();
            byte[] output = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), service + " keeps running");
            String text = new String(output, StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue(), service + " started without an issuer:\n" + text);
            assertTrue(text.contains("mp.jwt.verify.issuer"), service + " says why:\n" + text);
        }
    }
}
