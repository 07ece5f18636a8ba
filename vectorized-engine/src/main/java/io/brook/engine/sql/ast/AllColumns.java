package io.brook.engine.sql.ast;

import java.util.List;

/**
 * {@code *}, {@code t.*}, {@code * EXCEPT col} or {@code * EXCEPT (a, b)}.
 *
 * @param qualifier the relation name or alias before {@code .*}, or {@code null} for a bare {@code *}
 * @param except    columns to leave out, as written; empty when there is no EXCEPT
 */
public record AllColumns(String qualifier, List<String> except) implements SelectItem {
    public AllColumns {
        except = List.copyOf(except);
    }

    public static AllColumns all() {
        return new AllColumns(null, List.of());
    }
}
