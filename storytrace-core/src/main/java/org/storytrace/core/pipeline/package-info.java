/** The pipeline that wires the link and cluster stages, fed one article at a time. */
package org.storytrace.core.pipeline;
