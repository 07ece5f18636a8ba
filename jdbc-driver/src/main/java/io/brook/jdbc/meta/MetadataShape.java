package io.brook.jdbc.meta;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.TypeParser;
import org.apache.calcite.avatica.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns of one DatabaseMetaData result set, written as {@code "NAME brook_type"} pairs in
 * the order the JDBC documentation gives them.
 */
public record MetadataShape(List<Column> columns) {

    public static MetadataShape of(String... columns) {
        List<Column> parsed = new ArrayList<>(columns.length);
        for (String column : columns) {
            int space = column.indexOf(' ');
            parsed.add(Column.of(column.substring(0, space), TypeParser.parse(column.substring(space + 1))));
        }
        return new MetadataShape(List.copyOf(parsed));
    }

    public Meta.Signature signature() {
        return new Meta.Signature(Signatures.columnsOf(columns), null, List.of(), Map.of(),
                Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
    }
}
