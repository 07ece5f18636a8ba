package io.brook.jdbc;

import org.apache.calcite.avatica.AvaticaFactory;

/**
 * Avatica's remote driver with Brook's JDBC objects: its connections talk to a {@code brook
 * server} through Avatica's remote Meta, and their result sets and cancel are Brook's
 * ({@link RemoteFrames}, {@link RemoteCancel}). Made per connection by {@link RemoteUrl}; not
 * registered with DriverManager.
 */
final class RemoteDriver extends org.apache.calcite.avatica.remote.Driver {
    private final RemoteCancel cancel;

    RemoteDriver(RemoteCancel cancel) {
        this.cancel = cancel;
    }

    @Override
    protected AvaticaFactory createFactory() {
        // called from the super constructor: it must not read this object's fields
        return new BrookJdbcFactory();
    }

    RemoteCancel cancel() {
        return cancel;
    }
}
