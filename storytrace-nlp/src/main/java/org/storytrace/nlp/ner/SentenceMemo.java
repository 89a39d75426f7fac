package org.storytrace.nlp.ner;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.storytrace.core.entity.Mention;

/**
 * The names found in sentences seen lately, by the sentence's exact text: a news archive repeats sentences
 * (a wire story reprinted by many outlets, an outlet's own boilerplate), and the CRF reads a sentence alone, so a
 * sentence met again has the same names at the same places within it. Direct-mapped (a slot a hash; a newcomer
 * replaces what held its slot), so a look-up is one array read and a string comparison, and the memory is
 * bounded: {@code slots} entries of sentences at most {@link #LONGEST} characters long. Thread-safe without locks:
 * entries are immutable and a slot is overwritten whole (a racing reader sees the old entry, the new one, or none).
 *
 * <p>Why not a cache library (Caffeine): its bookkeeping (frequency sketch, eviction queues) costs more than
 * the look-up it would save here, and what is lost when two sentences share a slot is one CRF run.
 */
final class SentenceMemo {
    /** Sentences longer than this are not kept (rarely repeated whole, and they would take the memory). */
    static final int LONGEST = 600;

    private record Entry(String sentence, List<Mention> names) { }

    private final Entry[] slots;
    private final LongAdder hits = new LongAdder(), misses = new LongAdder(); // counted on every thread: no shared counter to fight over

    /** A memo of {@code slots} entries (a power of two). */
    SentenceMemo(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) throw new IllegalArgumentException("slots must be a power of two: " + slots);
        this.slots = new Entry[slots];
    }

    /** The names stored for exactly this sentence (offsets within it), or null. */
    List<Mention> get(String sentence) {
        if (sentence.length() > LONGEST) return null;
        Entry e = slots[slot(sentence)];
        if (e != null && e.sentence.equals(sentence)) {
            hits.increment();
            return e.names;
        }
        misses.increment();
        return null;
    }

    /** Keeps {@code names} (offsets within the sentence, copied) for this sentence. */
    void put(String sentence, List<Mention> names) {
        if (sentence.length() > LONGEST) return;
        slots[slot(sentence)] = new Entry(sentence, List.copyOf(names));
    }

    private int slot(String sentence) {
        int h = sentence.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h & (slots.length - 1);
    }

    /** Look-ups that found their sentence. */
    long hits() { return hits.sum(); }

    /** Look-ups that did not (sentences too long to keep not counted). */
    long misses() { return misses.sum(); }
}
