package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractListAssert;

/**
 * Assertions about a list of manifest resources, such as {@link ManifestAssert#incrementalModels()}: every AssertJ
 * list assertion ({@code hasSize}, {@code allSatisfy}, {@code filteredOn}, {@code extracting}, {@code first()}
 * navigating to a {@link NodeAssert}, ...) plus checks that dbt teams write about a whole layer, such as
 * {@link #allHaveUniqueKey()}, {@link #noneInPath(String)} or, when reached from {@code assertThat(manifest)},
 * {@link #allHaveBlastRadiusBelow(int)}.
 *
 * <p>The list carries a label ("incremental models", "exposures") that failure messages use, and the checks list
 * the offending resources by unique id. Checks over an empty list pass. Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class NodesAssert extends AbstractListAssert<NodesAssert, List<Node>, Node, NodeAssert> {
  private final String label;
  private final Optional<Manifest> manifest;

  /**
   * Creates an assertion about a list of resources; prefer the methods of {@link ManifestAssert}.
   *
   * @param actual the resources, may be null (every check then fails with "Expecting actual not to be null")
   * @param label what the list holds, in the plural, for failure messages, such as {@code models under "models/marts"}
   * @throws NullPointerException if {@code label} is null
   */
  public NodesAssert(List<Node> actual, String label) {
    this(actual, label, Optional.empty());
  }

  NodesAssert(List<Node> actual, String label, Optional<Manifest> manifest) {
    super(actual, NodesAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
    this.label = Objects.requireNonNull(label, "label");
    this.manifest = manifest;
  }

  /**
   * Checks that fewer than {@code bound} resources are downstream of each resource, as
   * {@link NodeAssert#blastRadius()} counts them ({@code dbt ls --select <node>+} less the node), e.g.
   * {@code assertThat(manifest).modelsInPath("models/staging").allHaveBlastRadiusBelow(50)}.
   *
   * @param bound the exclusive upper bound, such as 50 (the runbook's threshold of a major incident)
   * @return this
   * @throws AssertionError naming the resources at or above it, with their downstream counts
   * @throws IllegalStateException if this assertion was not reached from {@code assertThat(manifest)}
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public NodesAssert allHaveBlastRadiusBelow(int bound) {
    isNotNull();
    Manifest m = manifest.orElseThrow(() -> new IllegalStateException(
        "the blast radius of " + label + " needs their manifest: start from assertThat(manifest)"));
    Map<Node, Integer> counts = new IdentityHashMap<>();
    List<Node> offending = select(n -> {
      int count = Engines.downstream(m, n).size();
      counts.put(n, count);
      return count >= bound;
    });
    if (!offending.isEmpty()) {
      failWithMessage("Expecting all %d %s to have fewer than %d downstream nodes but %d %s: %s", actual.size(),
          label, bound, offending.size(), Describe.verb(offending.size(), "does not", "do not"),
          Describe.idsWith(offending, n -> counts.get(n) + " downstream"));
    }
    return myself;
  }

  /**
   * Checks that every resource has a {@code unique_key}.
   *
   * @return this
   * @throws AssertionError naming the resources without one
   */
  public NodesAssert allHaveUniqueKey() {
    return every(n -> !n.config().uniqueKey().isEmpty(), "to have a unique_key", "has none", "have none");
  }

  /**
   * Checks that every resource has an owner, as {@link NodeAssert#hasOwner(String)} finds it.
   *
   * @return this
   * @throws AssertionError naming the resources without one
   */
  public NodesAssert allHaveOwner() {
    return every(n -> n.owner().isPresent(), "to have an owner", "has none", "have none");
  }

  /**
   * Checks that every resource carries a tag, in {@code tags} or {@code config.tags}.
   *
   * @param tag the tag
   * @return this
   * @throws AssertionError naming the resources without it
   */
  public NodesAssert allHaveTag(String tag) {
    return every(n -> NodeAssert.tags(n).contains(tag), "to have tag \"" + tag + "\"", "does not", "do not");
  }

  /**
   * Checks that every resource has a non-blank description.
   *
   * @return this
   * @throws AssertionError naming the resources without one
   */
  public NodesAssert allHaveDescription() {
    return every(n -> !n.description().isBlank(), "to have a description", "has none", "have none");
  }

  /**
   * Checks that every resource has its contract enforced.
   *
   * @return this
   * @throws AssertionError naming the resources whose contract is not enforced
   */
  public NodesAssert allHaveContractEnforced() {
    return every(n -> n.config().contractEnforced(), "to have contract.enforced true", "does not", "do not");
  }

  /**
   * Checks that every resource is materialized as given.
   *
   * @param materialization the materialization, such as {@code table}
   * @return this
   * @throws AssertionError naming the other resources with their materialization
   */
  public NodesAssert allMaterializedAs(String materialization) {
    isNotNull();
    List<Node> offending = select(n -> !n.materialized().equals(Optional.of(materialization)));
    if (!offending.isEmpty()) {
      failWithMessage("Expecting all %d %s to be materialized \"%s\" but %d %s: %s", actual.size(), label,
          materialization, offending.size(), Describe.verb(offending.size(), "is not", "are not"),
          Describe.idsWith(offending, n -> n.materialized().orElse("no materialization")));
    }
    return myself;
  }

  /**
   * Checks that no resource is materialized as given, e.g. that no mart is a view:
   * {@code assertThat(manifest).modelsInPath("models/marts").noneMaterializedAs("view")}.
   *
   * @param materialization the materialization, such as {@code view}
   * @return this
   * @throws AssertionError naming the resources that have it
   */
  public NodesAssert noneMaterializedAs(String materialization) {
    isNotNull();
    List<Node> offending = select(n -> n.materialized().equals(Optional.of(materialization)));
    if (!offending.isEmpty()) {
      failWithMessage("Expecting none of the %d %s to be materialized \"%s\" but %d %s: %s", actual.size(), label,
          materialization, offending.size(), Describe.verb(offending.size(), "is", "are"),
          Describe.ids(offending));
    }
    return myself;
  }

  /**
   * Checks that no resource's file lies under a folder (comparing whole segments of {@code original_file_path}),
   * e.g. {@code assertThat(manifest).modelsMaterializedAs("view").noneInPath("models/marts")}.
   *
   * @param folder the folder, relative to the project root, such as {@code models/marts}
   * @return this
   * @throws AssertionError naming the resources under it, with their files
   */
  public NodesAssert noneInPath(String folder) {
    isNotNull();
    List<Node> offending = select(n -> Describe.isUnder(n.originalFilePath(), folder));
    if (!offending.isEmpty()) {
      failWithMessage("Expecting none of the %d %s to be under \"%s\" but %d %s: %s", actual.size(), label, folder,
          offending.size(), Describe.verb(offending.size(), "is", "are"),
          Describe.idsWith(offending, Node::originalFilePath));
    }
    return myself;
  }

  @Override
  protected NodeAssert toAssert(Node value, String description) {
    return new NodeAssert(value, manifest).as(description);
  }

  @Override
  protected NodesAssert newAbstractIterableAssert(Iterable<? extends Node> iterable) {
    List<Node> nodes = new ArrayList<>();
    iterable.forEach(nodes::add);
    return new NodesAssert(nodes, label, manifest);
  }

  private NodesAssert every(Predicate<Node> ok, String expectation, String oneFails, String manyFail) {
    isNotNull();
    List<Node> offending = select(ok.negate());
    if (!offending.isEmpty()) {
      failWithMessage("Expecting all %d %s %s but %d %s: %s", actual.size(), label, expectation, offending.size(),
          Describe.verb(offending.size(), oneFails, manyFail), Describe.ids(offending));
    }
    return myself;
  }

  private List<Node> select(Predicate<Node> predicate) {
    List<Node> selected = new ArrayList<>();
    for (Node n : actual) {
      if (n != null && predicate.test(n)) {
        selected.add(n);
      }
    }
    return selected;
  }
}
