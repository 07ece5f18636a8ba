package io.brook.engine.operator.sort;

/**
 * A stable merge sort of row references (primitive longs, so no boxing) by a comparator:
 * insertion sort for short runs, then bottom-up merging between two arrays.
 */
final class ReferenceSort {
    private static final int RUN = 32;

    interface Comparator {
        int compare(long left, long right);
    }

    private ReferenceSort() {
    }

    static void sort(long[] references, int count, Comparator comparator) {
        for (int start = 0; start < count; start += RUN) {
            insertionSort(references, start, Math.min(count, start + RUN), comparator);
        }
        long[] source = references;
        long[] target = new long[count];
        for (int width = RUN; width < count; width *= 2) {
            for (int start = 0; start < count; start += 2 * width) {
                int middle = Math.min(count, start + width);
                int end = Math.min(count, start + 2 * width);
                merge(source, target, start, middle, end, comparator);
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        if (source != references) {
            System.arraycopy(source, 0, references, 0, count);
        }
    }

    private static void insertionSort(long[] values, int from, int to, Comparator comparator) {
        for (int index = from + 1; index < to; index++) {
            long value = values[index];
            int slot = index - 1;
            while (slot >= from && comparator.compare(values[slot], value) > 0) {
                values[slot + 1] = values[slot];
                slot--;
            }
            values[slot + 1] = value;
        }
    }

    private static void merge(long[] source, long[] target, int start, int middle, int end, Comparator comparator) {
        int left = start;
        int right = middle;
        for (int index = start; index < end; index++) {
            if (left < middle && (right >= end || comparator.compare(source[left], source[right]) <= 0)) {
                target[index] = source[left++];
            } else {
                target[index] = source[right++];
            }
        }
    }
}
