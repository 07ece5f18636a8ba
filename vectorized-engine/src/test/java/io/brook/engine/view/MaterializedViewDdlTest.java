package io.brook.engine.view;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ObjectKind;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CREATE and DROP of materialized views, and what CREATE refuses (SPEC 5.1, 2). */
class MaterializedViewDdlTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.memory("views-ddl-" + System.nanoTime()));
        session = engine.openSession(Map.of());
        run(session, "CREATE STREAM src (id int64, name string, v float64)");
        run(session, "CREATE STREAM dst (id int64, label string DEFAULT 'none', v float64)");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private BrookException fails(ErrorCode code, String sql) {
        BrookException failure = assertThrows(BrookException.class, () -> run(session, sql));
        assertEquals(code, failure.code(), failure.getMessage());
        return failure;
    }

    @Test
    void createIfNotExistsAndDrop() {
        run(session, "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM src");
        run(session, "CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT id FROM src");
        fails(ErrorCode.STREAM_ALREADY_EXISTS, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src");
        fails(ErrorCode.STREAM_ALREADY_EXISTS, "CREATE MATERIALIZED VIEW src AS SELECT id FROM dst");
        assertEquals(List.of(List.of("mv")), rows(session, "SHOW MATERIALIZED VIEWS"));
        assertEquals(List.of(List.of("id", "int64"), List.of("name", "string")),
                rows(session, "DESCRIBE mv").stream().map(row -> row.subList(0, 2)).toList());

        run(session, "DROP VIEW mv");
        assertEquals(List.of(), rows(session, "SHOW MATERIALIZED VIEWS"));
        run(session, "DROP VIEW IF EXISTS mv");
        BrookException unknown = fails(ErrorCode.UNKNOWN_STREAM, "DROP VIEW mv");
        assertTrue(unknown.getMessage().startsWith("Stream mv doesn't exist"), unknown.getMessage());
        fails(ErrorCode.UNKNOWN_STREAM, "SELECT * FROM table(mv)");
        run(session, "CREATE MATERIALIZED VIEW mv AS SELECT v FROM src");
        assertEquals(List.of(List.of("v", "float64")),
                rows(session, "DESCRIBE mv").stream().map(row -> row.subList(0, 2)).toList(), "a fresh view of the name");
    }

    @Test
    void viewsAreListedAsViewsNotStreams() {
        run(session, "CREATE MATERIALIZED VIEW own AS SELECT id, v * 2 AS doubled FROM src");
        run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id, v FROM src");
        List<CatalogObject> views = engine.metadata().objects().stream()
                .filter(object -> object.kind() == ObjectKind.MATERIALIZED_VIEW).toList();
        assertEquals(List.of("copy", "own"), views.stream().map(CatalogObject::name).toList());
        assertEquals(List.of("id", "doubled"), views.get(1).columns().stream().map(Column::name).toList());
        assertEquals(1, engine.metadata().objects().stream().filter(object -> object.name().equals("own")).count(),
                "the stream a view owns is not listed twice");
        assertEquals("VIEW", ObjectKind.MATERIALIZED_VIEW.jdbcTableType());
    }

    @Test
    void dropStreamAndDropViewEachKeepToTheirKind() {
        run(session, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src");
        BrookException dropStream = fails(ErrorCode.BAD_ARGUMENTS, "DROP STREAM mv");
        assertTrue(dropStream.getMessage().startsWith("mv is a materialized view: use DROP VIEW mv"), dropStream.getMessage());
        BrookException dropView = fails(ErrorCode.BAD_ARGUMENTS, "DROP VIEW dst");
        assertTrue(dropView.getMessage().startsWith("dst is not a materialized view: use DROP STREAM dst"));
        BrookException source = fails(ErrorCode.BAD_ARGUMENTS, "DROP STREAM src");
        assertTrue(source.getMessage().startsWith("Stream src is used by materialized view mv: drop the view first"),
                source.getMessage());
        BrookException insert = fails(ErrorCode.BAD_ARGUMENTS, "INSERT INTO mv (id) VALUES (1)");
        assertTrue(insert.getMessage().startsWith("Cannot write into materialized view mv"), insert.getMessage());
        run(session, "DROP VIEW mv");
        run(session, "DROP STREAM src");
    }

    @Test
    void aTargetThatCannotTakeTheColumnsFailsTheCreateAndChangesNothing() {
        BrookException missing = fails(ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                "CREATE MATERIALIZED VIEW mv INTO dst AS SELECT id, name FROM src");
        assertTrue(missing.getMessage().startsWith("No such column name in stream dst"), missing.getMessage());
        fails(ErrorCode.UNKNOWN_STREAM, "CREATE MATERIALIZED VIEW mv INTO nowhere AS SELECT id FROM src");
        run(session, "CREATE STREAM arrays (id array(int64))");
        BrookException type = assertThrows(BrookException.class,
                () -> run(session, "CREATE MATERIALIZED VIEW mv INTO arrays AS SELECT id FROM src"));
        assertTrue(type.getMessage().contains("array"), type.getMessage());
        fails(ErrorCode.BAD_ARGUMENTS, "CREATE MATERIALIZED VIEW mv INTO src AS SELECT id, name, v FROM src");
        fails(ErrorCode.DUPLICATE_COLUMN, "CREATE MATERIALIZED VIEW mv INTO dst AS SELECT id, id FROM src");
        assertEquals(List.of(), rows(session, "SHOW MATERIALIZED VIEWS"));
        assertEquals(List.of(), rows(session, "SELECT name FROM system.materialized_views"));
        run(session, "CREATE MATERIALIZED VIEW mv INTO dst AS SELECT id, v FROM src");
    }

    @Test
    void whatAViewCannotBe() {
        fails(ErrorCode.BAD_ARGUMENTS, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM table(src)");
        fails(ErrorCode.BAD_ARGUMENTS, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src LIMIT 3");
        fails(ErrorCode.BAD_ARGUMENTS, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src SETTINGS query_mode='table'");
        fails(ErrorCode.ILLEGAL_COLUMN, "CREATE MATERIALIZED VIEW mv AS SELECT id, _tp_sn FROM src");
        fails(ErrorCode.DUPLICATE_COLUMN, "CREATE MATERIALIZED VIEW mv AS SELECT id, name AS id FROM src");
        fails(ErrorCode.UNKNOWN_STREAM, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM nope");
        fails(ErrorCode.UNKNOWN_IDENTIFIER, "CREATE MATERIALIZED VIEW mv AS SELECT nope FROM src");
        fails(ErrorCode.UNKNOWN_DATABASE, "CREATE MATERIALIZED VIEW other.mv AS SELECT id FROM src");
        assertEquals(List.of(), rows(session, "SHOW MATERIALIZED VIEWS"));
    }

    @Test
    void viewSettingsAreChecked() {
        BrookException unknown = fails(ErrorCode.UNKNOWN_SETTING,
                "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src SETTINGS checkpoint_every=5");
        assertTrue(unknown.getMessage().startsWith("Unknown setting checkpoint_every"), unknown.getMessage());
        for (String bad : List.of("checkpoint_interval=0", "checkpoint_interval=-1", "checkpoint_interval='soon'",
                "pause_on_start='maybe'", "retry_backoff_ms=0", "retry_backoff_ms=1.5", "seek_to='middle'")) {
            BrookException invalid = fails(ErrorCode.INVALID_SETTING_VALUE,
                    "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src SETTINGS " + bad);
            assertTrue(invalid.getMessage().startsWith("Invalid value"), invalid.getMessage());
        }
        run(session, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src SETTINGS checkpoint_interval=0.5, "
                + "pause_on_start=true, retry_backoff_ms=10, seek_to='earliest', default_emit_interval=1");
        assertEquals("paused", Sql.status(session, "mv").get("state"));
    }

    @Test
    void commandsNameAView() {
        fails(ErrorCode.UNKNOWN_STREAM, "SYSTEM PAUSE MATERIALIZED VIEW nope");
        fails(ErrorCode.BAD_ARGUMENTS, "SYSTEM RESUME MATERIALIZED VIEW src");
        run(session, "CREATE MATERIALIZED VIEW mv AS SELECT id FROM src");
        run(session, "SYSTEM PAUSE MATERIALIZED VIEW mv");
        run(session, "SYSTEM PAUSE MATERIALIZED VIEW mv");
        run(session, "SYSTEM UNPAUSE MATERIALIZED VIEW mv");
        run(session, "SYSTEM RESUME MATERIALIZED VIEW mv");
        assertEquals("running", Sql.status(session, "mv").get("state"));
    }
}
