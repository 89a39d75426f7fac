/** Writers of a run's results: the stories.json contract and the HTML report. */
package org.storytrace.app.report;
