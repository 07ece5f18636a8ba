package io.brook.engine.error;

/**
 * The one exception type the engine throws for user-visible failures. The message is the
 * exact SPEC text; {@link #getMessage()} appends {@code " (<NAME>)"} as SPEC 2 requires.
 */
public final class BrookException extends RuntimeException {
    private final ErrorCode code;
    private final String text;

    public BrookException(ErrorCode code, String text) {
        this(code, text, null);
    }

    public BrookException(ErrorCode code, String text, Throwable cause) {
        super(text + " (" + code.displayName() + ")", cause);
        this.code = code;
        this.text = text;
    }

    public static BrookException of(ErrorCode code, String format, Object... args) {
        return new BrookException(code, args.length == 0 ? format : String.format(format, args));
    }

    public ErrorCode code() {
        return code;
    }

    /** The message without the trailing code name. */
    public String text() {
        return text;
    }
}
