package org.storytrace.ingest;

import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Rejection;

/** What a test run of the ingestor produced. */
final class Collected implements Ingestor.Listener {
    final List<Article> articles = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<Duplicate> duplicates = new ArrayList<>();

    @Override public void accepted(Article a) { articles.add(a); }
    @Override public void rejected(Rejection r) { rejections.add(r); }
    @Override public void duplicate(Duplicate d) { duplicates.add(d); }

    static Collected run(Ingestor in, List<String> specs) {
        Collected c = new Collected();
        in.readAll(specs, c);
        return c;
    }

    List<String> ids() { return articles.stream().map(Article::id).toList(); }

    boolean rejectedFor(String file, String words) {
        return rejections.stream().anyMatch(r -> r.path().endsWith(file) && r.reason().contains(words));
    }
}
