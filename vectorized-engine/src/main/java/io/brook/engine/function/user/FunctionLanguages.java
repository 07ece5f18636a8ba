package io.brook.engine.function.user;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** The user-function languages on the class path, found once through {@link ServiceLoader}. */
public final class FunctionLanguages {
    private final Map<String, FunctionLanguage> byName;

    private FunctionLanguages(Map<String, FunctionLanguage> byName) {
        this.byName = byName;
    }

    public static FunctionLanguages load(ClassLoader loader) {
        Map<String, FunctionLanguage> byName = new LinkedHashMap<>();
        for (FunctionLanguage language : ServiceLoader.load(FunctionLanguage.class, loader)) {
            byName.put(language.name().toLowerCase(Locale.ROOT), language);
        }
        return new FunctionLanguages(byName);
    }

    /** The language named after LANGUAGE; code 48 when no module provides it. */
    public FunctionLanguage find(String name) {
        FunctionLanguage language = byName.get(name.toLowerCase(Locale.ROOT));
        if (language == null) {
            throw new BrookException(ErrorCode.NOT_IMPLEMENTED,
                    "Function language '" + name.toLowerCase(Locale.ROOT) + "' is not available (no module for it is on the class path)");
        }
        return language;
    }
}
