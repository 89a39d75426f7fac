package org.storytrace.ingest.clean;

import java.time.LocalDate;
import java.util.List;
import org.storytrace.core.model.Span;

/** What {@link TextPageCleaner} found in one page: metadata, the body's bounds and the furniture spans. */
public record CleanPage(String title, LocalDate published, String publishedEvidence, String source, String author,
                        int bodyStart, int bodyEnd, List<Span> boilerplate, List<String> tags) {
    public CleanPage {
        boilerplate = List.copyOf(boilerplate);
        tags = List.copyOf(tags);
    }
}
