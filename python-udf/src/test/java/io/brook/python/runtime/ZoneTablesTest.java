package io.brook.python.runtime;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZoneTablesTest {

    @Test
    void aZoneIsItsPeriodsWithOffsetDaylightSavingAndAbbreviation() {
        List<String> berlin = ZoneTables.build(ZoneId.of("Europe/Berlin")).lines().toList();
        assertTrue(berlin.getFirst().startsWith("- 3208 0 "), berlin.getFirst());
        // 2024-03-31 01:00 UTC: CEST begins; 2024-10-27 01:00 UTC: CET again
        assertTrue(berlin.contains("1711846800 7200 3600 CEST"), String.join("\n", berlin));
        assertTrue(berlin.contains("1729990800 3600 0 CET"), String.join("\n", berlin));
        assertEquals("10408266000 3600 0 CET", berlin.getLast(), "rules run to 2300");
    }

    @Test
    void aZoneWithoutTransitionsIsOnePeriod() {
        assertEquals("- 0 0 UTC", ZoneTables.build(ZoneId.of("UTC")));
        assertEquals("- 19800 0 +05:30", ZoneTables.build(ZoneId.of("+05:30")));
    }

    @Test
    void tablesAreKeptAndUnknownZonesAreNull() {
        assertSame(ZoneTables.INSTANCE.table("Asia/Kolkata"), ZoneTables.INSTANCE.table("Asia/Kolkata"));
        assertNull(ZoneTables.INSTANCE.table("Mars/Olympus_Mons"));
    }
}
