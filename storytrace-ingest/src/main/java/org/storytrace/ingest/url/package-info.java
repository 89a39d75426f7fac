/** URL canonicalisation and the metadata URLs carry. */
package org.storytrace.ingest.url;
