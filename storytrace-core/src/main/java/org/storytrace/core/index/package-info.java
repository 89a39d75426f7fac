/** Candidate generation without all-pairs comparison: LSH over signatures and an inverted index of sampled shingles. */
package org.storytrace.core.index;
