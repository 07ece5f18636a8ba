package io.brook.engine.sql.ast;

import java.util.Objects;

/**
 * A possibly database-qualified object name, {@code name} or {@code db.name}.
 *
 * @param database the database, or {@code null} when not written (the session's current one)
 * @param name     the object name as written
 */
public record QualifiedName(String database, String name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    @Override
    public String toString() {
        return database == null ? name : database + "." + name;
    }
}
