package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.sql.ast.Emit;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;

/**
 * Chooses how a windowed aggregation emits (SPEC 1.8): after each window closes by default, or
 * as written: {@code EMIT AFTER WINDOW CLOSE [WITH DELAY <i>]}, {@code EMIT PERIODIC <i>},
 * {@code EMIT ON UPDATE}, each optionally with {@code TIMEOUT <i>}. A session window emits only
 * after it closes, as in Timeplus. A bounded windowed query emits every window once, at the end.
 */
final class WindowEmits {
    private WindowEmits() {
    }

    static WindowEmit choose(Emit emit, boolean streaming, WindowSpec window) {
        if (!streaming) {
            return new WindowEmit(WindowEmit.Mode.ON_FINISH, 0, 0, 0);
        }
        if (emit == null) {
            return new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 0, 0, 0);
        }
        long delay = emit.delay() == null ? 0 : window.axis().ticks(emit.delay(), "EMIT", "delay");
        long timeout = emit.timeout() == null ? 0 : EmitPolicies.millis(emit.timeout());
        WindowEmit.Mode mode = switch (emit.kind()) {
            case DEFAULT, AFTER_WINDOW_CLOSE -> WindowEmit.Mode.AFTER_CLOSE;
            case PERIODIC -> WindowEmit.Mode.PERIODIC;
            case ON_UPDATE -> WindowEmit.Mode.ON_UPDATE;
        };
        if (emit.repeat()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "EMIT PERIODIC ... REPEAT is for global aggregation; a window emits only what changed");
        }
        if (window.kind() == WindowKind.SESSION && mode != WindowEmit.Mode.AFTER_CLOSE) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "A session window emits only after it closes: use EMIT AFTER WINDOW CLOSE (the default)");
        }
        long period = mode == WindowEmit.Mode.PERIODIC ? EmitPolicies.millis(emit.period()) : 0;
        return new WindowEmit(mode, delay, period, timeout);
    }
}
