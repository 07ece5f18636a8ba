package io.brook.engine.expr.kernel.text;

import io.brook.engine.expr.memory.Memory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled LIKE pattern matched on UTF-8 bytes: {@code %} is any sequence, {@code _} any one
 * character, backslash escapes. Common shapes (exact, 'abc%', '%abc', '%abc%') get direct byte
 * comparisons; the rest use a backtracking matcher. ILIKE folds ASCII letters only.
 */
public final class LikePattern {
    private static final int LITERAL = 0;
    private static final int ONE = 1;
    private static final int MANY = 2;

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final int[] kinds;
    private final byte[] literals;
    private final boolean caseInsensitive;
    private final Shape shape;
    private final byte[] piece;

    private LikePattern(int[] kinds, byte[] literals, boolean caseInsensitive) {
        this.kinds = kinds;
        this.literals = literals;
        this.caseInsensitive = caseInsensitive;
        this.shape = caseInsensitive ? Shape.GENERAL : shapeOf(kinds);
        this.piece = shape == Shape.GENERAL ? null : literalPiece(kinds, literals);
    }

    public static LikePattern compile(String pattern, boolean caseInsensitive) {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        List<Integer> kinds = new ArrayList<>();
        ByteArrayOutputStream literals = new ByteArrayOutputStream();
        for (int index = 0; index < bytes.length; index++) {
            byte value = bytes[index];
            if (value == '\\' && index + 1 < bytes.length) {
                kinds.add(LITERAL);
                literals.write(fold(bytes[++index], caseInsensitive));
            } else if (value == '%') {
                if (kinds.isEmpty() || kinds.getLast() != MANY) {
                    kinds.add(MANY);
                    literals.write(0);
                }
            } else if (value == '_') {
                kinds.add(ONE);
                literals.write(0);
            } else {
                kinds.add(LITERAL);
                literals.write(fold(value, caseInsensitive));
            }
        }
        return new LikePattern(kinds.stream().mapToInt(Integer::intValue).toArray(), literals.toByteArray(), caseInsensitive);
    }

    public boolean matches(long address, int length) {
        return switch (shape) {
            case EXACT -> length == piece.length && equalsAt(address, piece, 0);
            case PREFIX -> length >= piece.length && equalsAt(address, piece, 0);
            case SUFFIX -> length >= piece.length && equalsAt(address + length - piece.length, piece, 0);
            case CONTAINS -> contains(address, length);
            case GENERAL -> general(address, length);
        };
    }

    private static Shape shapeOf(int[] kinds) {
        int first = 0;
        int last = kinds.length;
        boolean leading = first < last && kinds[first] == MANY;
        boolean trailing = last > first && kinds[last - 1] == MANY;
        int from = leading ? 1 : 0;
        int to = trailing ? last - 1 : last;
        for (int index = from; index < to; index++) {
            if (kinds[index] != LITERAL) {
                return Shape.GENERAL;
            }
        }
        if (leading && trailing) {
            return Shape.CONTAINS;
        }
        return leading ? Shape.SUFFIX : trailing ? Shape.PREFIX : Shape.EXACT;
    }

    private static byte[] literalPiece(int[] kinds, byte[] literals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < kinds.length; index++) {
            if (kinds[index] == LITERAL) {
                bytes.write(literals[index]);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean equalsAt(long address, byte[] bytes, int from) {
        for (int index = from; index < bytes.length; index++) {
            if (Memory.getByte(address + index) != bytes[index]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(long address, int length) {
        int last = length - piece.length;
        for (int start = 0; start <= last; start++) {
            if (equalsAt(address + start, piece, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Glob matching with one backtrack point: the most recent %. */
    private boolean general(long address, int length) {
        int text = 0;
        int token = 0;
        int starToken = -1;
        int starText = -1;
        while (text < length) {
            if (token < kinds.length && kinds[token] == LITERAL
                    && fold(Memory.getByte(address + text), caseInsensitive) == literals[token]) {
                text++;
                token++;
            } else if (token < kinds.length && kinds[token] == ONE
                    && text + characterLength(Memory.getByte(address + text)) <= length) {
                text += characterLength(Memory.getByte(address + text));
                token++;
            } else if (token < kinds.length && kinds[token] == MANY) {
                starToken = token++;
                starText = text;
            } else if (starToken >= 0) {
                starText += characterLength(Memory.getByte(address + starText));
                text = starText;
                token = starToken + 1;
            } else {
                return false;
            }
        }
        while (token < kinds.length && kinds[token] == MANY) {
            token++;
        }
        return token == kinds.length;
    }

    /** Bytes of the UTF-8 character starting with {@code lead} (1 for a stray continuation byte). */
    static int characterLength(byte lead) {
        int value = lead & 0xFF;
        if (value < 0xC0) {
            return 1;
        }
        return value < 0xE0 ? 2 : value < 0xF0 ? 3 : 4;
    }

    private static byte fold(byte value, boolean caseInsensitive) {
        return caseInsensitive ? StringTransform.asciiLower(value) : value;
    }
}
