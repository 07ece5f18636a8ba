package io.brook.engine.sql.ast;

/** A statement that produces rows. Only {@link Select} for now; set operations would join it. */
public sealed interface Query extends Statement permits Select {
}
