package io.brook.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.external.EngineServices.LocalApiUser;
import io.brook.jdbc.meta.BrookMeta;
import io.brook.jdbc.meta.FacadeSession;
import io.brook.server.auth.Authenticator;
import io.brook.server.auth.UserFile;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code brook server}: one engine on a data directory served over HTTP on one port, Avatica's
 * protocol (protobuf and JSON) over {@code LocalService(BrookMeta)} ({@link WireService}) for JDBC clients and Brook's
 * REST API beside it (SPEC 5.2). The engine's local API user (SPEC 5.3) is made at start, held
 * in memory only and accepted like any user. JDBC connections left without a request for the
 * client timeout are closed and their queries stopped.
 */
public final class BrookServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrookServer.class);
    /** The longest a fetch waits for a row before answering with an empty frame that is not the last. */
    private static final Duration LONGEST_FETCH_WAIT = Duration.ofSeconds(1);

    private final ServerOptions options;
    private final Engine engine;
    private final BrookMeta meta;
    private final Server jetty;
    private final ScheduledExecutorService reaper;
    private final String host;
    private volatile boolean closed;

    private BrookServer(ServerOptions options, Engine engine, BrookMeta meta, Server jetty,
                        ScheduledExecutorService reaper, String host) {
        this.options = options;
        this.engine = engine;
        this.meta = meta;
        this.jetty = jetty;
        this.reaper = reaper;
        this.host = host;
    }

    /** Opens the engine and starts serving; a failure leaves nothing running. */
    public static BrookServer start(ServerOptions options) {
        var users = options.users() == null ? null : UserFile.read(options.users());
        String bind = options.bind() == null ? "127.0.0.1" : options.bind();
        if (users == null && !isLoopback(bind)) {
            LOG.warn("No users file: listening on 127.0.0.1 only, without authentication (give --users to listen on {})",
                    bind);
            bind = "127.0.0.1";
        }
        Engine engine = Engine.open(EngineConfig.file(options.data()));
        Server jetty = null;
        ScheduledExecutorService reaper = null;
        try {
            LocalApiUser local = engine.enableLocalApiUser();
            Authenticator authenticator = Authenticator.of(users, local.user(), local.password());
            BrookMeta meta = new BrookMeta(properties -> new FacadeSession(engine, engine.openSession(properties), () -> {
            }), LONGEST_FETCH_WAIT);
            ObjectMapper mapper = new ObjectMapper();
            ServerHandler handler = new ServerHandler(authenticator, new AvaticaEndpoint(ErrorTranslatingService.wrap(new WireService(meta))),
                    new IngestEndpoint(engine, mapper), new QueryEndpoint(engine, mapper), meta, mapper,
                    options.maxRequestBytes());
            QueuedThreadPool threads = new QueuedThreadPool(256, 8);
            threads.setName("brook-http");
            jetty = new Server(threads);
            ServerConnector connector = connector(jetty, options);
            connector.setHost(bind);
            connector.setPort(options.port());
            jetty.addConnector(connector);
            jetty.setHandler(handler);
            jetty.setStopAtShutdown(false);
            jetty.start();
            reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "brook-idle-clients");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(100, Math.min(1000, options.clientTimeout().toMillis() / 4));
            reaper.scheduleWithFixedDelay(() -> {
                int closed = meta.closeIdleConnections(options.clientTimeout());
                if (closed > 0) {
                    LOG.info("Closed {} JDBC connection(s) idle for {} s", closed, options.clientTimeout().toSeconds());
                }
            }, period, period, TimeUnit.MILLISECONDS);
            BrookServer server = new BrookServer(options, engine, meta, jetty, reaper, bind);
            LOG.info("Brook server started on {} (data {}, {}{})", server.httpUrl(), options.data().toAbsolutePath(),
                    users == null ? "no authentication" : users.size() + " user(s)", options.tlsKeystore() == null ? "" : ", TLS");
            return server;
        } catch (Exception e) {
            LOG.error("Brook server failed to start: {}", e.toString());
            if (reaper != null) {
                reaper.shutdownNow();
            }
            if (jetty != null) {
                try {
                    jetty.stop();
                } catch (Exception stop) {
                    e.addSuppressed(stop);
                }
            }
            engine.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ServerConnector connector(Server jetty, ServerOptions options) {
        if (options.tlsKeystore() == null) {
            return new ServerConnector(jetty);
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(options.tlsKeystore().toAbsolutePath().toString());
        tls.setKeyStorePassword(options.tlsPassword() == null ? "" : options.tlsPassword());
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer());
        return new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The port served, the chosen one when the options said 0. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://host:port} (or https). */
    public String httpUrl() {
        return (options.tlsKeystore() == null ? "http" : "https") + "://" + host + ":" + port();
    }

    /** The JDBC URL for Brook's driver: {@code jdbc:brook:remote:http://host:port}. */
    public String jdbcUrl() {
        return "jdbc:brook:remote:" + httpUrl();
    }

    /** The engine behind the server, for embedding applications and tests. */
    public Engine engine() {
        return engine;
    }

    /** JDBC connections open now. */
    public int openConnections() {
        return meta.openConnections();
    }

    /** Stops taking requests, closes every connection (their queries stop), then the engine (views checkpoint). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reaper.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Stopping HTTP failed: {}", e.toString());
        }
        meta.closeIdleConnections(Duration.ZERO);
        engine.close();
        LOG.info("Brook server stopped");
    }
}
