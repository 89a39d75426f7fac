package org.storytrace.core.model;

import java.util.List;

/**
 * Verified reuse between two articles.
 *
 * @param similarity     estimated Jaccard similarity of their word-shingle sets
 * @param reusedShareA   share of a's body characters inside passages it shares with b
 * @param reusedShareB   the same for b
 * @param direction      {@code "a->b"} when a was published first (b reused a), {@code "b->a"} the reverse,
 *                       null when the dates cannot tell
 */
public record Link(String a, String b, double similarity, double reusedShareA, double reusedShareB, String direction,
                   List<Passage> passages) implements java.io.Serializable {
    public Link {
        if (a.equals(b)) throw new IllegalArgumentException("an article cannot link to itself: " + a);
        passages = List.copyOf(passages);
    }

    /** Links in the fixed order of the outputs: by first article id, then second. */
    public static List<Link> inOutputOrder(List<Link> links) {
        List<Link> sorted = new java.util.ArrayList<>(links);
        sorted.sort((x, y) -> x.a().equals(y.a()) ? x.b().compareTo(y.b()) : x.a().compareTo(y.a()));
        return sorted;
    }
}
