package io.brook.tck;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a golden file. The format, one record after another, separated by blank lines:
 * <pre>
 * # a comment
 * statement ok
 * CREATE STREAM s (a int64)
 *
 * statement error 60 Stream nope doesn't exist
 * SELECT * FROM nope
 *
 * query [rowsort]
 * SELECT a FROM table(s)
 * ----
 * 1
 *
 * streaming q1
 * SELECT a FROM s LIMIT 2
 *
 * results q1 [rowsort]
 * ----
 * 1
 * 2
 *
 * results q1 error 394 Query was cancelled
 * </pre>
 * Values in a row are separated by a tab; SQL NULL is written {@code NULL}; an empty string is
 * written {@code (empty)}.
 */
final class GoldenFile {
    private final List<String> lines;
    private int position;

    private GoldenFile(List<String> lines) {
        this.lines = lines;
    }

    static List<GoldenRecord> parse(String text) {
        return new GoldenFile(List.of(text.split("\n", -1))).records();
    }

    private List<GoldenRecord> records() {
        List<GoldenRecord> records = new ArrayList<>();
        while (position < lines.size()) {
            String header = lines.get(position).strip();
            if (header.isEmpty() || header.startsWith("#")) {
                position++;
                continue;
            }
            int line = ++position;
            records.add(record(header, line));
        }
        return records;
    }

    private GoldenRecord record(String header, int line) {
        String[] words = header.split("\\s+", 4);
        switch (words[0]) {
            case "statement" -> {
                if (words.length > 1 && words[1].equals("ok")) {
                    return new GoldenRecord.StatementOk(line, sql());
                }
                if (words.length > 2 && words[1].equals("error")) {
                    return new GoldenRecord.StatementError(line, sql(), Integer.parseInt(words[2]),
                            words.length > 3 ? words[3] : "");
                }
            }
            case "query" -> {
                boolean sort = words.length > 1 && words[1].equals("rowsort");
                String sql = sqlUntilSeparator();
                return new GoldenRecord.Query(line, sql, sort, rows());
            }
            case "streaming" -> {
                return new GoldenRecord.StartStreaming(line, words[1], sql());
            }
            case "results" -> {
                if (words.length > 3 && words[2].equals("error")) {
                    String[] parts = header.split("\\s+", 5);
                    return new GoldenRecord.ResultsError(line, words[1], Integer.parseInt(parts[3]),
                            parts.length > 4 ? parts[4] : "");
                }
                boolean sort = words.length > 2 && words[2].equals("rowsort");
                expectSeparator(line);
                return new GoldenRecord.Results(line, words[1], sort, rows());
            }
            default -> {
            }
        }
        throw new IllegalArgumentException("Line " + line + ": unknown record '" + header + "'");
    }

    /** SQL lines up to the next blank line. */
    private String sql() {
        StringBuilder sql = new StringBuilder();
        while (position < lines.size() && !lines.get(position).isBlank()) {
            sql.append(lines.get(position++)).append('\n');
        }
        return sql.toString().strip();
    }

    /** SQL lines up to the {@code ----} line. */
    private String sqlUntilSeparator() {
        StringBuilder sql = new StringBuilder();
        while (position < lines.size() && !lines.get(position).strip().equals("----")) {
            if (lines.get(position).isBlank()) {
                throw new IllegalArgumentException("Line " + (position + 1) + ": query without ---- separator");
            }
            sql.append(lines.get(position++)).append('\n');
        }
        position++;
        return sql.toString().strip();
    }

    private void expectSeparator(int line) {
        if (position >= lines.size() || !lines.get(position).strip().equals("----")) {
            throw new IllegalArgumentException("Line " + line + ": results need a ---- line");
        }
        position++;
    }

    /** Expected rows up to the next blank line. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        while (position < lines.size() && !lines.get(position).isEmpty()) {
            rows.add(lines.get(position++));
        }
        return rows;
    }
}
