package io.brook.engine.sql;

import io.brook.engine.sql.ast.ColumnDef;
import io.brook.engine.sql.ast.CreateExternalStream;
import io.brook.engine.sql.ast.DataTypeSpec;
import io.brook.engine.sql.ast.QualifiedName;
import io.brook.engine.sql.ast.Setting;
import io.brook.engine.sql.ast.StringLiteral;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalStreamParserTest {

    @Test
    void pythonBodyIsKeptVerbatimWithItsStartLine() {
        String sql = """
                CREATE EXTERNAL STREAM IF NOT EXISTS py (a int64, b string)
                AS $$
                def read():
                    s = 'it''s; "quoted"' + "$x"  # a $ and ; in code
                    return [(1, s)]
                $$
                SETTINGS type='python', read_function_name='read', mode='batch';
                """;
        CreateExternalStream create = (CreateExternalStream) SqlParser.parse(sql);
        assertEquals(QualifiedName.of("py"), create.name());
        assertTrue(create.ifNotExists());
        assertEquals(List.of(new ColumnDef("a", DataTypeSpec.of("int64"), null, null),
                new ColumnDef("b", DataTypeSpec.of("string"), null, null)), create.columns());
        assertEquals("""

                def read():
                    s = 'it''s; "quoted"' + "$x"  # a $ and ; in code
                    return [(1, s)]
                """, create.body());
        assertEquals(2, create.bodyLine());
        // line 2 of the body (def read) is line bodyLine + 1 of the statement
        assertEquals("def read():", sql.lines().toList().get(create.bodyLine() + 2 - 2));
        assertEquals(List.of(new Setting("type", new StringLiteral("python")),
                new Setting("read_function_name", new StringLiteral("read")),
                new Setting("mode", new StringLiteral("batch"))), create.settings());
    }

    @Test
    void columnListAndBodyAreOptional() {
        CreateExternalStream create = (CreateExternalStream) SqlParser.parse(
                "CREATE EXTERNAL STREAM remote SETTINGS type='timeplus', hosts='h1:8463,h2:8463', stream='s'");
        assertFalse(create.ifNotExists());
        assertEquals(List.of(), create.columns());
        assertNull(create.body());
        assertEquals(0, create.bodyLine());
        assertEquals(3, create.settings().size());
        assertEquals("hosts", create.settings().get(1).name());
    }

    @Test
    void kafkaStreamWithTypesThatAreKeywordLikeNames() {
        CreateExternalStream create = (CreateExternalStream) SqlParser.parse("""
                CREATE EXTERNAL STREAM k (raw string, _tp_message_key string)
                SETTINGS type='kafka', brokers='localhost:9092', topic='t', data_format='RawBLOB',
                         one_message_per_row=true""");
        assertEquals("_tp_message_key", create.columns().get(1).name());
        assertEquals(5, create.settings().size());
    }

    @Test
    void bodyOnTheSameLineAsDollars() {
        CreateExternalStream create = (CreateExternalStream) SqlParser.parse(
                "CREATE EXTERNAL STREAM x (a int8) AS $$def x(): return [1]$$ SETTINGS type='python'");
        assertEquals("def x(): return [1]", create.body());
        assertEquals(1, create.bodyLine());
    }
}
