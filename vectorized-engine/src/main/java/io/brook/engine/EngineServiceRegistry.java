package io.brook.engine;

import io.brook.engine.external.EngineServices;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.plan.SystemTables;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The engine's {@link EngineServices}: shared objects closed with the engine, in reverse order. */
final class EngineServiceRegistry implements EngineServices, AutoCloseable {
    private final Map<Class<?>, AutoCloseable> shared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> creationOrder = Collections.synchronizedList(new ArrayList<>());
    private final SystemTables systemTables;
    private volatile LocalApiUser localApiUser;

    EngineServiceRegistry(SystemTables systemTables) {
        this.systemTables = systemTables;
    }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(type, ignored -> {
            T made = create.get();
            creationOrder.add(made);
            return made;
        }));
    }

    @Override
    public void registerSystemTable(String name, SystemTable table) {
        systemTables.register(name, table);
    }

    @Override
    public Optional<LocalApiUser> localApiUser() {
        return Optional.ofNullable(localApiUser);
    }

    /** Set by a server that enables the local API user (SPEC 5.3). */
    void enableLocalApiUser(LocalApiUser user) {
        this.localApiUser = user;
    }

    @Override
    public void close() {
        List<AutoCloseable> closing = new ArrayList<>(creationOrder);
        Collections.reverse(closing);
        for (AutoCloseable service : closing) {
            try {
                service.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(EngineServiceRegistry.class).warn("Closing {} failed: {}", service, e.getMessage());
            }
        }
        shared.clear();
        creationOrder.clear();
    }
}
