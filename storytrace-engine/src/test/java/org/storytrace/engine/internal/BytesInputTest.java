package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's reader of records reads what {@link DataOutputStream} wrote, as {@link DataInputStream} does. */
class BytesInputTest {
    @Test
    void readsEveryTypeAsDataInputStreamDoes() throws Exception {
        Random r = new Random(27);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        int[] ints = new int[2000];
        long[] longs = new long[500];
        int[] edges = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 255, 256, -256};
        for (int i = 0; i < ints.length; i++) ints[i] = i < edges.length ? edges[i] : r.nextInt();
        for (int i = 0; i < longs.length; i++) longs[i] = i == 0 ? Long.MIN_VALUE : i == 1 ? -1 : r.nextLong();
        for (int x : ints) out.writeInt(x);
        for (long x : longs) out.writeLong(x);
        out.writeShort(-2);
        out.writeShort(65535);
        out.writeChar('\u00e9');
        out.writeByte(-128);
        out.writeBoolean(true);
        out.writeFloat(-1.5f);
        out.writeDouble(Math.PI);
        out.writeUTF("Kadhimi / Kazemi \u0627\u0644\u0643\u0627\u0638\u0645\u064a");
        out.write(new byte[] {1, 2, 3});
        byte[] b = bytes.toByteArray();
        DataInputStream want = new DataInputStream(new ByteArrayInputStream(b));
        BytesInput got = new BytesInput(b);
        for (int i = 0; i < ints.length; i++) assertEquals(want.readInt(), got.readInt(), "int " + i);
        for (int i = 0; i < longs.length; i++) assertEquals(want.readLong(), got.readLong(), "long " + i);
        assertEquals(want.readShort(), got.readShort());
        assertEquals(want.readUnsignedShort(), got.readUnsignedShort());
        assertEquals(want.readChar(), got.readChar());
        assertEquals(want.readByte(), got.readByte());
        assertEquals(want.readBoolean(), got.readBoolean());
        assertEquals(want.readFloat(), got.readFloat());
        assertEquals(want.readDouble(), got.readDouble());
        assertEquals(want.readUTF(), got.readUTF());
        byte[] w = new byte[3], g = new byte[3];
        want.readFully(w);
        got.readFully(g);
        assertArrayEquals(w, g);
        assertEquals(0, got.remaining());
    }

    @Test
    @SuppressWarnings("deprecation") // DataInputStream.readLine is the reference for the interface's contract
    void linesEndAtEachKindOfBreakAsDataInputStreamReadsThem() throws Exception {
        byte[] b = "one\ntwo\r\nthree\rfour\u00e9\n\nlast".getBytes(StandardCharsets.ISO_8859_1);
        DataInputStream want = new DataInputStream(new ByteArrayInputStream(b));
        BytesInput got = new BytesInput(b);
        for (String line = want.readLine(); line != null; line = want.readLine()) assertEquals(line, got.readLine());
        assertNull(got.readLine());
        assertEquals(List.of("one", "two", "three", "four\u00e9", "", "last"), lines(new BytesInput(b)));
    }

    private static List<String> lines(BytesInput in) {
        List<String> out = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) out.add(line);
        return out;
    }

    @Test
    void readingPastTheEndIsAnEndOfFileNamingWhere() throws Exception {
        BytesInput in = new BytesInput(new byte[] {0, 0, 0, 7, 1, 2});
        assertEquals(7, in.readInt());
        EOFException e = assertThrows(EOFException.class, in::readInt);
        assertTrue(e.getMessage().contains("ends at byte 6"), e.getMessage());
        assertThrows(EOFException.class, () -> in.readFully(new byte[3]));
        assertEquals(2, in.skipBytes(5), "what is left is skipped, no more");
        assertThrows(EOFException.class, in::readByte);
    }
}
