package org.storytrace.engine.internal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Article ids in arrival order, held as UTF-8 bytes in 1 MB slabs: about 5 bytes an id beyond its characters,
 * where a {@code List<String>} holds about 40 (a million articles: ~15 MB instead of ~50 MB). A {@link String}
 * is made on each {@link #get}. Append-only; not thread-safe for appends, reads see every completed append
 * once the appending thread's writes are visible (the engine reads after a drain).
 */
public final class IdList extends AbstractList<String> implements RandomAccess {
    private static final int SLAB_BITS = 20, SLAB = 1 << SLAB_BITS;
    private byte[][] slabs = new byte[0][];
    private int[] starts = new int[1024]; // slab << SLAB_BITS | offset of each id's length prefix
    private int size, slab = -1, fill = SLAB;

    /** Appends {@code id}; returns true. */
    @Override public boolean add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int need = b.length + (b.length < 0x80 ? 1 : b.length < 0x4000 ? 2 : 3);
        if (need > SLAB) throw new IllegalArgumentException("an id of " + b.length + " bytes is too long");
        if (fill + need > SLAB) {
            slab++;
            if (slab >= 1 << (31 - SLAB_BITS)) throw new IllegalStateException("more than 2 GB of ids");
            slabs = Arrays.copyOf(slabs, slab + 1);
            slabs[slab] = new byte[SLAB];
            fill = 0;
        }
        if (size == starts.length) starts = Arrays.copyOf(starts, size + (size >> 1));
        starts[size++] = slab << SLAB_BITS | fill;
        byte[] s = slabs[slab];
        int n = b.length;
        while (n >= 0x80) { s[fill++] = (byte) (n | 0x80); n >>>= 7; }
        s[fill++] = (byte) n;
        System.arraycopy(b, 0, s, fill, b.length);
        fill += b.length;
        modCount++;
        return true;
    }

    @Override public String get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("id " + i + " of " + size);
        int at = starts[i];
        byte[] s = slabs[at >>> SLAB_BITS];
        int p = at & (SLAB - 1), n = 0, shift = 0;
        byte x;
        do { x = s[p++]; n |= (x & 0x7f) << shift; shift += 7; } while (x < 0);
        return new String(s, p, n, StandardCharsets.UTF_8);
    }

    @Override public int size() { return size; }

    /** Heap bytes held. */
    public long memoryBytes() { return (long) slabs.length * SLAB + starts.length * 4L; }
}
