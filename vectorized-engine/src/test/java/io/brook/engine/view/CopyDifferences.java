package io.brook.engine.view;

import io.brook.engine.Session;
import io.brook.engine.testing.Sql;

import java.util.ArrayList;
import java.util.List;

/**
 * For a failure message: which ids a copy of the stream holding 1..n lacks, holds more than
 * once, or holds without the source having them.
 */
final class CopyDifferences {
    private static final int SHOWN = 10;

    private CopyDifferences() {
    }

    static String of(Session session, long n) {
        int[] copies = new int[Math.toIntExact(n + 1)];
        List<Long> strangers = new ArrayList<>();
        for (List<Object> row : Sql.rows(session, "SELECT id FROM table(dst)")) {
            long id = (Long) row.getFirst();
            if (id >= 1 && id <= n) {
                copies[(int) id]++;
            } else if (strangers.size() < SHOWN) {
                strangers.add(id);
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        long missingCount = 0;
        long repeatedCount = 0;
        for (int id = 1; id <= n; id++) {
            if (copies[id] == 0 && missingCount++ < SHOWN) {
                missing.add(Integer.toString(id));
            } else if (copies[id] > 1 && repeatedCount++ < SHOWN) {
                repeated.add(id + " x" + copies[id]);
            }
        }
        return missingCount + " ids missing " + missing + ", " + repeatedCount + " held more than once " + repeated
                + ", ids not in src " + strangers;
    }
}
