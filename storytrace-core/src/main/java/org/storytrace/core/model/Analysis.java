package org.storytrace.core.model;

import java.util.List;

/** Everything one run found: the articles read, their stories, the links between them, what was rejected and what was a duplicate. */
public record Analysis(List<Article> articles, List<Story> stories, List<Link> links, List<Rejection> rejections,
        List<Duplicate> duplicates) {
    public Analysis {
        articles = List.copyOf(articles);
        stories = List.copyOf(stories);
        links = List.copyOf(links);
        rejections = List.copyOf(rejections);
        duplicates = List.copyOf(duplicates);
    }
}
