/**
 * The rescue planner: from a {@link dev.dbttriage.triage.TriageReport} to an ordered, verified
 * {@link dev.dbttriage.plan.RescuePlan} of dbt commands.
 */
package dev.dbttriage.plan;
