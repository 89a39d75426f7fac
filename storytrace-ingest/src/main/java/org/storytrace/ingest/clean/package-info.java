/** Cleaning of pages saved as plain text: body versus page furniture, and the metadata the text proves. */
package org.storytrace.ingest.clean;
