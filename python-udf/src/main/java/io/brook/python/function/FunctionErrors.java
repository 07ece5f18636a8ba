package io.brook.python.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.python.module.QueryModule;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * What a Python function gave back that does not fit (SPEC 3.8): a value that cannot be
 * converted to the declared type, a result list of the wrong length, a result that is no list.
 * Anything else Python raised is reported with its traceback.
 */
final class FunctionErrors {
    private FunctionErrors() {
    }

    /** {@code what}: "function f", "finalize of aggregate function f". */
    static BrookException translate(QueryModule module, PolyglotException e, String what) {
        Value guest = e.isGuestException() && !e.isInterrupted() && !e.isCancelled() ? e.getGuestObject() : null;
        if (guest != null && guest.getMetaObject() != null) {
            switch (guest.getMetaObject().getMetaSimpleName()) {
                case "ConversionError" -> {
                    return new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Failed to convert Python object to "
                            + guest.getMember("type_name").asString() + " " + guest.getMember("value_repr").asString()
                            + " (value " + guest.getMember("row").asLong() + " returned by " + what + ")");
                }
                case "LengthError" -> {
                    return new BrookException(ErrorCode.BAD_ARGUMENTS, "Python " + what + " returned a list of "
                            + guest.getMember("returned").asLong() + " values for " + guest.getMember("expected").asLong()
                            + " rows: it must return one value per row");
                }
                case "ResultError" -> {
                    return new BrookException(ErrorCode.BAD_ARGUMENTS, "Python " + what + " returned "
                            + guest.getMember("type_name").asString() + " " + guest.getMember("value_repr").asString()
                            + (what.startsWith("serialize") ? ": serialize must return bytes or str"
                            : ": it must return a list with one value per row"));
                }
                default -> {
                }
            }
        }
        return module.translate(e, what);
    }
}
