/** Ingest: files to articles (clean body, furniture spans, title, date, outlet, author), bad input to rejections. */
package org.storytrace.ingest;
