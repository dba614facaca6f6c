package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.pupildata.events.sealing.RequestKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the wire format of every event type. A change here is a change for every consumer: when it is
 * meant, copy the file from {@code target/snapshots-actual} over the one in {@code src/test/resources/snapshots}
 * (and think about schemaVersion).
 */
class EventSnapshotTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void jsonMatchesTheSnapshot(EventType type) throws IOException {
        String actual = EventJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(EventJson.mapper().readTree(EventJson.toJson(SampleEvents.of(type),
                        sampleKey(SampleEvents.of(type))))) + "\n";
        Path actualFile = Path.of("target", "snapshots-actual", type.typeName() + ".json");
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual);
        try (InputStream in = getClass().getResourceAsStream("/snapshots/" + type.typeName() + ".json")) {
            if (in == null) {
                fail("No snapshot for " + type.typeName() + "; review " + actualFile + " and add it");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "The JSON of " + type.typeName() + " changed");
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void jsonReadsBackToTheSameEvent(EventType type) {
        PupilDataEvent event = SampleEvents.of(type);
        assertEquals(event, EventJson.fromJson(type, EventJson.toJson(event, sampleKey(event)), sampleKey(event)));
        assertEquals(event, EventJson.fromJson(type, EventJson.toJson(event)));
        // Another producer may write schemaVersion elsewhere than first: read the other way, to the same event.
        String json = EventJson.toJson(event);
        String versionLast = "{" + json.substring(json.indexOf(',') + 1, json.length() - 1) + ",\"schemaVersion\":"
                + type.schemaVersion() + "}";
        assertFalse(versionLast.startsWith("{\"schemaVersion\""));
        assertEquals(event, EventJson.fromJson(type, versionLast));
    }

    /** A fixed key, so that the sealed values in the snapshots stay the same from build to build. */
    static RequestKey sampleKey(PupilDataEvent event) {
        byte[] secret = new byte[RequestKey.LENGTH];
        java.util.Arrays.fill(secret, (byte) 7);
        return new RequestKey(event.requestId(), secret);
    }
}
