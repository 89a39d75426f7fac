package org.storytrace.ingest.read;

import org.storytrace.core.model.Rejection;

/** What a reader made of one record: a {@link Page}, or the rejection that says why there is none. */
public sealed interface Parsed permits Page, Parsed.Rejected {
    /** A record that could not be read, with the reason. */
    record Rejected(Rejection rejection) implements Parsed {
        public Rejected {
            if (rejection == null) throw new IllegalArgumentException("a rejected record needs its rejection");
        }
    }

    static Parsed rejected(String origin, String position, String reason) { return new Rejected(new Rejection(origin, position, reason)); }
}
