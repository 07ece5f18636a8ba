package io.brook.storage.log;

/**
 * An entry header as stored: the part readers see ({@link EntryHeader}) plus what the log itself
 * needs to account for size and to check the body.
 *
 * @param entry        the public header
 * @param byteOffset   bytes of all entries appended to the stream before this one
 * @param bodyLength   bytes of the encoded rows
 * @param bodyChecksum CRC32C of the encoded rows
 */
record StoredHeader(EntryHeader entry, long byteOffset, int bodyLength, int bodyChecksum) {

    long firstSn() {
        return entry.firstSn();
    }

    long endSn() {
        return entry.endSn();
    }

    long entryBytes() {
        return EntryFormat.HEADER_BYTES + (long) bodyLength;
    }

    long endByteOffset() {
        return byteOffset + entryBytes();
    }
}
