/** Language identification of article bodies. */
package org.storytrace.ingest.lang;
