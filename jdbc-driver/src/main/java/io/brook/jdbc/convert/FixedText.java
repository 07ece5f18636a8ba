package io.brook.jdbc.convert;

import java.nio.charset.StandardCharsets;

/**
 * fixed_string(N) stores N bytes, zero-padded. JDBC users (and BI tools) expect the text
 * without the padding, so trailing zero bytes are dropped before decoding as UTF-8.
 */
final class FixedText {
    private FixedText() {
    }

    static String decode(byte[] bytes) {
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
