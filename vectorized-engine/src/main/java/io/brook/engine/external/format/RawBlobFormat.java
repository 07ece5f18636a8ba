package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** {@code RawBLOB}: the whole message is the one string column of one row. */
final class RawBlobFormat implements MessageFormat {
    private final Object[] row = new Object[1];

    RawBlobFormat(List<Column> payload) {
        if (payload.size() != 1 || payload.getFirst().type().kind() != TypeKind.STRING) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "data_format RawBLOB needs exactly one string column besides the _tp_ columns, got " + payload.size());
        }
    }

    @Override
    public void decode(byte[] message, Consumer<Object[]> rows) {
        row[0] = new String(message, StandardCharsets.UTF_8);
        rows.accept(row);
    }

    @Override
    public byte[] encode(List<Object> row) {
        Object value = row.getFirst();
        return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
