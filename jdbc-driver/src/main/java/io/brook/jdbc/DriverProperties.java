package io.brook.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The connection properties a tool offers for a Brook URL (DBeaver's "Driver properties"):
 * the query settings a connection can fix for all its statements, rather than Avatica's own
 * properties, which mean nothing to an embedded engine.
 */
final class DriverProperties {
    private DriverProperties() {
    }

    static DriverPropertyInfo[] describe(Properties info) {
        List<DriverPropertyInfo> properties = new ArrayList<>();
        properties.add(property(info, "query_mode", "streaming",
                "table makes every query bounded unless it says otherwise (for BI tools that expect queries to end)",
                "streaming", "table"));
        properties.add(property(info, "seek_to", null,
                "Where streaming queries start reading: earliest (replay stored rows) or latest", "earliest", "latest"));
        properties.add(property(info, "max_execution_time", "0",
                "Seconds a query may run before it is cancelled (code 394); 0 for no limit"));
        properties.add(property(info, "max_memory_usage", null, "Bytes of memory one query may use"));
        properties.add(property(info, "timeZone", null,
                "Time zone of java.sql.Date values and of date and time parameters (default: the JVM's)"));
        return properties.toArray(new DriverPropertyInfo[0]);
    }

    private static DriverPropertyInfo property(Properties info, String name, String defaultValue, String description,
                                               String... choices) {
        DriverPropertyInfo property = new DriverPropertyInfo(name, info == null ? defaultValue
                : info.getProperty(name, defaultValue));
        property.description = description;
        property.choices = choices.length == 0 ? null : choices;
        return property;
    }
}
