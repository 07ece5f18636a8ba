package io.brook.engine.catalog;

/** The kinds of object the catalog names; JDBC reports streams as TABLE and views as VIEW. */
public enum ObjectKind {
    STREAM("TABLE"),
    EXTERNAL_STREAM("TABLE"),
    MATERIALIZED_VIEW("VIEW"),
    SYSTEM_TABLE("SYSTEM TABLE");

    private final String jdbcTableType;

    ObjectKind(String jdbcTableType) {
        this.jdbcTableType = jdbcTableType;
    }

    public String jdbcTableType() {
        return jdbcTableType;
    }
}
