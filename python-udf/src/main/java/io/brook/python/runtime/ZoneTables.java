package io.brook.python.runtime;

import org.graalvm.polyglot.HostAccess;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java's tz database for the bridge's {@code Zone} (Python's view of a datetime column's time
 * zone). GraalPy contexts have no file access, so Python's zoneinfo cannot read tz files; each
 * zone's periods are handed over once instead, as text: one line per period,
 * {@code start offset dst abbreviation} (UTC epoch seconds where the period begins, {@code -} for
 * the first; offsets in seconds), covering 1800 to 2300, beyond the range of datetime64.
 */
public final class ZoneTables {
    static final ZoneTables INSTANCE = new ZoneTables();
    private static final long FIRST = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final Map<String, String> tables = new ConcurrentHashMap<>();

    private ZoneTables() {
    }

    /** The periods of zone {@code name}, or null when Java does not know the zone. */
    @HostAccess.Export
    public String table(String name) {
        try {
            return tables.computeIfAbsent(name, key -> build(ZoneId.of(key)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String build(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        StringBuilder table = new StringBuilder();
        Instant start = Instant.ofEpochSecond(FIRST);
        period(table.append('-'), zone, rules, start);
        for (ZoneOffsetTransition next = rules.nextTransition(start);
             next != null && next.getInstant().getEpochSecond() < LAST;
             next = rules.nextTransition(next.getInstant())) {
            period(table.append('\n').append(next.getInstant().getEpochSecond()), zone, rules, next.getInstant());
        }
        return table.toString();
    }

    private static void period(StringBuilder table, ZoneId zone, ZoneRules rules, Instant at) {
        table.append(' ').append(rules.getOffset(at).getTotalSeconds())
                .append(' ').append(rules.getDaylightSavings(at).getSeconds())
                .append(' ').append(ABBREVIATION.format(at.atZone(zone)));
    }
}
