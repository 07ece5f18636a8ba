package io.brook.connector.timeplus;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a {@code type='timeplus'} external stream (SPEC 4.4), checked with the SPEC's
 * texts: {@code hosts} ('h1:p1,h2:p2', each host a shard), {@code db}, {@code user},
 * {@code password}, {@code secure} and {@code stream}.
 */
public record TimeplusSettings(List<RemoteHost> hosts, String database, String user, String password,
                               boolean secure, String stream) {
    /** The port of a host written without one: the port {@code brook server} listens on by default. */
    public static final int DEFAULT_PORT = 8765;
    static final Set<String> KNOWN = Set.of("type", "hosts", "db", "user", "password", "secure", "stream");

    public TimeplusSettings {
        hosts = List.copyOf(hosts);
    }

    public static TimeplusSettings of(Map<String, String> settings) {
        ExternalSettings.checkKnown(settings, KNOWN);
        String hostList = settings.getOrDefault("hosts", "").strip();
        if (hostList.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Setting `hosts` cannot be empty.");
        }
        String stream = settings.getOrDefault("stream", "").strip();
        if (stream.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Setting `stream` cannot be empty.");
        }
        boolean secure = ExternalSettings.bool("secure", settings.getOrDefault("secure", "false"));
        List<RemoteHost> hosts = new ArrayList<>();
        for (String host : hostList.split(",", -1)) {
            RemoteHost parsed = RemoteHost.parse(host.strip(), secure);
            if (hosts.contains(parsed)) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                        "Host " + host.strip() + " appears twice in setting `hosts`");
            }
            hosts.add(parsed);
        }
        String database = settings.getOrDefault("db", "default").strip();
        return new TimeplusSettings(hosts, database.isEmpty() ? "default" : database,
                settings.getOrDefault("user", "default"), settings.getOrDefault("password", ""), secure, stream);
    }

    /** True when requests carry credentials: the remote has users, or a password was given. */
    boolean authenticates() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "TimeplusSettings[" + hosts + ", db=" + database + ", user=" + user + ", password hidden, secure="
                + secure + ", stream=" + stream + "]";
    }
}
