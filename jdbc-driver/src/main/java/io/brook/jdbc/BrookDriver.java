package io.brook.jdbc;

import io.brook.engine.BrookVersion;
import io.brook.jdbc.meta.BrookMeta;
import io.brook.jdbc.meta.DatabaseProperties;
import io.brook.jdbc.meta.SessionSource;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The embedded Brook driver: {@code jdbc:brook:file:<dir>} and {@code jdbc:brook:mem:<name>}
 * (see {@link BrookUrl}) run the engine inside the caller's JVM. It is an Avatica driver over
 * {@link BrookMeta}, the same Meta a Brook server puts behind Avatica's HTTP handler.
 * Connection properties that are query settings ({@code query_mode=table}, ...) apply to every
 * statement of the connection.
 */
public final class BrookDriver extends UnregisteredDriver {
    static {
        new BrookDriver().register();
    }

    private final SessionSource sessions;

    public BrookDriver() {
        this(new EmbeddedSessions());
    }

    /** A driver whose connections get their sessions from {@code sessions}; not registered. */
    BrookDriver(SessionSource sessions) {
        this.sessions = sessions;
    }

    @Override
    protected String getConnectStringPrefix() {
        return BrookUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return new DriverVersion(DatabaseProperties.DRIVER_NAME, BrookVersion.VERSION, BrookVersion.PRODUCT,
                BrookVersion.VERSION, false, BrookVersion.major(), BrookVersion.minor(),
                BrookVersion.major(), BrookVersion.minor());
    }

    @Override
    protected AvaticaFactory createFactory() {
        return new BrookJdbcFactory();
    }

    @Override
    public Meta createMeta(AvaticaConnection connection) {
        return new BrookMeta(sessions);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return DriverProperties.describe(info);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        if (RemoteUrl.accepts(url)) {
            return RemoteUrl.connect(url, info);
        }
        BrookUrl target = BrookUrl.parse(url);
        JvmFlags.check();
        Properties properties = new Properties();
        if (info != null) {
            properties.putAll(info);
        }
        properties.putAll(target.properties());
        properties.setProperty(EmbeddedSessions.URL_PROPERTY, url);
        AvaticaConnection connection = factory.newConnection(this, factory, url, properties);
        try {
            handler.onConnectionInit(connection);
            connection.openConnection();
        } catch (RuntimeException e) {
            SQLException failure = SqlErrors.translate(e);
            try {
                connection.close();
            } catch (SQLException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
        return connection;
    }
}
