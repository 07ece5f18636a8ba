package io.brook.engine.sql;

import io.brook.engine.sql.ast.ColumnDef;
import io.brook.engine.sql.ast.CreateStream;
import io.brook.engine.sql.ast.DataTypeSpec;
import io.brook.engine.sql.ast.Describe;
import io.brook.engine.sql.ast.DropStream;
import io.brook.engine.sql.ast.Explain;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.QualifiedName;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SetStatement;
import io.brook.engine.sql.ast.Setting;
import io.brook.engine.sql.ast.ShowDatabases;
import io.brook.engine.sql.ast.ShowFunctions;
import io.brook.engine.sql.ast.ShowMaterializedViews;
import io.brook.engine.sql.ast.ShowStreams;
import io.brook.engine.sql.ast.StringLiteral;
import io.brook.engine.sql.ast.BooleanLiteral;
import io.brook.engine.sql.ast.Use;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdlParserTest {

    @Test
    void createStreamWithColumnsDefaultsCommentsAndSettings() {
        CreateStream create = (CreateStream) SqlParser.parse("""
                CREATE STREAM IF NOT EXISTS db.metrics (
                  host string,
                  value float64 DEFAULT 0,
                  ts datetime64(3, 'UTC') DEFAULT now64(3) COMMENT 'event time'
                ) SETTINGS logstore_retention_ms = 86400000, shards = 1;
                """);
        assertEquals(new QualifiedName("db", "metrics"), create.name());
        assertTrue(create.ifNotExists());
        assertEquals(List.of(
                new ColumnDef("host", DataTypeSpec.of("string"), null, null),
                new ColumnDef("value", DataTypeSpec.of("float64"), IntegerLiteral.of(0), null),
                new ColumnDef("ts", DataTypeSpec.of("datetime64", 3, "UTC"),
                        FunctionCall.of("now64", IntegerLiteral.of(3)), "event time")),
                create.columns());
        assertEquals(List.of(new Setting("logstore_retention_ms", IntegerLiteral.of(86400000)),
                new Setting("shards", IntegerLiteral.of(1))), create.settings());
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesKeepTheirCase() {
        CreateStream create = (CreateStream) SqlParser.parse("create Stream MyStream (Id int64)");
        assertEquals(QualifiedName.of("MyStream"), create.name());
        assertFalse(create.ifNotExists());
        assertEquals("Id", create.columns().getFirst().name());
        assertEquals(List.of(), create.settings());
    }

    @Test
    void nonReservedKeywordsWorkAsColumnNames() {
        CreateStream create = (CreateStream) SqlParser.parse("CREATE STREAM s (value string, key string, "
                + "date date, time datetime, host string, type string, table string, stream string, "
                + "settings string, window_start datetime, mode string, format string, default int8, "
                + "comment string, view int8, values int8)");
        assertEquals(List.of("value", "key", "date", "time", "host", "type", "table", "stream", "settings",
                        "window_start", "mode", "format", "default", "comment", "view", "values"),
                create.columns().stream().map(ColumnDef::name).toList());
    }

    @Test
    void quotedIdentifiersKeepAnything() {
        CreateStream create = (CreateStream) SqlParser.parse("CREATE STREAM `my stream` (\"select\" int8, `a``b` int8)");
        assertEquals("my stream", create.name().name());
        assertEquals("select", create.columns().get(0).name());
        assertEquals("a`b", create.columns().get(1).name());
    }

    @Test
    void settingValuesAreLiteralsOrBareWords() {
        CreateStream create = (CreateStream) SqlParser.parse(
                "CREATE STREAM s (a int8) SETTINGS mode = streaming, flag = true, ratio = -0.5, n = -3, t = 'x'");
        assertEquals(List.of(new Setting("mode", new StringLiteral("streaming")),
                new Setting("flag", new BooleanLiteral(true)),
                new Setting("ratio", io.brook.engine.sql.ast.DecimalLiteral.of("-0.5")),
                new Setting("n", IntegerLiteral.of(-3)),
                new Setting("t", new StringLiteral("x"))), create.settings());
    }

    @Test
    void dropStream() {
        assertEquals(new DropStream(QualifiedName.of("s"), false), SqlParser.parse("DROP STREAM s"));
        assertEquals(new DropStream(new QualifiedName("d", "s"), true), SqlParser.parse("drop stream if exists d.s;"));
        // a stream may even be called "if"
        assertEquals(new DropStream(QualifiedName.of("if"), false), SqlParser.parse("DROP STREAM if"));
    }

    @Test
    void showDescribeUseSetExplain() {
        assertEquals(new ShowStreams(), SqlParser.parse("SHOW STREAMS"));
        assertEquals(new ShowDatabases(), SqlParser.parse("show databases;"));
        assertEquals(new ShowFunctions(), SqlParser.parse("SHOW FUNCTIONS"));
        assertEquals(new ShowMaterializedViews(), SqlParser.parse("SHOW MATERIALIZED VIEWS"));
        assertEquals(new Describe(QualifiedName.of("s")), SqlParser.parse("DESCRIBE s"));
        assertEquals(new Describe(QualifiedName.of("s")), SqlParser.parse("desc s"));
        assertEquals(new Describe(new QualifiedName("db", "s")), SqlParser.parse("DESC STREAM db.s"));
        assertEquals(new Describe(QualifiedName.of("stream")), SqlParser.parse("DESC stream"));
        assertEquals(new Use("analytics"), SqlParser.parse("USE analytics"));
        assertEquals(new SetStatement("query_mode", new StringLiteral("table")),
                SqlParser.parse("SET query_mode = 'table'"));
        Explain explain = (Explain) SqlParser.parse("EXPLAIN SELECT 1");
        assertInstanceOf(Select.class, explain.statement());
    }

    @Test
    void columnDefaultsParseAsExpressions() {
        CreateStream create = (CreateStream) SqlParser.parse(
                "CREATE STREAM s (a nullable(int32) DEFAULT NULL, b array(string) DEFAULT ['x'], c int64 DEFAULT 1 + 2)");
        assertEquals("NULL", SqlFormatter.format(create.columns().get(0).defaultValue()));
        assertEquals("['x']", SqlFormatter.format(create.columns().get(1).defaultValue()));
        assertEquals("1 + 2", SqlFormatter.format(create.columns().get(2).defaultValue()));
        assertNull(create.columns().get(0).comment());
    }
}
