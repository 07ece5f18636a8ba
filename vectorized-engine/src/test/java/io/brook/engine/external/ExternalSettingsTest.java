package io.brook.engine.external;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ExternalSettingsTest {

    @Test
    void unknownNamesAreCode115WithTheSpecText() {
        ExternalSettings.checkKnown(Map.of("type", "x", "Topic", "t"), Set.of("type", "topic"));
        BrookException unknown = assertThrows(BrookException.class,
                () -> ExternalSettings.checkKnown(Map.of("type", "x", "nope", "1"), Set.of("type")));
        assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
        assertEquals("Unknown setting nope: for storage ExternalStream", unknown.text());
    }

    @Test
    void requiredValuesAreStrippedAndEmptyOnesAreCode36() {
        assertEquals("b:9092", ExternalSettings.required("brokers", " b:9092 ", "kafka"));
        for (String missing : new String[] {null, "", "   "}) {
            BrookException empty = assertThrows(BrookException.class, () -> ExternalSettings.required("brokers", missing, "kafka"));
            assertEquals(ErrorCode.BAD_ARGUMENTS, empty.code());
            assertEquals("Empty `brokers` setting for kafka external stream", empty.text());
        }
    }

    @Test
    void booleansTakeTrueFalseOneAndZero() {
        assertTrue(ExternalSettings.bool("x", " TRUE"));
        assertTrue(ExternalSettings.bool("x", "1"));
        assertFalse(ExternalSettings.bool("x", "false"));
        assertFalse(ExternalSettings.bool("x", "0"));
        BrookException bad = assertThrows(BrookException.class, () -> ExternalSettings.bool("secure", "yes"));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, bad.code());
        assertEquals("Invalid value 'yes' for setting `secure`: expected true or false", bad.text());
    }
}
