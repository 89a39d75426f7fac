/** The storytrace command line: analyze and eval, over the same stages the server and Spark job use. */
package org.storytrace.app;
