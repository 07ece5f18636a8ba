package io.brook.engine.view;

import java.util.Locale;

/** What a materialized view is doing, as {@code system.materialized_views} shows it. */
enum ViewState {
    /** Its query runs into its target. */
    RUNNING,
    /** Stopped at a checkpoint by SYSTEM PAUSE or {@code pause_on_start}. */
    PAUSED,
    /** The last run failed; it waits before retrying from its last checkpoint. */
    ERROR,
    /** Retrying: reading again from its last checkpoint up to where the failed run got. */
    RECOVERING,
    /** Its source ended (only an external source can); it starts again when the engine reopens. */
    FINISHED;

    /** The lower-case name users see. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
