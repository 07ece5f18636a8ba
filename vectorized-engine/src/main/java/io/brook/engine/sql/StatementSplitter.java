package io.brook.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script at top-level semicolons without a full parse, so that one bad statement does
 * not hide the others. Knows just enough lexing to skip what may contain a {@code ;}: quoted
 * strings and identifiers (with doubled-quote and backslash escapes), line and block comments,
 * and {@code $$...$$} bodies.
 */
final class StatementSplitter {
    private final String script;
    private final List<String> statements = new ArrayList<>();
    private int statementStart;
    private boolean statementHasContent;

    private StatementSplitter(String script) {
        this.script = script;
    }

    static List<String> split(String script) {
        StatementSplitter splitter = new StatementSplitter(script);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        int length = script.length();
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = afterQuoted(i, c);
                statementHasContent = true;
            } else if (startsWith(i, "--")) {
                int newline = script.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (startsWith(i, "/*")) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (startsWith(i, "$$")) {
                int end = script.indexOf("$$", i + 2);
                i = end < 0 ? length : end + 2;
                statementHasContent = true;
            } else if (c == ';') {
                finishStatement(i);
                i++;
                statementStart = i;
            } else {
                statementHasContent |= !Character.isWhitespace(c);
                i++;
            }
        }
        finishStatement(length);
    }

    private boolean startsWith(int index, String prefix) {
        return script.startsWith(prefix, index);
    }

    /** The index just after the quoted token opening at {@code start}, or the end if unclosed. */
    private int afterQuoted(int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    private void finishStatement(int end) {
        if (statementHasContent) {
            statements.add(script.substring(statementStart, Math.min(end, script.length())).strip());
        }
        statementHasContent = false;
    }
}
