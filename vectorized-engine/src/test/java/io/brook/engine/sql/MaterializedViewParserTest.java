package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaterializedViewParserTest {

    @Test
    void viewIntoTargetWithTrailingSettings() {
        CreateMaterializedView view = (CreateMaterializedView) SqlParser.parse("""
                CREATE MATERIALIZED VIEW IF NOT EXISTS mv INTO py_sink AS
                SELECT window_start, count() AS n FROM tumble(s, 5s) GROUP BY window_start
                SETTINGS checkpoint_interval=5, seek_to='earliest'""");
        assertEquals(QualifiedName.of("mv"), view.name());
        assertTrue(view.ifNotExists());
        assertEquals(QualifiedName.of("py_sink"), view.into());
        assertEquals(List.of(new Setting("checkpoint_interval", IntegerLiteral.of(5)),
                new Setting("seek_to", new StringLiteral("earliest"))), view.settings());
        assertEquals(List.of(), ((Select) view.query()).settings());
    }

    @Test
    void viewWithoutTarget() {
        CreateMaterializedView view = (CreateMaterializedView) SqlParser.parse(
                "create materialized view db.mv as select * from s where a > 1");
        assertEquals(new QualifiedName("db", "mv"), view.name());
        assertFalse(view.ifNotExists());
        assertNull(view.into());
        assertEquals(List.of(), view.settings());
    }

    @Test
    void dropView() {
        assertEquals(new DropView(QualifiedName.of("mv"), false), SqlParser.parse("DROP VIEW mv"));
        assertEquals(new DropView(QualifiedName.of("mv"), true), SqlParser.parse("DROP VIEW IF EXISTS mv"));
        assertEquals(new DropView(QualifiedName.of("mv"), false), SqlParser.parse("DROP MATERIALIZED VIEW mv"));
    }

    @Test
    void systemCommands() {
        assertEquals(new SystemViewCommand(SystemViewCommand.Action.PAUSE, QualifiedName.of("mv")),
                SqlParser.parse("SYSTEM PAUSE MATERIALIZED VIEW mv"));
        assertEquals(new SystemViewCommand(SystemViewCommand.Action.RESUME, QualifiedName.of("mv")),
                SqlParser.parse("system resume materialized view mv;"));
        assertEquals(new SystemViewCommand(SystemViewCommand.Action.RESUME, new QualifiedName("db", "mv")),
                SqlParser.parse("SYSTEM UNPAUSE MATERIALIZED VIEW db.mv"));
    }
}
