package io.brook.engine.plan;

import io.brook.engine.sql.ast.BooleanLiteral;
import io.brook.engine.sql.ast.DecimalLiteral;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.Literal;
import io.brook.engine.sql.ast.NullLiteral;
import io.brook.engine.sql.ast.Setting;
import io.brook.engine.sql.ast.StringLiteral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SETTINGS clauses as name-to-text maps, the form every component reads settings in. */
public final class SettingValues {
    private SettingValues() {
    }

    public static Map<String, String> of(List<Setting> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            values.put(setting.name(), text(setting.value()));
        }
        return values;
    }

    public static String text(Literal literal) {
        return switch (literal) {
            case StringLiteral string -> string.value();
            case IntegerLiteral integer -> integer.value().toString();
            case DecimalLiteral decimal -> decimal.text();
            case BooleanLiteral bool -> Boolean.toString(bool.value());
            case NullLiteral ignored -> "";
        };
    }
}
