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

    /** Makes the ephemeral local API user (SPEC 5.3) on first call; later calls return it. */
    synchronized LocalApiUser enableLocalApiUser() {
        if (localApiUser == null) {
            java.security.SecureRandom random = new java.security.SecureRandom();
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            localApiUser = new LocalApiUser("brook_local_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE),
                    java.util.HexFormat.of().formatHex(secret));
        }
        return localApiUser;
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
