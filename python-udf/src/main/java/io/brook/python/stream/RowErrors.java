package io.brook.python.stream;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.python.module.QueryModule;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Rows a read function produced that do not fit the declared columns (SPEC 3.3): the error names
 * the row (1-based, counted over the whole read), the column, the expected type and the value's
 * repr. Anything else Python raised is reported with its traceback.
 */
final class RowErrors {
    private RowErrors() {
    }

    static BrookException translate(QueryModule module, PolyglotException e, String what, String stream) {
        Value guest = e.isGuestException() && !e.isInterrupted() && !e.isCancelled() ? e.getGuestObject() : null;
        if (guest != null && guest.getMetaObject() != null) {
            String type = guest.getMetaObject().getMetaSimpleName();
            if ("ConversionError".equals(type)) {
                return new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Failed to convert Python object to "
                        + guest.getMember("type_name").asString() + " " + guest.getMember("value_repr").asString()
                        + " (row " + guest.getMember("row").asLong() + ", column '" + guest.getMember("column").asString()
                        + "' of stream " + stream + ")");
            }
            if ("ArityError".equals(type)) {
                return new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Python external stream " + stream + ": row "
                        + guest.getMember("row").asLong() + " must have " + guest.getMember("expected").asLong()
                        + " value(s), one per column, but is " + guest.getMember("value_repr").asString());
            }
        }
        return module.translate(e, what);
    }
}
