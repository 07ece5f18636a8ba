package io.brook.engine.sql;

/**
 * Reads the value out of quoted tokens: string literals and quoted identifiers. Escapes follow
 * ClickHouse: a doubled quote, or a backslash before {@code b f n r t 0 a v \ ' " `} or
 * {@code xHH}; a backslash before anything else stays, so regular expressions such as
 * {@code '\d+'} mean what they say.
 */
final class TokenText {
    private TokenText() {
    }

    /** The value of a quoted token, its first and last character being the quote. */
    static String unquote(String token) {
        char quote = token.charAt(0);
        StringBuilder value = new StringBuilder(token.length());
        int end = token.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = token.charAt(i);
            if (c == quote && i + 1 < end && token.charAt(i + 1) == quote) {
                value.append(quote);
                i++;
            } else if (c == '\\' && i + 1 < end) {
                i = appendEscape(token, i + 1, end, value);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** Appends the escape starting at {@code i} (just after the backslash); returns its last index. */
    private static int appendEscape(String token, int i, int end, StringBuilder value) {
        char c = token.charAt(i);
        switch (c) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case '0' -> value.append('\0');
            case 'a' -> value.append('\u0007');
            case 'v' -> value.append('\u000B');
            case '\\', '\'', '"', '`' -> value.append(c);
            case 'x' -> {
                if (i + 2 < end && isHex(token.charAt(i + 1)) && isHex(token.charAt(i + 2))) {
                    value.append((char) Integer.parseInt(token.substring(i + 1, i + 3), 16));
                    return i + 2;
                }
                value.append('\\').append(c);
            }
            default -> value.append('\\').append(c);
        }
        return i;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The body of a {@code $$...$$} token. */
    static String dollarBody(String token) {
        return token.substring(2, token.length() - 2);
    }
}
