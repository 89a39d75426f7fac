package org.storytrace.core.index;

import java.util.Arrays;

/** A growable list of primitive ints, reused across calls to avoid allocation in hot loops. */
public final class IntBuffer {
    private int[] data = new int[16];
    private int size;

    public void clear() { size = 0; }
    public int size() { return size; }
    public int get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException("index " + i + " of " + size);
        return data[i];
    }
    public void add(int v) {
        if (size == data.length) data = Arrays.copyOf(data, size * 2);
        data[size++] = v;
    }
    public int[] toArray() { return Arrays.copyOf(data, size); }
}
