package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.select.Selection;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.TriageReport;

/**
 * The entry point of the dbt-triage AssertJ assertions: one {@code assertThat} per dbt-triage type, to be
 * statically imported next to (or instead of) {@code org.assertj.core.api.Assertions.assertThat}. Java picks these
 * overloads over AssertJ's generic {@code assertThat(T)} because their parameter types are more specific.
 *
 * <pre>{@code
 * import static dev.dbttriage.assertj.TriageAssertions.assertThat;
 *
 * Manifest manifest = Triage.readManifest(Path.of("target/manifest.json"));
 * assertThat(manifest).incrementalModels().allHaveUniqueKey();
 * assertThat(manifest).modelsInPath("models/marts").noneMaterializedAs("view");
 * assertThat(manifest).exposures().allHaveOwner();
 * assertThat(manifest).model("orders").isIncremental().hasUniqueKey("order_id").hasOwner("finance");
 * assertThat(manifest).modelsInPath("models/staging").allHaveBlastRadiusBelow(50);
 * assertThatSelection(manifest, "tag:daily+").ofType(ResourceType.MODEL).hasSizeLessThan(200);
 *
 * TriageReport report = Triage.triage(Triage.readTarget(Path.of("target")));
 * assertThat(report).attributesEverySkippedNode().hasRoot("orders").hasSubclass("PERMISSION_DENIED");
 * assertThat(Triage.plan(report, manifest)).isVerified();
 * }</pre>
 *
 * <p>Requires assertj-core on the classpath (an optional dependency of dbt-triage). The methods are thread-safe;
 * the assertion objects they return are not.
 */
public final class TriageAssertions {
  private TriageAssertions() {}

  /**
   * Starts assertions about a manifest.
   *
   * @param actual the manifest (null fails every check)
   * @return the assertions
   */
  public static ManifestAssert assertThat(Manifest actual) {
    return new ManifestAssert(actual);
  }

  /**
   * Starts assertions about one manifest resource.
   *
   * @param actual the resource (null fails every check)
   * @return the assertions
   */
  public static NodeAssert assertThat(Node actual) {
    return new NodeAssert(actual);
  }

  /**
   * Starts assertions about a selection, such as the answer of {@code SelectorEngine.select(request)}.
   *
   * @param actual the selection (null fails every check)
   * @return the assertions
   */
  public static SelectionAssert assertThat(Selection actual) {
    return new SelectionAssert(actual);
  }

  /**
   * Starts assertions about what {@code dbt ls --select SELECT} lists for a manifest, as
   * {@code assertThat(manifest).selection(select)} does.
   *
   * <pre>{@code
   * assertThatSelection(manifest, "tag:daily+").ofType(ResourceType.MODEL).hasSizeLessThan(200);
   * }</pre>
   *
   * @param manifest the manifest (null fails)
   * @param select space-separated criteria, as one {@code --select} value
   * @return the assertions, labelled {@code the selection "tag:daily+"}
   * @throws dev.dbttriage.select.SelectorSyntaxException if the expression is malformed
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public static SelectionAssert assertThatSelection(Manifest manifest, String select) {
    return new ManifestAssert(manifest).selection(select);
  }

  /**
   * Starts assertions about the classification of a failure.
   *
   * @param actual the classification (null fails every check)
   * @return the assertions
   */
  public static ClassificationAssert assertThat(Classification actual) {
    return new ClassificationAssert(actual);
  }

  /**
   * Starts assertions about the triage of a run.
   *
   * @param actual the report (null fails every check)
   * @return the assertions
   */
  public static TriageReportAssert assertThat(TriageReport actual) {
    return new TriageReportAssert(actual);
  }

  /**
   * Starts assertions about one root cause of a triaged run.
   *
   * @param actual the root cause (null fails every check)
   * @return the assertions
   */
  public static RootCauseAssert assertThat(RootCause actual) {
    return new RootCauseAssert(actual);
  }

  /**
   * Starts assertions about a rescue plan.
   *
   * @param actual the plan (null fails every check)
   * @return the assertions
   */
  public static RescuePlanAssert assertThat(RescuePlan actual) {
    return new RescuePlanAssert(actual);
  }
}
