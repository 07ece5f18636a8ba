package io.brook.jdbc.meta;

import io.brook.engine.BrookVersion;
import org.apache.calcite.avatica.Meta;

import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;

/** The answers DatabaseMetaData takes from the Meta rather than from the driver: names, versions, keywords. */
public final class DatabaseProperties {
    public static final String DRIVER_NAME = "Brook JDBC Driver";

    /**
     * Words Brook reserves beyond SQL:2003, for tools that highlight or quote them (Timeplus's
     * streaming clauses and statements).
     */
    public static final String KEYWORDS = String.join(",",
            "CHANGELOG", "DATABASES", "DELAY", "DESC", "DESCRIBE", "EMIT", "EXTERNAL", "FORMAT", "FUNCTIONS",
            "HOP", "ILIKE", "LIMIT", "MATERIALIZED", "OFFSET", "PAUSE", "PERIODIC", "REPEAT", "RESUME",
            "SETTINGS", "SHOW", "STREAM", "STREAMS", "TUMBLE", "UNPAUSE", "WATERMARK");

    private DatabaseProperties() {
    }

    public static Map<Meta.DatabaseProperty, Object> all() {
        Map<Meta.DatabaseProperty, Object> properties = new EnumMap<>(Meta.DatabaseProperty.class);
        properties.put(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_NAME, BrookVersion.PRODUCT);
        properties.put(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, BrookVersion.VERSION);
        properties.put(Meta.DatabaseProperty.GET_DATABASE_MAJOR_VERSION, BrookVersion.major());
        properties.put(Meta.DatabaseProperty.GET_DATABASE_MINOR_VERSION, BrookVersion.minor());
        properties.put(Meta.DatabaseProperty.GET_DRIVER_NAME, DRIVER_NAME);
        properties.put(Meta.DatabaseProperty.GET_DRIVER_VERSION, BrookVersion.VERSION);
        properties.put(Meta.DatabaseProperty.GET_DRIVER_MAJOR_VERSION, BrookVersion.major());
        properties.put(Meta.DatabaseProperty.GET_DRIVER_MINOR_VERSION, BrookVersion.minor());
        properties.put(Meta.DatabaseProperty.GET_S_Q_L_KEYWORDS, KEYWORDS);
        properties.put(Meta.DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
        return properties;
    }
}
