package io.brook.engine.sql.ast;

/** One SQL statement as written. */
public sealed interface Statement
        permits Query, CreateStream, CreateExternalStream, CreateMaterializedView, CreateFunction,
                DropStream, DropView, DropFunction, ShowStreams, ShowDatabases, ShowFunctions,
                ShowMaterializedViews, Describe, Explain, Use, Insert, SystemViewCommand,
                SetStatement {
}
