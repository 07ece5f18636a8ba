package io.brook.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {
    private static final CatalogEntry STREAM = new CatalogEntry("stream", "clicks",
            "CREATE STREAM clicks (url string, \"quoted\" int)\nSETTINGS logstore_retention_ms=1000",
            Map.of("logstore_retention_ms", "1000"));
    private static final CatalogEntry VIEW = new CatalogEntry("view", "clicks", "CREATE VIEW clicks AS SELECT 1");
    private static final CatalogEntry FUNCTION = new CatalogEntry("function", "add_one", "CREATE FUNCTION add_one ...");

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyCatalog() {
        assertEquals(List.of(), CatalogStore.open(dir.resolve("catalog.json")).entries());
    }

    @Test
    void entriesSurviveReopeningInInsertionOrder() {
        Path file = dir.resolve("catalog.json");
        CatalogStore store = CatalogStore.open(file);
        store.put(STREAM);
        store.put(VIEW); // same name, other kind: a separate entry
        store.put(FUNCTION);
        assertEquals(List.of(STREAM, VIEW, FUNCTION), store.entries());
        assertEquals(List.of(STREAM, VIEW, FUNCTION), CatalogStore.open(file).entries());
    }

    @Test
    void putReplacesTheEntryOfTheSameKindAndNameWhereItStands() {
        Path file = dir.resolve("catalog.json");
        CatalogStore store = CatalogStore.open(file);
        store.put(STREAM);
        store.put(FUNCTION);
        CatalogEntry altered = new CatalogEntry("stream", "clicks", "CREATE STREAM clicks (url string)");
        store.put(altered);
        assertEquals(List.of(altered, FUNCTION), CatalogStore.open(file).entries());
    }

    @Test
    void removeDropsOnlyTheMatchingEntry() {
        Path file = dir.resolve("catalog.json");
        CatalogStore store = CatalogStore.open(file);
        store.put(STREAM);
        store.put(VIEW);
        assertTrue(store.remove("stream", "clicks"));
        assertFalse(store.remove("stream", "clicks"));
        assertFalse(store.remove("view", "other"));
        assertEquals(List.of(VIEW), CatalogStore.open(file).entries());
    }

    @Test
    void propertiesKeepTheirOrder() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("z", "1");
        properties.put("a", "2");
        properties.put("m", "");
        Path file = dir.resolve("catalog.json");
        CatalogStore.open(file).put(new CatalogEntry("external_stream", "e", "def", properties));
        Map<String, String> reloaded = CatalogStore.open(file).entries().getFirst().properties();
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(reloaded.keySet()));
        assertEquals(properties, reloaded);
    }

    @Test
    void aCorruptFileFailsNamingTheFile() throws IOException {
        Path file = dir.resolve("catalog.json");
        for (String content : List.of("{\"version\":1,\"entries\":[{\"kind\":", "[]", "{\"version\":1,\"entries\":[{\"kind\":\"stream\"}]}")) {
            Files.writeString(file, content);
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> CatalogStore.open(file));
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        }
    }

    @Test
    void concurrentChangesAreAllKept() throws Exception {
        Path file = dir.resolve("catalog.json");
        CatalogStore store = CatalogStore.open(file);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                puts.add(threads.submit(() -> store.put(new CatalogEntry("stream", "s" + n, "CREATE STREAM s" + n))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        }
        assertEquals(40, CatalogStore.open(file).entries().size());
    }
}
