package io.brook.engine.external;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** The external-stream types on the class path, found once through {@link ServiceLoader}. */
public final class ExternalStreamTypes {
    private final Map<String, ExternalStreamType> byName;

    private ExternalStreamTypes(Map<String, ExternalStreamType> byName) {
        this.byName = byName;
    }

    public static ExternalStreamTypes load(ClassLoader loader) {
        Map<String, ExternalStreamType> byName = new LinkedHashMap<>();
        for (ExternalStreamType type : ServiceLoader.load(ExternalStreamType.class, loader)) {
            byName.put(type.name().toLowerCase(Locale.ROOT), type);
            for (String alias : type.aliases()) {
                byName.put(alias.toLowerCase(Locale.ROOT), type);
            }
        }
        return new ExternalStreamTypes(byName);
    }

    /** The type named by the {@code type} setting; code 48 when no module provides it. */
    public ExternalStreamType find(String name) {
        ExternalStreamType type = byName.get(name.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new BrookException(ErrorCode.NOT_IMPLEMENTED,
                    "External stream type '" + name + "' is not available (no module for it is on the class path)");
        }
        return type;
    }

    /** Lets every type attach to a newly opened engine (each type once, aliases not repeated). */
    public void attachAll(EngineServices services) {
        for (ExternalStreamType type : new java.util.LinkedHashSet<>(byName.values())) {
            type.attach(services);
        }
    }

    public Map<String, ExternalStreamType> all() {
        return Map.copyOf(byName);
    }
}
