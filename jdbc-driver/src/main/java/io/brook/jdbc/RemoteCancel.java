package io.brook.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;

/**
 * Gives the statements of a {@code jdbc:brook:remote:} connection a {@code cancel()} that reaches
 * the server: Avatica's protocol has no cancel request, so the statement's handle is posted to
 * {@code POST /brook/v1/cancel}, which stops the running query there (code 394 for the reader,
 * Python code interrupted, deinit run). Everything else goes to Avatica's own objects unchanged.
 */
final class RemoteCancel {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String server;
    private final String authorization;

    private RemoteCancel(String server, String user, String password) {
        this.server = server;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code connection} (an Avatica remote connection to {@code server}) with cancel reaching the server. */
    static Connection wrap(Connection connection, String server, String user, String password) {
        RemoteCancel cancel = new RemoteCancel(server, user, password);
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(RemoteCancel.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(connection, method, arguments);
                    return switch (method.getName()) {
                        case "createStatement" -> cancel.statement((Statement) result, Statement.class, self[0]);
                        case "prepareStatement" -> cancel.statement((Statement) result, PreparedStatement.class, self[0]);
                        case "prepareCall" -> cancel.statement((Statement) result, CallableStatement.class, self[0]);
                        default -> result;
                    };
                });
        return self[0];
    }

    private Object statement(Statement statement, Class<? extends Statement> type, Connection connection) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("cancel") && method.getParameterCount() == 0) {
                cancelOnServer(statement);
            }
            if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                return connection;
            }
            return invoke(statement, method, arguments);
        };
        return Proxy.newProxyInstance(RemoteCancel.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private void cancelOnServer(Statement statement) throws SQLException {
        AvaticaStatement avatica = statement.unwrap(AvaticaStatement.class);
        AvaticaConnection connection = statement.getConnection().unwrap(AvaticaConnection.class);
        String body = "{\"connection_id\": \"" + connection.id + "\", \"statement_id\": " + avatica.getId() + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/brook/v1/cancel"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SQLException("The server refused to cancel: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot reach the Brook server at " + server + " to cancel: " + e.getMessage(), "08006", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while cancelling", e);
        }
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
