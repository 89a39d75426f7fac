package org.storytrace.core.model;

import java.io.Serializable;

/**
 * An input that could not be read as an article, and why, in words a user understands.
 *
 * @param path     the file or URI
 * @param position where the problem was seen (e.g. "byte 1024"), or null when it concerns the whole input
 * @param reason   what is wrong with it
 */
public record Rejection(String path, String position, String reason) implements Serializable {
    public Rejection {
        if (path == null || reason == null) throw new IllegalArgumentException("a rejection needs a path and a reason");
    }
}
