/**
 * The triage engine: from a run's artifacts to a {@link dev.dbttriage.triage.TriageReport} of root causes,
 * each with its attributed symptoms, diagnosis, blast radius, history and the runbook's triage record, and the
 * renderers that print it as text, Markdown, JSON or JUnit XML.
 */
package dev.dbttriage.triage;
