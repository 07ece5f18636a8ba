package io.brook.engine.external;

import io.brook.engine.plan.SystemTable;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one Brook engine offers the extensions loaded into it: objects shared by everything an
 * extension makes in this engine (a language runtime, a client pool), system tables, and the
 * local API user. Extensions are found once per class loader, so anything per engine lives here.
 */
public interface EngineServices {

    /**
     * The engine's one instance of {@code type}, made by {@code create} on first use and closed
     * when the engine closes.
     */
    <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> create);

    /** Adds (or replaces) {@code system.<name>}. */
    void registerSystemTable(String name, SystemTable table);

    /** The ephemeral user a server makes for code running inside it (SPEC 5.3); empty when embedded. */
    Optional<LocalApiUser> localApiUser();

    /** Credentials of the local API user, held only in memory. */
    record LocalApiUser(String user, String password) {
        @Override
        public String toString() {
            return "LocalApiUser[" + user + ", password hidden]";
        }
    }
}
