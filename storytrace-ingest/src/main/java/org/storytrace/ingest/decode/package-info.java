/** Bytes to text with the character encoding detected, binary data refused. */
package org.storytrace.ingest.decode;
