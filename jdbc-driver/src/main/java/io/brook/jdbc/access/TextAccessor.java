package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * string and fixed_string values. Numeric and boolean getters parse the text, which tools that
 * read every column with the getter of its declared type rely on less than people think but
 * which costs nothing when the text is a number.
 */
final class TextAccessor extends ValueAccessor {

    TextAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return value;
    }

    @Override
    protected Number toNumber(Object value) throws SQLException {
        try {
            return new BigDecimal(((String) value).trim());
        } catch (NumberFormatException e) {
            throw cannotConvert("a number (the text is '" + value + "')");
        }
    }

    @Override
    protected boolean toBoolean(Object value) throws SQLException {
        String text = ((String) value).trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw cannotConvert("boolean (the text is '" + value + "')");
    }

    @Override
    protected byte[] toBytes(Object value) {
        return ((String) value).getBytes(StandardCharsets.UTF_8);
    }
}
