package io.brook.python.bridge;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbering byte strings: equal values share a number, the new ones are handed out once. */
class StringDictionaryTest {
    private BufferAllocator allocator;
    private VarCharVector vector;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        vector = new VarCharVector("s", allocator);
    }

    @AfterEach
    void tearDown() {
        vector.close();
        allocator.close();
    }

    private void fill(List<String> values) {
        vector.reset();
        for (int i = 0; i < values.size(); i++) {
            vector.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
        }
        vector.setValueCount(values.size());
    }

    private int[] numbers(StringDictionary dictionary) {
        int[] out = new int[vector.getValueCount()];
        for (int i = 0; i < out.length; i++) {
            int start = vector.getOffsetBuffer().getInt(4L * i);
            int end = vector.getOffsetBuffer().getInt(4L * (i + 1));
            out[i] = dictionary.number(vector.getDataBuffer(), start, end - start);
        }
        return out;
    }

    @Test
    void equalValuesOfEveryLengthShareANumber() {
        // lengths around the 8-byte word: empty, short, exactly 8, just over, two words and a tail
        List<String> distinct = List.of("", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnopq",
                "abcdefghijklmnopr", "b", "abcdefgi", "é");
        fill(distinct);
        StringDictionary dictionary = new StringDictionary();
        int[] first = numbers(dictionary);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, first);
        // the same values again, in another order and at other offsets: no new numbers
        List<String> again = new java.util.ArrayList<>(distinct);
        java.util.Collections.reverse(again);
        fill(again);
        int[] second = numbers(dictionary);
        for (int i = 0; i < second.length; i++) {
            assertEquals(distinct.indexOf(again.get(i)), second[i], again.get(i));
        }
        assertEquals(10, dictionary.size());
    }

    @Test
    void pendingValuesComeOutOnceInNumberOrder() {
        StringDictionary dictionary = new StringDictionary();
        fill(List.of("x", "yy", "x", "zzz"));
        numbers(dictionary);
        assertEquals(3, dictionary.pending());
        byte[] blob = new byte[dictionary.pendingBytes()];
        int[] ends = new int[dictionary.pending()];
        dictionary.copyPending(blob, ends);
        assertEquals("xyyzzz", new String(blob, StandardCharsets.UTF_8));
        assertArrayEquals(new int[] {1, 3, 6}, ends);
        dictionary.markSent();
        fill(List.of("yy", "new", "x"));
        assertArrayEquals(new int[] {1, 3, 0}, numbers(dictionary));
        blob = new byte[dictionary.pendingBytes()];
        ends = new int[dictionary.pending()];
        dictionary.copyPending(blob, ends);
        assertEquals("new", new String(blob, StandardCharsets.UTF_8));
        assertArrayEquals(new int[] {3}, ends);
    }

    @Test
    void aFullDictionaryAnswersMinusOneAndStartsOverWhenCleared() {
        StringDictionary dictionary = new StringDictionary();
        String[] values = new String[StringDictionary.MAX_ENTRIES + 1];
        Arrays.setAll(values, i -> "v" + i);
        fill(List.of(values));
        int[] numbers = numbers(dictionary);
        assertEquals(StringDictionary.MAX_ENTRIES - 1, numbers[StringDictionary.MAX_ENTRIES - 1]);
        assertEquals(-1, numbers[StringDictionary.MAX_ENTRIES]);
        dictionary.clear();
        fill(List.of("v5", "v5"));
        assertArrayEquals(new int[] {0, 0}, numbers(dictionary));
    }
}
