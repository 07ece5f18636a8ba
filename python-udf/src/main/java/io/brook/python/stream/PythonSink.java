package io.brook.python.stream;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.python.bridge.ColumnEncoder;
import io.brook.python.module.QueryModule;
import org.graalvm.polyglot.Value;

import java.util.List;

/**
 * One INSERT (or view run) into a Python stream: init when opened, one call of the write
 * function per chunk with one list per column (SPEC 3.4), deinit when closed.
 */
final class PythonSink implements ExternalSink {
    private final PythonExternalStream stream;
    private final QueryModule module;
    private final Value write;
    private final ColumnEncoder encoder;
    private final String what;

    private PythonSink(PythonExternalStream stream, QueryModule module, Value write) {
        this.stream = stream;
        this.module = module;
        this.write = write;
        List<BrookType> types = stream.columns().stream().map(Column::type).toList();
        this.encoder = new ColumnEncoder(module.context(), types);
        this.what = "write function " + stream.settings().writeFunction() + " of stream " + stream.name();
    }

    static PythonSink open(PythonExternalStream stream, QueryContext context) {
        PythonStreamSettings settings = stream.settings();
        QueryModule module = stream.newModule(context);
        try {
            Value write = module.function(settings.writeFunction());
            if (write == null) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream sink requires a function name"
                        + " (stream " + stream.name() + " defines no function '" + settings.writeFunction() + "')");
            }
            if (settings.initFunction() != null) {
                module.init(settings.initFunction(), settings.initParameters());
            }
            return new PythonSink(stream, module, write);
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    @Override
    public void write(Chunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        module.call(() -> encoder.call(write, chunk), what);
    }

    @Override
    public void close() {
        try {
            if (stream.settings().deinitFunction() != null) {
                module.deinit(stream.settings().deinitFunction());
            }
        } finally {
            module.close();
        }
    }
}
