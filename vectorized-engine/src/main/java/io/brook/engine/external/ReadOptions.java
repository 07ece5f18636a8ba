package io.brook.engine.external;

/**
 * How a query reads an external stream: bounded or streaming, and where to start
 * ({@code seek_to} from the query's settings, or null for the type's default).
 */
public record ReadOptions(boolean bounded, String seekTo) {
}
