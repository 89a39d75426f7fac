/**
 * The engine: one closeable object that owns ingest, the article stages, link and the story stage, their
 * threads and work files, and hands its {@link org.storytrace.engine.Results} to the writers. Every entry
 * point (command line, benchmark, evaluations, server) runs the stages through it.
 */
package org.storytrace.engine;
