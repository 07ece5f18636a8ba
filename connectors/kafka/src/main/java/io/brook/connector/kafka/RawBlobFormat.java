package io.brook.connector.kafka;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code RawBLOB}: the whole message is the one string column of one row. */
final class RawBlobFormat implements MessageFormat {

    RawBlobFormat(List<Column> payload) {
        if (payload.size() != 1 || payload.getFirst().type().kind() != TypeKind.STRING) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "data_format RawBLOB needs exactly one string column besides the _tp_ columns, got " + payload.size());
        }
    }

    @Override
    public void decode(byte[] message, List<List<Object>> rows) {
        List<Object> row = new ArrayList<>(1);
        row.add(new String(message, StandardCharsets.UTF_8));
        rows.add(row);
    }

    @Override
    public byte[] encode(List<Object> row) {
        Object value = row.getFirst();
        return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
