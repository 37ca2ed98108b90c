/**
 * AssertJ assertions for the tests dbt teams write about their own projects, such as
 * {@code assertThat(manifest).incrementalModels().allHaveUniqueKey()} or
 * {@code assertThat(manifest).model("orders").isIncremental().hasUniqueKey("order_id")}, about what a selector
 * selects ({@code assertThat(manifest).selection("tag:daily+").hasSizeLessThan(200)}) and how far a model reaches
 * ({@code assertThat(manifest).modelsInPath("models/staging").allHaveBlastRadiusBelow(50)}), and about what
 * dbt-triage concluded: a {@code Classification}, a {@code TriageReport} and its root causes, a
 * {@code RescuePlan}.
 *
 * <p>{@link dev.dbttriage.assertj.TriageAssertions} is the one entry point. assertj-core is an optional
 * dependency of dbt-triage: add it to your test classpath (3.26 or newer) to use this package; nothing else in the
 * library loads it. Every failure message says what was expected and what was found, naming nodes by unique id;
 * AssertJ's own checks ({@code hasSize}, {@code isEqualTo}, ...) also print a node as its unique id and a manifest
 * as its project and size rather than their full {@code toString()}.
 * Assertion objects are not thread-safe; the values they check are.
 */
package dev.dbttriage.assertj;
