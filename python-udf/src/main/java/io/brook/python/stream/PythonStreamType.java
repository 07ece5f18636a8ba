package io.brook.python.stream;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;
import io.brook.python.module.PythonBody;
import io.brook.python.runtime.PythonRuntime;
import io.brook.python.system.PythonSystemTable;

/**
 * {@code type='python'}: an external stream whose source and sink are functions of the Python
 * body in its DDL (SPEC 3). The engine's Python runtime starts with the first such stream.
 */
public final class PythonStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "python";
    }

    @Override
    public void attach(EngineServices services) {
        services.registerSystemTable("python", new PythonSystemTable(() -> runtime(services)));
    }

    /** The engine's one Python runtime, started on first use. */
    public static PythonRuntime runtime(EngineServices services) {
        return PythonRuntime.of(services);
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        PythonStreamSettings settings = PythonStreamSettings.of(definition.name(), definition.settings());
        if (definition.columns().isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Python external stream " + definition.name() + " needs its columns declared: CREATE EXTERNAL STREAM "
                            + definition.name() + " (name type, ...) AS $$ ... $$ SETTINGS type='python'");
        }
        PythonRuntime runtime = runtime(services);
        PythonBody body = PythonBody.compile(runtime, "stream", definition.name(), definition.body(),
                settings.configuredFunctions());
        return new PythonExternalStream(definition, settings, body, runtime, services);
    }
}
