/** The model that passes between stages, as immutable records. */
package org.storytrace.core.model;
