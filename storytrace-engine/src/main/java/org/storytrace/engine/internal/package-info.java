/** The engine's work files and their encodings. Internal: do not depend on it. */
package org.storytrace.engine.internal;
