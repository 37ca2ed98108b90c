package dev.dbttriage.lineage;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.internal.lineage.ProjectCore;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded dbt project: a manifest indexed once into one lineage that every engine shares, as dbt's own
 * {@code graph.py} serves both node selection and the run queue. Build one per manifest and hand it to the
 * selector ({@code SelectorEngine.of(project)}), the triage engine ({@code TriageInput}), the rescue planner and
 * the deploy check; none of them builds a graph of its own, so "the blast radius is what
 * {@code dbt ls --select root+} lists" holds by construction.
 *
 * <pre>{@code
 * Project project = Project.of(Triage.readManifest(Path.of("target/manifest.json")));
 * Set<String> below = project.lineage().downstream("model.shop.orders");
 * }</pre>
 *
 * <p>The lineage has every member of the manifest's graph collections (disabled ones too, so results that name
 * them resolve) and draws edges only between enabled members, as dbt does. A manifest dbt itself would refuse
 * (a cycle, a dependency on an id it lacks) still loads: {@link #graphProblem()} says what is wrong, the
 * selector and {@link #lineage()} refuse it as dbt does, and triage reports it as a warning.
 *
 * <p>Instances are immutable and thread-safe; views are built on first use, once.
 */
public final class Project {
  static {
    ProjectCore.register(p -> ((Project) p).core);
  }

  private final Manifest manifest;
  private final ProjectCore core;

  private Project(Manifest manifest) {
    this.manifest = manifest;
    this.core = new ProjectCore(LineageIndex.build(manifest));
  }

  /**
   * Loads a manifest: indexes its lineage once.
   *
   * @param manifest the manifest
   * @return the project
   */
  public static Project of(Manifest manifest) {
    return new Project(Objects.requireNonNull(manifest, "manifest"));
  }

  /** Returns the manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * Returns the lineage graph dbt selects on (enabled members), built on first use.
   *
   * @return the graph
   * @throws ArtifactException if the graph has a cycle (naming the nodes on it) or a resource depends on an id
   *     that is not a node, source, metric, semantic model or function of the manifest, as dbt refuses both
   */
  public LineageGraph lineage() {
    return core.view(LineageGraph.class, c -> new LineageGraph(this, c.index().requireValid()));
  }

  /**
   * Returns what makes the graph one dbt would refuse (a cycle, a dangling dependency), as a one-line message;
   * empty for a sound graph.
   */
  public Optional<String> graphProblem() {
    return core.index().problem().map(ArtifactException::getMessage);
  }

  /**
   * Returns a member of the graph collections by unique id, enabled or not.
   *
   * @param uniqueId a unique id
   * @return the node, or empty when the manifest's graph collections lack it
   */
  public Optional<Node> node(String uniqueId) {
    LineageIndex index = core.index();
    int i = index.memberIndexOf(Objects.requireNonNull(uniqueId, "uniqueId"));
    return i < 0 ? Optional.empty() : Optional.of(index.node(i));
  }
}
