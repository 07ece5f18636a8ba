package io.brook.jdbc.meta;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LikePatternTest {

    @Test
    void percentUnderscoreAndEscapes() {
        assertTrue(LikePattern.of(null).matches("anything"));
        assertTrue(LikePattern.of("%").matches(""));
        assertTrue(LikePattern.of("ev%").matches("events"));
        assertFalse(LikePattern.of("ev%").matches("Events"));
        assertTrue(LikePattern.of("e_ents").matches("events"));
        assertFalse(LikePattern.of("e_ents").matches("eents"));
        assertTrue(LikePattern.of("\\_tp\\_time").matches("_tp_time"));
        assertFalse(LikePattern.of("\\_tp\\_time").matches("xtpxtime"));
        assertTrue(LikePattern.of("a.b*c").matches("a.b*c"));
        assertFalse(LikePattern.of("a.b*c").matches("axbbc"));
    }
}
