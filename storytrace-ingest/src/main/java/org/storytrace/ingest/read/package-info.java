/** Readers per input format (single pages, WARC/WET, RSS/Atom, JSON Lines), each turning bytes into pages or rejections. */
package org.storytrace.ingest.read;
