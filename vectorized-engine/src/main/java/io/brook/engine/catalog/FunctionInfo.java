package io.brook.engine.catalog;

/** A function as SHOW FUNCTIONS and DatabaseMetaData.getFunctions list it. */
public record FunctionInfo(String name, boolean aggregate, boolean userDefined, String description) {
}
