package io.brook.engine.chunk;

import org.apache.arrow.vector.FieldVector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reference count shared by a chunk and the chunks derived from it. When the last reference
 * goes, the vectors this memory owns are closed and the parent memory (whose vectors a derived
 * chunk reuses) is released.
 */
final class ChunkMemory {
    private final FieldVector[] owned;
    private final ChunkMemory parent;
    private final AtomicInteger references = new AtomicInteger(1);

    private ChunkMemory(FieldVector[] owned, ChunkMemory parent) {
        this.owned = owned;
        this.parent = parent;
    }

    static ChunkMemory owning(FieldVector[] owned, ChunkMemory parent) {
        return new ChunkMemory(owned, parent);
    }

    ChunkMemory retain() {
        if (references.getAndIncrement() <= 0) {
            references.decrementAndGet();
            throw new IllegalStateException("Chunk used after it was closed");
        }
        return this;
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            for (FieldVector vector : owned) {
                vector.close();
            }
            if (parent != null) {
                parent.release();
            }
        } else if (left < 0) {
            throw new IllegalStateException("Chunk closed more often than it was retained");
        }
    }
}
