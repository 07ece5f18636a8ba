package io.brook.python.module;

import io.brook.engine.external.EngineServices;

import java.util.LinkedHashMap;
import java.util.Map;

/** The module globals Brook injects into every fresh module (SPEC 3.2 step 2). */
public final class InjectedGlobals {
    public static final String LOCAL_API_USER = "__timeplus_local_api_user";
    public static final String LOCAL_API_PASSWORD = "__timeplus_local_api_password";

    private InjectedGlobals() {
    }

    /** The local API user's name and password when the engine has that user, else nothing. */
    public static Map<String, Object> of(EngineServices services) {
        Map<String, Object> globals = new LinkedHashMap<>();
        services.localApiUser().ifPresent(user -> {
            globals.put(LOCAL_API_USER, user.user());
            globals.put(LOCAL_API_PASSWORD, user.password());
        });
        return globals;
    }
}
