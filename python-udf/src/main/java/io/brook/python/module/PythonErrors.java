package io.brook.python.module;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.python.runtime.PythonContext;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** Turns what Python raised into Brook errors that carry Python's own traceback text. */
public final class PythonErrors {
    private PythonErrors() {
    }

    /** Python's traceback text for {@code e}, or its message when it did not come from Python code. */
    public static String describe(PythonContext context, PolyglotException e) {
        if (e.isGuestException() && !e.isInterrupted() && !e.isCancelled()) {
            Value guest = e.getGuestObject();
            if (guest != null && !guest.isNull()) {
                try {
                    return context.bridge("format_exception").execute(guest).asString().stripTrailing();
                } catch (PolyglotException | IllegalStateException ignored) {
                    // fall back to the message
                }
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** The last line of a traceback: {@code ValueError: boom}. */
    static String summary(String traceback) {
        String[] lines = traceback.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** A failure of user code while doing {@code what} ("write function write of stream s"). */
    public static BrookException raised(PythonContext context, PolyglotException e, String what) {
        String traceback = describe(context, e);
        return new BrookException(ErrorCode.PYTHON_ERROR,
                "Python error in " + what + ": " + summary(traceback) + "\n" + traceback, e);
    }
}
