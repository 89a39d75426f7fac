/**
 * Direct quotes: found in every quotation-mark style with their speakers ({@link
 * org.storytrace.core.quote.QuoteFinder}, an article stage), then grouped across the articles of a story
 * with a word-level comparison of each wording ({@link org.storytrace.core.quote.QuoteGrouper}).
 */
package org.storytrace.core.quote;
