/** Sentence embeddings that run offline, for grouping rewrites that share few word runs. */
package org.storytrace.nlp.embed;
