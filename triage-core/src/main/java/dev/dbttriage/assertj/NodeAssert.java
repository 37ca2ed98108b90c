package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.select.Selection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about one manifest resource (a model, seed, snapshot, test, source, exposure, ...), obtained from
 * {@link TriageAssertions#assertThat(Node)} or {@link ManifestAssert#model(String)}.
 *
 * <p>Every check returns this object so that checks chain:
 * {@code assertThat(manifest).model("orders").isIncremental().hasUniqueKey("order_id").hasOwner("finance")}.
 * Failure messages name the node by its unique id and say what was expected and what was found. Not
 * thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class NodeAssert extends AbstractAssert<NodeAssert, Node> {
  private final Optional<Manifest> manifest;

  /**
   * Creates an assertion about a node; prefer {@link TriageAssertions#assertThat(Node)}. Without its manifest
   * it cannot check the blast radius; navigate from {@link ManifestAssert#model(String)} for that.
   *
   * @param actual the node, may be null (every check then fails with AssertJ's "Expecting actual not to be null")
   */
  public NodeAssert(Node actual) {
    this(actual, Optional.empty());
  }

  NodeAssert(Node actual, Optional<Manifest> manifest) {
    super(actual, NodeAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
    this.manifest = manifest;
  }

  /**
   * Navigates to the node's blast radius: what {@code dbt ls --select <node>+} lists, less the node itself (its
   * enabled descendants of {@code ls}'s default resource types: models, tests, snapshots, exposures, ...).
   *
   * <pre>{@code
   * assertThat(manifest).model("stg_orders").blastRadius().hasSizeLessThan(50);
   * }</pre>
   *
   * @return assertions about the downstream resources, labelled {@code the blast radius of model.shop.stg_orders}
   * @throws IllegalStateException if this assertion was not reached from {@code assertThat(manifest)}
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public SelectionAssert blastRadius() {
    isNotNull();
    return new SelectionAssert(new Selection(downstream(), List.of()), "the blast radius of " + actual.uniqueId());
  }

  /**
   * Checks that fewer than {@code bound} resources are downstream of the node, as {@link #blastRadius()} counts
   * them.
   *
   * @param bound the exclusive upper bound, such as 50 (the runbook's threshold of a major incident)
   * @return this
   * @throws AssertionError if as many or more are downstream
   * @throws IllegalStateException if this assertion was not reached from {@code assertThat(manifest)}
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public NodeAssert hasDownstreamCountLessThan(int bound) {
    isNotNull();
    int count = downstream().size();
    if (count >= bound) {
      failWithMessage("Expecting %s to have fewer than %d downstream nodes but it has %d", actual.uniqueId(), bound,
          count);
    }
    return myself;
  }

  private List<String> downstream() {
    Manifest m = manifest.orElseThrow(() -> new IllegalStateException("the blast radius of " + actual.uniqueId()
        + " needs its manifest: start from assertThat(manifest).model(...) or .node(...)"));
    return Engines.downstream(m, actual);
  }

  /**
   * Checks that the resource is a model.
   *
   * @return this
   * @throws AssertionError if it is another type of resource
   */
  public NodeAssert isModel() {
    return isOfType(ResourceType.MODEL);
  }

  /**
   * Checks the resource's type.
   *
   * @param type the expected type
   * @return this
   * @throws AssertionError if it is another type of resource
   */
  public NodeAssert isOfType(ResourceType type) {
    isNotNull();
    if (actual.resourceType() != type) {
      failWithMessage("Expecting %s to be a %s but it is a %s", actual.uniqueId(), type.dbtName(),
          actual.resourceTypeName());
    }
    return myself;
  }

  /**
   * Checks that the resource is enabled ({@code config.enabled} is not false).
   *
   * @return this
   * @throws AssertionError if it is disabled
   */
  public NodeAssert isEnabled() {
    isNotNull();
    if (!actual.enabled()) {
      failWithMessage("Expecting %s to be enabled but config.enabled is false", actual.uniqueId());
    }
    return myself;
  }

  /**
   * Checks that the node is materialized {@code incremental}.
   *
   * @return this
   * @throws AssertionError if it has another materialization or none
   */
  public NodeAssert isIncremental() {
    return isMaterializedAs("incremental");
  }

  /**
   * Checks the node's {@code config.materialized}.
   *
   * @param materialization the expected materialization, such as {@code table} or {@code view}
   * @return this
   * @throws AssertionError if it has another materialization or none
   */
  public NodeAssert isMaterializedAs(String materialization) {
    isNotNull();
    Optional<String> m = actual.materialized();
    if (!m.equals(Optional.of(materialization))) {
      failWithMessage("Expecting %s to be materialized \"%s\" but it is %s", actual.uniqueId(), materialization,
          m.map(v -> "materialized \"" + v + "\"").orElse("not materialized (no config.materialized)"));
    }
    return myself;
  }

  /**
   * Checks that the node's {@code config.materialized} is not the given one.
   *
   * @param materialization the materialization the node must not have
   * @return this
   * @throws AssertionError if it has that materialization
   */
  public NodeAssert isNotMaterializedAs(String materialization) {
    isNotNull();
    if (actual.materialized().equals(Optional.of(materialization))) {
      failWithMessage("Expecting %s not to be materialized \"%s\" but it is", actual.uniqueId(), materialization);
    }
    return myself;
  }

  /**
   * Checks that the node's {@code unique_key} is exactly these columns, in this order.
   *
   * @param first the first key column
   * @param more the other key columns of a composite key
   * @return this
   * @throws AssertionError if the key differs or is unset
   */
  public NodeAssert hasUniqueKey(String first, String... more) {
    isNotNull();
    List<String> expected = new ArrayList<>();
    expected.add(first);
    expected.addAll(List.of(more));
    List<String> key = actual.config().uniqueKey();
    if (!key.equals(expected)) {
      failWithMessage("Expecting %s to have unique_key %s but it has %s", actual.uniqueId(), expected,
          key.isEmpty() ? "none" : key.toString());
    }
    return myself;
  }

  /**
   * Checks that the node has some {@code unique_key}.
   *
   * @return this
   * @throws AssertionError if the key is unset or empty
   */
  public NodeAssert hasAUniqueKey() {
    isNotNull();
    if (actual.config().uniqueKey().isEmpty()) {
      failWithMessage("Expecting %s to have a unique_key but it has none", actual.uniqueId());
    }
    return myself;
  }

  /**
   * Checks the node's {@code incremental_strategy}.
   *
   * @param strategy the expected strategy, such as {@code merge} or {@code delete+insert}
   * @return this
   * @throws AssertionError if the strategy differs or is unset
   */
  public NodeAssert hasIncrementalStrategy(String strategy) {
    isNotNull();
    Optional<String> s = actual.config().incrementalStrategy();
    if (!s.equals(Optional.of(strategy))) {
      failWithMessage("Expecting %s to have incremental_strategy \"%s\" but it has %s", actual.uniqueId(),
          strategy, Describe.quotedOrNone(s));
    }
    return myself;
  }

  /**
   * Checks the node's {@code on_schema_change}.
   *
   * @param onSchemaChange the expected value: {@code ignore}, {@code fail}, {@code append_new_columns} or
   *     {@code sync_all_columns}
   * @return this
   * @throws AssertionError if the value differs or is unset
   */
  public NodeAssert hasOnSchemaChange(String onSchemaChange) {
    isNotNull();
    Optional<String> s = actual.config().onSchemaChange();
    if (!s.equals(Optional.of(onSchemaChange))) {
      failWithMessage("Expecting %s to have on_schema_change \"%s\" but it has %s", actual.uniqueId(),
          onSchemaChange, Describe.quotedOrNone(s));
    }
    return myself;
  }

  /**
   * Checks that the node carries a tag, set in {@code tags} or {@code config.tags}.
   *
   * @param tag the tag
   * @return this
   * @throws AssertionError if the node lacks it
   */
  public NodeAssert hasTag(String tag) {
    isNotNull();
    Set<String> tags = tags(actual);
    if (!tags.contains(tag)) {
      failWithMessage("Expecting %s to have tag \"%s\" but its tags are %s", actual.uniqueId(), tag, tags);
    }
    return myself;
  }

  /**
   * Checks that the node does not carry a tag.
   *
   * @param tag the tag
   * @return this
   * @throws AssertionError if the node has it
   */
  public NodeAssert doesNotHaveTag(String tag) {
    isNotNull();
    if (tags(actual).contains(tag)) {
      failWithMessage("Expecting %s not to have tag \"%s\" but it has", actual.uniqueId(), tag);
    }
    return myself;
  }

  /**
   * Checks the node's owner: {@code meta.owner} (or {@code config.meta.owner}), or for an exposure or group its
   * {@code owner.name}, else {@code owner.email}.
   *
   * @param owner the expected owner
   * @return this
   * @throws AssertionError if the owner differs or there is none
   */
  public NodeAssert hasOwner(String owner) {
    isNotNull();
    Optional<String> o = actual.owner();
    if (!o.equals(Optional.of(owner))) {
      failWithMessage("Expecting %s to have owner \"%s\" but %s", actual.uniqueId(), owner,
          o.map(v -> "its owner is \"" + v + "\"").orElse("it has none"));
    }
    return myself;
  }

  /**
   * Checks that the node has an owner, as {@link #hasOwner(String)} finds it.
   *
   * @return this
   * @throws AssertionError if there is none
   */
  public NodeAssert hasAnOwner() {
    isNotNull();
    if (actual.owner().isEmpty()) {
      failWithMessage("Expecting %s to have an owner (meta.owner or owner.name) but it has none", actual.uniqueId());
    }
    return myself;
  }

  /**
   * Checks that the node depends directly on a resource.
   *
   * @param resource a unique id ({@code model.shop.stg_orders}), a model, seed or snapshot name
   *     ({@code stg_orders}), or a source as {@code source_name.table_name} ({@code shop.orders})
   * @return this
   * @throws AssertionError if no direct dependency matches
   */
  public NodeAssert dependsOn(String resource) {
    isNotNull();
    if (matchingDependency(resource).isEmpty()) {
      failWithMessage("Expecting %s to depend on \"%s\" but it depends on %s", actual.uniqueId(), resource,
          actual.dependsOnNodes());
    }
    return myself;
  }

  /**
   * Checks that the node does not depend directly on a resource.
   *
   * @param resource a unique id, a model, seed or snapshot name, or {@code source_name.table_name}
   * @return this
   * @throws AssertionError if a direct dependency matches
   */
  public NodeAssert doesNotDependOn(String resource) {
    isNotNull();
    Optional<String> match = matchingDependency(resource);
    if (match.isPresent()) {
      failWithMessage("Expecting %s not to depend on \"%s\" but it does (%s)", actual.uniqueId(), resource,
          match.get());
    }
    return myself;
  }

  /**
   * Checks that the node declares a column (in YAML), by exact name.
   *
   * @param column the column name
   * @return this
   * @throws AssertionError if the node does not declare it
   */
  public NodeAssert hasColumn(String column) {
    isNotNull();
    if (!actual.columns().containsKey(column)) {
      failWithMessage("Expecting %s to declare column \"%s\" but it declares %s", actual.uniqueId(), column,
          List.copyOf(actual.columns().keySet()));
    }
    return myself;
  }

  /**
   * Checks that the node declares a column with a {@code data_type}, compared ignoring case and whitespace.
   *
   * @param column the column name
   * @param dataType the expected declared type, such as {@code number(38,2)}
   * @return this
   * @throws AssertionError if the column is not declared or its type differs or is unset
   */
  public NodeAssert hasColumnOfType(String column, String dataType) {
    hasColumn(column);
    Column c = actual.columns().get(column);
    if (c.dataType().isEmpty() || !Describe.sameType(c.dataType().get(), dataType)) {
      failWithMessage("Expecting column \"%s\" of %s to have data_type \"%s\" but it has %s", column,
          actual.uniqueId(), dataType, Describe.quotedOrNone(c.dataType()));
    }
    return myself;
  }

  /**
   * Checks that the node's contract is enforced ({@code config.contract.enforced: true}).
   *
   * @return this
   * @throws AssertionError if it is not
   */
  public NodeAssert hasContractEnforced() {
    isNotNull();
    if (!actual.config().contractEnforced()) {
      failWithMessage("Expecting %s to have contract.enforced true but it is not enforced", actual.uniqueId());
    }
    return myself;
  }

  /**
   * Checks the node's group.
   *
   * @param group the group name
   * @return this
   * @throws AssertionError if it is in another group or none
   */
  public NodeAssert isInGroup(String group) {
    isNotNull();
    Optional<String> g = group(actual);
    if (!g.equals(Optional.of(group))) {
      failWithMessage("Expecting %s to be in group \"%s\" but it is %s", actual.uniqueId(), group,
          g.map(v -> "in \"" + v + "\"").orElse("in no group"));
    }
    return myself;
  }

  /**
   * Checks the model's {@code access}.
   *
   * @param access {@code private}, {@code protected} or {@code public}
   * @return this
   * @throws AssertionError if the access differs or is not recorded
   */
  public NodeAssert hasAccess(String access) {
    isNotNull();
    Optional<String> a = actual.access().or(() -> actual.config().access());
    if (!a.equals(Optional.of(access))) {
      failWithMessage("Expecting %s to have access \"%s\" but it has %s", actual.uniqueId(), access,
          Describe.quotedOrNone(a));
    }
    return myself;
  }

  /**
   * Checks a versioned model's {@code version}.
   *
   * @param version the version as written, such as {@code 2}
   * @return this
   * @throws AssertionError if the model has another version or is not versioned
   */
  public NodeAssert hasVersion(String version) {
    isNotNull();
    Optional<String> v = actual.version();
    if (!v.equals(Optional.of(version))) {
      failWithMessage("Expecting %s to have version \"%s\" but it has %s", actual.uniqueId(), version,
          Describe.quotedOrNone(v));
    }
    return myself;
  }

  /**
   * Checks that the node's file lies under a folder, comparing whole path segments of
   * {@code original_file_path}: {@code models/marts} covers {@code models/marts/finance/x.sql}.
   *
   * @param folder the folder, relative to the project root, such as {@code models/marts}
   * @return this
   * @throws AssertionError if the file is elsewhere
   */
  public NodeAssert isInPath(String folder) {
    isNotNull();
    if (!Describe.isUnder(actual.originalFilePath(), folder)) {
      failWithMessage("Expecting %s to be under \"%s\" but its file is \"%s\"", actual.uniqueId(), folder,
          actual.originalFilePath());
    }
    return myself;
  }

  static Set<String> tags(Node node) {
    Set<String> tags = new LinkedHashSet<>(node.tags());
    tags.addAll(node.config().tags());
    return tags;
  }

  static Optional<String> group(Node node) {
    return node.group().or(() -> node.config().group());
  }

  private Optional<String> matchingDependency(String resource) {
    return Describe.matching(actual.dependsOnNodes(), resource).stream().findFirst();
  }
}
