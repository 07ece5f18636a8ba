package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.kernel.cast.ValueFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code CSV} and {@code TSV}: fields in column order, one row a line. CSV fields may be quoted
 * with {@code "} (doubled inside); TSV escapes tab, newline and backslash with a backslash and
 * writes NULL as {@code \N}. An empty unquoted field takes the column's default.
 */
final class DelimitedFormat implements MessageFormat {
    private final List<Column> payload;
    private final boolean oneMessagePerRow;
    private final char delimiter;

    /** Per column: the value an empty field takes. */
    private final Object[] missing;
    private final Object[] row;

    DelimitedFormat(List<Column> payload, boolean oneMessagePerRow, char delimiter) {
        this.payload = List.copyOf(payload);
        this.missing = payload.stream().map(TextValues::missing).toArray();
        this.row = new Object[payload.size()];
        this.oneMessagePerRow = oneMessagePerRow;
        this.delimiter = delimiter;
    }

    @Override
    public void decode(byte[] message, Consumer<Object[]> rows) {
        String text = new String(message, StandardCharsets.UTF_8);
        int position = 0;
        int count = 0;
        while (position < text.length()) {
            List<String> fields = new ArrayList<>(payload.size());
            position = delimiter == ',' ? csvLine(text, position, fields) : tsvLine(text, position, fields);
            if (fields.size() == 1 && fields.getFirst() != null && fields.getFirst().isEmpty()) {
                continue; // a blank line
            }
            if (++count > 1 && oneMessagePerRow) {
                throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "more than one row in a message (one_message_per_row=true)");
            }
            rows.accept(row(fields));
        }
    }

    private Object[] row(List<String> fields) {
        if (fields.size() != payload.size()) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "expected " + payload.size() + " fields, got " + fields.size());
        }
        for (int column = 0; column < fields.size(); column++) {
            String field = fields.get(column);
            Column target = payload.get(column);
            if (field == null) {
                row[column] = target.type().nullable() ? null : missing[column];
            } else if (field.isEmpty() && !target.type().kind().isStringLike()) {
                row[column] = missing[column];
            } else {
                try {
                    row[column] = TextValues.parse(field, target.type());
                } catch (BrookException e) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "column " + target.name() + ": " + e.text());
                }
            }
        }
        return row;
    }

    /** Reads one CSV line from {@code from} into {@code fields}; returns where the next line starts. */
    private static int csvLine(String text, int from, List<String> fields) {
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int position = from;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quoted) {
                if (c == '"' && position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "unterminated quoted CSV field");
        }
        fields.add(wasQuoted || !field.isEmpty() ? field.toString() : "");
        return position;
    }

    /** Reads one TSV line; a field that is exactly {@code \N} is NULL (added as null). */
    private static int tsvLine(String text, int from, List<String> fields) {
        StringBuilder field = new StringBuilder();
        boolean isNull = false;
        int position = from;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length()) {
                char escaped = text.charAt(position++);
                isNull = escaped == 'N' && field.isEmpty();
                field.append(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> escaped;
                });
                continue;
            }
            if (c == '\t' || c == '\n') {
                fields.add(isNull && field.length() == 1 ? null : field.toString());
                field.setLength(0);
                isNull = false;
                if (c == '\n') {
                    return position;
                }
            } else {
                field.append(c);
                isNull = false;
            }
        }
        fields.add(isNull && field.length() == 1 ? null : field.toString());
        return position;
    }

    @Override
    public byte[] encode(List<Object> row) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < payload.size(); column++) {
            if (column > 0) {
                line.append(delimiter);
            }
            Object value = row.get(column);
            if (value == null) {
                line.append(delimiter == ',' ? "" : "\\N");
                continue;
            }
            String text = ValueFormat.format(value, payload.get(column).type(), true);
            line.append(delimiter == ',' ? csvField(text) : tsvField(text));
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvField(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String tsvField(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
