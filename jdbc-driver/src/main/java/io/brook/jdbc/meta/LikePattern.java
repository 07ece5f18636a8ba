package io.brook.jdbc.meta;

import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} any run of characters, {@code _} one character,
 * {@code \} escapes the next one. Null matches everything. Brook names are case-sensitive, so
 * the match is too.
 */
public final class LikePattern {
    private static final LikePattern ANY = new LikePattern(null);
    private final Pattern regex;

    private LikePattern(Pattern regex) {
        this.regex = regex;
    }

    public static LikePattern of(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return new LikePattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return regex == null || name != null && regex.matcher(name).matches();
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
