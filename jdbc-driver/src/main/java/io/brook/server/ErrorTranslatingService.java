package io.brook.server;

import io.brook.engine.error.BrookException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Avatica's error responses carry an error code, SQLState and message only when the service
 * throws {@link AvaticaRuntimeException}; this puts every Brook failure in that form, so a remote
 * client's SQLException has the Timeplus code, the SQLState and the exact message of SPEC 2.
 */
final class ErrorTranslatingService {
    private ErrorTranslatingService() {
    }

    static Service wrap(Service service) {
        return (Service) Proxy.newProxyInstance(ErrorTranslatingService.class.getClassLoader(), new Class<?>[] {Service.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(service, arguments);
                    } catch (InvocationTargetException e) {
                        throw translate(e.getCause());
                    }
                });
    }

    private static Throwable translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrookException brook) {
                return new AvaticaRuntimeException(brook.getMessage(), brook.code().number(), brook.code().sqlState(),
                        AvaticaSeverity.ERROR);
            }
        }
        return failure;
    }
}
