package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;

/**
 * Sums of a float64 column without nulls, straight from the Arrow buffer. Four partial sums break
 * the chain of dependent additions (the result may differ from a sequential sum in the last bits,
 * as in any parallel sum).
 */
final class GlobalSums {
    private GlobalSums() {
    }

    static double float64(long address, Chunk rows) {
        int count = rows.size();
        int[] selection = rows.selection();
        double first = 0;
        double second = 0;
        double third = 0;
        double fourth = 0;
        int row = 0;
        if (selection == null) {
            for (; row + 4 <= count; row += 4) {
                long at = address + ((long) row << 3);
                first += Memory.getDouble(at);
                second += Memory.getDouble(at + 8);
                third += Memory.getDouble(at + 16);
                fourth += Memory.getDouble(at + 24);
            }
            for (; row < count; row++) {
                first += Memory.getDouble(address + ((long) row << 3));
            }
        } else {
            for (; row + 4 <= count; row += 4) {
                first += Memory.getDouble(address + ((long) selection[row] << 3));
                second += Memory.getDouble(address + ((long) selection[row + 1] << 3));
                third += Memory.getDouble(address + ((long) selection[row + 2] << 3));
                fourth += Memory.getDouble(address + ((long) selection[row + 3] << 3));
            }
            for (; row < count; row++) {
                first += Memory.getDouble(address + ((long) selection[row] << 3));
            }
        }
        return (first + second) + (third + fourth);
    }
}
