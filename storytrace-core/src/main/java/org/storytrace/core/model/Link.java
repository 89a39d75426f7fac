package org.storytrace.core.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Verified reuse between two articles.
 *
 * @param similarity     estimated Jaccard similarity of their word-shingle sets
 * @param reusedShareA   share of a's body characters inside passages it shares with b
 * @param reusedShareB   the same for b
 * @param direction      {@link Direction#A_TO_B} when a was published first (b reused a), {@link Direction#B_TO_A}
 *                       the reverse, null when the dates cannot tell
 */
public record Link(String a, String b, double similarity, double reusedShareA, double reusedShareB, Direction direction,
                   List<Passage> passages) implements Serializable {
    public Link {
        if (a.equals(b)) throw new IllegalArgumentException("an article cannot link to itself: " + a);
        passages = List.copyOf(passages);
    }

    /** Which way the text went, by publication dates. */
    public enum Direction {
        /** a was published first: b reused a */
        A_TO_B("a->b"),
        /** b was published first: a reused b */
        B_TO_A("b->a");

        private final String label;

        Direction(String label) { this.label = label; }

        /** How the outputs write it: {@code "a->b"} or {@code "b->a"}. */
        public String label() { return label; }

        /** The label of a direction that may be unknown (null). */
        public static String labelOf(Direction d) { return d == null ? null : d.label; }
    }

    /** Links in the fixed order of the outputs: by first article id, then second. */
    public static List<Link> inOutputOrder(List<Link> links) {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(OUTPUT_ORDER);
        return sorted;
    }

    /** The order of the outputs: by the first article's id, then the second's. */
    public static final Comparator<Link> OUTPUT_ORDER =
            (x, y) -> x.a().equals(y.a()) ? x.b().compareTo(y.b()) : x.a().compareTo(y.a());

    /** {@code sorted} (in output order) with {@code more} put in their places: a few links added to many without sorting them all. */
    public static List<Link> mergedInOutputOrder(List<Link> sorted, List<Link> more) {
        List<Link> out = new ArrayList<>(sorted.size() + more.size());
        out.addAll(sorted);
        for (Link l : inOutputOrder(more)) {
            int i = Collections.binarySearch(out, l, OUTPUT_ORDER);
            out.add(i < 0 ? -i - 1 : i + 1, l);
        }
        return out;
    }
}
