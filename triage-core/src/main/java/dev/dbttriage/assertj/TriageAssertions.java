package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;

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
}
