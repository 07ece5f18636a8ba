package io.brook.python.runtime;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonConfigTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsAreOneContextPerCoreConsoleOutputThreadsAndNetwork() {
        PythonConfig config = PythonConfig.from(properties());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.poolSize());
        assertEquals(PythonConfig.Output.CONSOLE, config.output());
        assertTrue(config.allowThreads());
        assertTrue(config.allowNetwork());
    }

    @Test
    void settingsAreRead() {
        PythonConfig config = PythonConfig.from(properties("brook.python.pool_size", "5", "brook.python.output", "LOG",
                "brook.python.allow_threads", "false", "brook.python.allow_network", "false"));
        assertEquals(new PythonConfig(5, PythonConfig.Output.LOG, false, false), config);
    }

    @Test
    void badValuesAreCode471AndSayWhatIsExpected() {
        BrookException pool = assertThrows(BrookException.class,
                () -> PythonConfig.from(properties("brook.python.pool_size", "-1")));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, pool.code());
        assertTrue(pool.text().contains("0 or more"), pool.text());
        BrookException output = assertThrows(BrookException.class,
                () -> PythonConfig.from(properties("brook.python.output", "file")));
        assertEquals("Invalid brook.python.output 'file': expected console or log", output.text());
        assertThrows(BrookException.class, () -> PythonConfig.from(properties("brook.python.allow_network", "yes")));
    }
}
