package io.brook.engine.plan;

import io.brook.engine.types.BrookType;

/**
 * A column visible to expressions at one point of a plan: its qualifier (stream name or alias,
 * may be null), name, type, and whether {@code SELECT *} includes it (virtual columns such as
 * {@code _tp_sn} are selected only by name).
 */
public record ScopeColumn(String qualifier, String name, BrookType type, boolean inStar) {
}
