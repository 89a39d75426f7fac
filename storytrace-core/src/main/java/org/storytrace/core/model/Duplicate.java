package org.storytrace.core.model;

import java.io.Serializable;

/**
 * An input recognised as an exact duplicate of an article already read, and not processed again.
 *
 * @param path   where the duplicate was read from (with its record position, if any)
 * @param of     the id of the article it duplicates
 * @param reason {@code "same canonical URL"} or {@code "same body"}
 */
public record Duplicate(String path, String of, String reason) implements Serializable {}
