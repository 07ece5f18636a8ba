package io.brook.engine.function.aggregate;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The byte layout of aggregate state checkpoints: a tag naming the state's kind, then length-
 * prefixed sections (each an off-heap array's bytes). The tag catches restoring a checkpoint
 * into a different aggregate.
 */
public final class StateBytes {
    private StateBytes() {
    }

    public static byte[] write(String tag, byte[]... sections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream output = new DataOutputStream(bytes)) {
            output.writeUTF(tag);
            output.writeInt(sections.length);
            for (byte[] section : sections) {
                output.writeInt(section.length);
                output.write(section);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[][] read(String tag, byte[] data) {
        try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(data))) {
            String found = input.readUTF();
            if (!found.equals(tag)) {
                throw new BrookException(ErrorCode.LOGICAL_ERROR, "Checkpoint holds " + found + " state, expected " + tag);
            }
            byte[][] sections = new byte[input.readInt()][];
            for (int index = 0; index < sections.length; index++) {
                sections[index] = new byte[input.readInt()];
                input.readFully(sections[index]);
            }
            return sections;
        } catch (IOException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Corrupt aggregate checkpoint: " + e.getMessage(), e);
        }
    }
}
