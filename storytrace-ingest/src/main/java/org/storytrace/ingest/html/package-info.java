/** HTML pages: main text by readability4j on jsoup, and the metadata the markup declares. */
package org.storytrace.ingest.html;
