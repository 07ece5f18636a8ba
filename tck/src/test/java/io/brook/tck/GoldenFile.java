package io.brook.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>
 * Two additions for statements with code bodies and for values only known when the suite runs:
 * <ul>
 *   <li>A blank line between {@code $$} and the closing {@code $$} (a Python body) belongs to the
 *       statement; only a blank line outside such a body ends a record.</li>
 *   <li>{@code ${name}} in SQL is a variable: the test that runs the file gives a map of names to
 *       values (e.g. {@code ${webhook_url}}, the address of the run's {@link WebhookServer};
 *       {@code ${kafka_brokers}} and {@code ${nats_url}}, brokers started only for a file that
 *       uses them, see {@link GoldenBrokers}; {@code ${pulsar_settings}} and
 *       {@code ${pulsar_topic_prefix}} for the Pulsar files, which run in the Pulsar connector's
 *       test module against its broker) and the runner replaces each variable before the SQL is executed, bodies included. A name the
 *       map does not hold fails the record. Names are letters, digits and {@code _}; expected rows
 *       and error texts are not substituted.</li>
 * </ul>
 * <pre>
 * statement ok
 * CREATE EXTERNAL STREAM hook (n int64) AS $$
 * import json, urllib.request
 *
 * def hook(n):
 *     urllib.request.urlopen('${webhook_url}/hook', json.dumps(list(n)).encode())
 * $$ SETTINGS type='python'
 * </pre>
 */
final class GoldenFile {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String BODY_QUOTE = "$$";

    private final List<String> lines;
    private int position;

    private GoldenFile(List<String> lines) {
        this.lines = lines;
    }

    static List<GoldenRecord> parse(String text) {
        return new GoldenFile(List.of(text.split("\n", -1))).records();
    }

    /** {@code sql} with each {@code ${name}} replaced by its value; an unknown name is an error. */
    static String substitute(String sql, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown variable ${" + matcher.group(1) + "} (the run gives "
                        + (variables.isEmpty() ? "none" : String.join(", ", new TreeSet<>(variables.keySet()))) + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
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

    /** SQL lines up to the next blank line outside a {@code $$} body. */
    private String sql() {
        StringBuilder sql = new StringBuilder();
        boolean inBody = false;
        while (position < lines.size() && (inBody || !lines.get(position).isBlank())) {
            String line = lines.get(position++);
            inBody ^= opensOrClosesBody(line);
            sql.append(line).append('\n');
        }
        return sql.toString().strip();
    }

    /** SQL lines up to the {@code ----} line. */
    private String sqlUntilSeparator() {
        StringBuilder sql = new StringBuilder();
        boolean inBody = false;
        while (position < lines.size() && (inBody || !lines.get(position).strip().equals("----"))) {
            String line = lines.get(position);
            if (line.isBlank() && !inBody) {
                throw new IllegalArgumentException("Line " + (position + 1) + ": query without ---- separator");
            }
            inBody ^= opensOrClosesBody(line);
            sql.append(line).append('\n');
            position++;
        }
        position++;
        return sql.toString().strip();
    }

    /** Whether the line holds an odd number of {@code $$}, so that it enters or leaves a body. */
    private static boolean opensOrClosesBody(String line) {
        int quotes = 0;
        for (int at = line.indexOf(BODY_QUOTE); at >= 0; at = line.indexOf(BODY_QUOTE, at + BODY_QUOTE.length())) {
            quotes++;
        }
        return quotes % 2 == 1;
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
