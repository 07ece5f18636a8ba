package io.brook.engine.window;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.brook.engine.window.WindowSql.rows;
import static io.brook.engine.window.WindowSql.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TumbleQueryTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.memory("tumble"));
        session = engine.openSession(Map.of());
        run(session, "CREATE STREAM m (host string, v float64, ts datetime64(3, 'UTC'))");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void boundedTumbleGroupsStoredRowsByWindowAndKey() {
        run(session, "INSERT INTO m (host, v, ts) VALUES ('a', 1, '2026-01-01 00:00:01'), ('b', 2, '2026-01-01 00:00:04'),"
                + " ('a', 3, '2026-01-01 00:00:05'), ('a', 4, '2026-01-01 00:00:09.999'), ('b', 5, '2026-01-01 00:00:12')");
        assertEquals(List.of(
                        "2026-01-01T00:00:00Z|2026-01-01T00:00:05Z|a|1|1.0",
                        "2026-01-01T00:00:00Z|2026-01-01T00:00:05Z|b|1|2.0",
                        "2026-01-01T00:00:05Z|2026-01-01T00:00:10Z|a|2|7.0",
                        "2026-01-01T00:00:10Z|2026-01-01T00:00:15Z|b|1|5.0"),
                rows(session, "SELECT window_start, window_end, host, count(), sum(v) FROM tumble(table(m), ts, 5s)"
                        + " GROUP BY window_start, host"));
    }
}
