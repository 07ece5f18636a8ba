package io.brook.connector.timeplus;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.net.URI;

/** One {@code host:port} of the {@code hosts} setting: a Brook server holding one shard of the stream. */
public record RemoteHost(String host, int port, boolean secure) {

    /** Parses {@code host[:port]} ({@code [v6-address]:port} for IPv6); the port defaults to 8765. */
    static RemoteHost parse(String text, boolean secure) {
        if (text.isEmpty()) {
            throw invalid(text, "an empty entry");
        }
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon < 0 || bracketed && colon < text.indexOf(']')) {
            return new RemoteHost(text, TimeplusSettings.DEFAULT_PORT, secure);
        }
        String host = text.substring(0, colon);
        if (host.isEmpty()) {
            throw invalid(text, "no host name");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(text, "a port that is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw invalid(text, "a port outside 1-65535");
        }
        return new RemoteHost(host, port, secure);
    }

    private static BrookException invalid(String text, String problem) {
        return new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                "Invalid host '" + text + "' in setting `hosts` (" + problem + "): expected host:port[,host:port...]");
    }

    URI uri(String path) {
        return URI.create((secure ? "https://" : "http://") + host + ":" + port + path);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
