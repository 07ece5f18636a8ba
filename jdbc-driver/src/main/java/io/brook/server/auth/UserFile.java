package io.brook.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's users: one line per user, {@code name:pbkdf2-sha256:<iterations>:<salt>:<hash>};
 * blank lines and lines starting with {@code #} are ignored. Written by {@code brook users add}
 * with permissions {@code rw-------} where the file system has them.
 */
public final class UserFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]+");

    private UserFile() {
    }

    /** The users of {@code file}; a clear {@link IllegalArgumentException} names a bad line. */
    public static Map<String, PasswordHash> read(Path file) {
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file + ": " + e.getMessage(), e);
        }
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(file + " line " + (index + 1) + ": expected name:" + PasswordHash.SCHEME + ":...");
            }
            try {
                users.put(line.substring(0, colon), PasswordHash.parse(line.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (index + 1) + ": " + e.getMessage(), e);
            }
        }
        return users;
    }

    /** Adds {@code name} to {@code file} (made if missing), or replaces its password. */
    public static void put(Path file, String name, char[] password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name is letters, digits and _ . @ - only: " + name);
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("The password is empty");
        }
        Map<String, PasswordHash> users = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        users.put(name, PasswordHash.of(password));
        List<String> lines = new ArrayList<>();
        lines.add("# Brook server users: name:" + PasswordHash.SCHEME + ":<iterations>:<salt>:<hash>");
        users.forEach((user, hash) -> lines.add(user + ":" + hash.text()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path temporary = Files.createTempFile(parent, ".users", ".tmp");
            try {
                restrict(temporary);
                Files.write(temporary, lines, StandardCharsets.UTF_8);
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the users file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
    }
}
