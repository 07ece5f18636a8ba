package io.brook.python.module;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.python.runtime.PythonContext;
import io.brook.python.runtime.PythonRuntime;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Python text of a {@code $$ ... $$} body, checked once: it compiles, and every function name
 * a setting configures is defined at its top level. The text is dedented (a body indented as a
 * whole inside the SQL is accepted); line numbers are those of the body, line 1 being the line
 * that holds the opening {@code $$}.
 */
public final class PythonBody {
    private final String owner;
    private final String source;
    private final String filename;
    private final Set<String> definedNames;

    private PythonBody(String owner, String source, String filename, Set<String> definedNames) {
        this.owner = owner;
        this.source = source;
        this.filename = filename;
        this.definedNames = definedNames;
    }

    /**
     * Compiles {@code text} in a context of {@code runtime} and checks that each of
     * {@code required} (setting name to function name) is defined. Fails with the Python message
     * and line.
     */
    public static PythonBody compile(PythonRuntime runtime, String kind, String owner, String text,
                                     Map<String, String> required) {
        String filename = "<" + kind + " " + owner + ">";
        String source = dedent(text == null ? "" : text);
        PythonContext context = runtime.lease();
        try {
            Value names = context.bridge("defined_names").execute(source, filename);
            Set<String> defined = new HashSet<>();
            for (long i = 0; i < names.getArraySize(); i++) {
                defined.add(names.getArrayElement(i).asString());
            }
            for (Map.Entry<String, String> entry : required.entrySet()) {
                if (!defined.contains(entry.getValue())) {
                    throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "NameError: name '" + entry.getValue()
                            + "' is not defined at the top level of the body of " + kind + " " + owner
                            + " (" + entry.getKey() + ")");
                }
            }
            return new PythonBody(owner, source, filename, Set.copyOf(defined));
        } catch (PolyglotException e) {
            throw syntaxError(context, e, kind, owner);
        } finally {
            runtime.release(context);
        }
    }

    private static BrookException syntaxError(PythonContext context, PolyglotException e, String kind, String owner) {
        String traceback = PythonErrors.describe(context, e);
        String line = e.getSourceLocation() != null ? " at line " + e.getSourceLocation().getStartLine() : "";
        return new BrookException(ErrorCode.SYNTAX_ERROR, "Python error in the body of " + kind + " " + owner + line
                + ": " + PythonErrors.summary(traceback) + "\n" + traceback, e);
    }

    /** The name of the stream or function the body belongs to. */
    public String owner() {
        return owner;
    }

    public String source() {
        return source;
    }

    /** The file name Python's tracebacks show for the body. */
    public String filename() {
        return filename;
    }

    public boolean defines(String name) {
        return definedNames.contains(name);
    }

    /** Removes the indentation that every non-blank line shares, keeping line numbers. */
    static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            common = Math.min(common, indent);
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(line.isBlank() ? "" : line.substring(common));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
