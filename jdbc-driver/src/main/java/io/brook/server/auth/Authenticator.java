package io.brook.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP BASIC credentials against the users file and the engine's local API user (SPEC
 * 5.3). With no users file every request is let in (the server then listens on loopback only).
 * A password that matched once is remembered as its SHA-256, so the slow hash runs once per
 * user and password, not once per request.
 */
public final class Authenticator {
    private final Map<String, PasswordHash> users;
    private final String localUser;
    private final byte[] localPassword;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    private Authenticator(Map<String, PasswordHash> users, String localUser, String localPassword) {
        this.users = users;
        this.localUser = localUser;
        this.localPassword = localPassword == null ? null : localPassword.getBytes(StandardCharsets.UTF_8);
    }

    /** Users from a users file (null: no authentication) plus the local API user, if any. */
    public static Authenticator of(Map<String, PasswordHash> users, String localUser, String localPassword) {
        return new Authenticator(users == null ? null : Map.copyOf(users), localUser, localPassword);
    }

    public boolean required() {
        return users != null;
    }

    /**
     * The user an {@code Authorization} header names when its credentials are right; empty when
     * they are wrong or missing and authentication is required.
     */
    public Optional<String> check(String authorization) {
        Optional<String[]> credentials = basic(authorization);
        if (credentials.isPresent() && localUser != null && localUser.equals(credentials.get()[0])
                && MessageDigest.isEqual(localPassword, credentials.get()[1].getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(localUser);
        }
        if (users == null) {
            return Optional.of(credentials.map(pair -> pair[0]).orElse("default"));
        }
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        String user = credentials.get()[0];
        PasswordHash hash = users.get(user);
        if (hash == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(credentials.get()[1]);
        byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return Optional.of(user);
        }
        if (hash.matches(credentials.get()[1].toCharArray())) {
            verified.put(user, digest);
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
