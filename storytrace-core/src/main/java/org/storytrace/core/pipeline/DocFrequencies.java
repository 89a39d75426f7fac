package org.storytrace.core.pipeline;

import java.util.Arrays;
import org.storytrace.core.index.LongIntMap;

/**
 * Document frequencies of the three kinds of story terms (words, name keys, headline words), counted one
 * item at a time as items arrive, so the story stage needs nothing but these counts and each item's own
 * terms to build its profile. About 16 bytes a distinct term. Not thread-safe: add from one thread.
 */
public final class DocFrequencies {
    private final Counts words = new Counts(), names = new Counts(), heads = new Counts();
    private int items;

    /** Counts one item's terms (each key once: the keys of {@link StoryGrouper.Terms} are distinct). */
    public void add(StoryGrouper.Terms t) {
        words.add(t.words());
        names.add(t.names());
        heads.add(t.heads());
        items++;
    }

    public int items() { return items; }
    public int words(long term) { return words.df(term); }
    public int names(long term) { return names.df(term); }
    public int heads(long term) { return heads.df(term); }

    /** Heap bytes held (the maps' arrays). */
    public long memoryBytes() { return words.bytes() + names.bytes() + heads.bytes(); }

    private static final class Counts {
        private LongIntMap ids = new LongIntMap(1024);
        private int[] dfs = new int[1024];
        private int terms;

        void add(long[] keys) {
            for (long h : keys) {
                int id = ids.putIfAbsent(h, terms);
                if (id == terms && ++terms > dfs.length) dfs = Arrays.copyOf(dfs, dfs.length * 2);
                dfs[id]++;
            }
        }

        int df(long term) {
            int id = ids.get(term, -1);
            return id < 0 ? 0 : dfs[id];
        }

        long bytes() { return ids.memoryBytes() + dfs.length * 4L; }
    }
}
