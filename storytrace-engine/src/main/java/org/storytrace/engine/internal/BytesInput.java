package org.storytrace.engine.internal;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * {@link DataInput} over a byte array, big-endian as {@link DataInputStream} reads it, for decoding the engine's
 * records. Why not {@code new DataInputStream(new ByteArrayInputStream(b))}: that reads an int as four calls to
 * {@code ByteArrayInputStream.read()}, each synchronised, and the sentence layer alone is a hundred ints an
 * article; at 100k articles a quarter of the write phase's samples were in {@code DataInputStream.readInt}
 * (perf, session 27), listing the articles from their outlines. Not thread-safe; one per record.
 */
final class BytesInput implements DataInput {
    private final byte[] b;
    private int at;

    BytesInput(byte[] b) { this.b = b; }

    private int need(int n) throws EOFException {
        int from = at;
        if (n > b.length - from) throw new EOFException("the record ends at byte " + b.length + ", " + n + " more wanted at " + from);
        at = from + n;
        return from;
    }

    @Override public void readFully(byte[] out) throws IOException { readFully(out, 0, out.length); }

    @Override public void readFully(byte[] out, int off, int len) throws IOException {
        if (len < 0) throw new IndexOutOfBoundsException("negative length " + len);
        System.arraycopy(b, need(len), out, off, len);
    }

    @Override public int skipBytes(int n) {
        int k = Math.max(0, Math.min(n, b.length - at));
        at += k;
        return k;
    }

    @Override public boolean readBoolean() throws IOException { return b[need(1)] != 0; }

    @Override public byte readByte() throws IOException { return b[need(1)]; }

    @Override public int readUnsignedByte() throws IOException { return b[need(1)] & 0xff; }

    @Override public short readShort() throws IOException {
        int i = need(2);
        return (short) ((b[i] << 8) | (b[i + 1] & 0xff));
    }

    @Override public int readUnsignedShort() throws IOException {
        int i = need(2);
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    @Override public char readChar() throws IOException { return (char) readUnsignedShort(); }

    @Override public int readInt() throws IOException {
        int i = need(4);
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    @Override public long readLong() throws IOException {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    @Override public float readFloat() throws IOException { return Float.intBitsToFloat(readInt()); }

    @Override public double readDouble() throws IOException { return Double.longBitsToDouble(readLong()); }

    /**
     * The bytes up to the next {@code \n}, {@code \r} or {@code \r\n} (taken, not returned), each byte one character,
     * as {@link DataInputStream#readLine} reads them; null at the end. No record is written as lines; this is the
     * interface's whole contract.
     */
    @Override public String readLine() {
        if (at >= b.length) return null;
        StringBuilder line = new StringBuilder();
        while (at < b.length) {
            int c = b[at++] & 0xff;
            if (c == '\n') break;
            if (c == '\r') {
                if (at < b.length && b[at] == '\n') at++;
                break;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    @Override public String readUTF() throws IOException { return DataInputStream.readUTF(this); }

    /** Bytes not read yet. */
    int remaining() { return b.length - at; }
}
