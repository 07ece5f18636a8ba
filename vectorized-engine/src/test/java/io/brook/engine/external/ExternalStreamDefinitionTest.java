package io.brook.engine.external;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@Timeout(10)
class ExternalStreamDefinitionTest {

    @Test
    void toStringHidesSecretSettingsAndTheBody() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("type", "kafka");
        settings.put("username", "brook");
        settings.put("password", "p4ss");
        settings.put("jwt", "eyJ.secret.part");
        settings.put("token", "t0k");
        settings.put("kafka_schema_registry_credentials", "u:pw");
        ExternalStreamDefinition definition = new ExternalStreamDefinition("s", List.of(Column.of("a", BrookType.INT64)),
                "def hidden_body(): pass", 1, settings);
        String text = definition.toString();
        assertEquals("ExternalStreamDefinition[s, " + List.of(Column.of("a", BrookType.INT64)) + ", settings={type=kafka, "
                + "username=brook, password=<hidden>, jwt=<hidden>, token=<hidden>, "
                + "kafka_schema_registry_credentials=<hidden>}]", text);
        for (String secret : List.of("p4ss", "eyJ", "t0k", "u:pw", "hidden_body")) {
            assertFalse(text.contains(secret), secret);
        }
    }
}
