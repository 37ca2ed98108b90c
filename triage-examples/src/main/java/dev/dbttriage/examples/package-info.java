/**
 * Worked, tested examples of embedding dbt-triage: a platform tool posting one alert per root cause
 * ({@link dev.dbttriage.examples.PlatformAlerts}) and an orchestrator deciding what to do after a dbt step
 * failed ({@link dev.dbttriage.examples.OrchestratorStep}). The tests of a dbt project's own conventions are in
 * this module's test sources.
 */
package dev.dbttriage.examples;
