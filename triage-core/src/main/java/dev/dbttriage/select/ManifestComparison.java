package dev.dbttriage.select;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison of a current manifest with a previous one (dbt's {@code --state}), with dbt's {@code state:}
 * rules: which resources are new, which are modified and why ({@code modified.body}, {@code .configs},
 * {@code .relation}, {@code .persisted_descriptions}, {@code .contract}, {@code .macros}), and which macros
 * changed. This is the one source of truth for "what changed": the selector's {@code state:} method answers from
 * it, and {@code dev.dbttriage.deploy.ManifestDiff} describes its findings on top of it.
 *
 * <p>A macro counts as modified when its {@code macro_sql} differs or it exists in only one of the manifests,
 * removed ones included, as dbt-core's {@code StateSelectorMethod._macros_modified} does; a resource is
 * macro-modified when a macro it depends on, directly or through other macros, is modified.
 *
 * <pre>{@code
 * ManifestComparison diff = ManifestComparison.of(production, candidate);
 * boolean selected = diff.matches("modified", candidate.node("model.shop.orders").orElseThrow());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ManifestComparison {
  private final Manifest previous;
  private final Manifest current;
  private final StateCheck rules;

  private ManifestComparison(Manifest previous, Manifest current) {
    this.previous = previous;
    this.current = current;
    this.rules = new StateCheck(current, previous);
  }

  /**
   * Compares two manifests of one project.
   *
   * @param previous the comparison manifest (dbt's {@code --state}, such as production's)
   * @param current the current manifest
   * @return the comparison
   * @throws NullPointerException if an argument is null
   */
  public static ManifestComparison of(Manifest previous, Manifest current) {
    return new ManifestComparison(Objects.requireNonNull(previous, "previous"),
        Objects.requireNonNull(current, "current"));
  }

  /**
   * Returns dbt's {@code state:} values in dbt's order: {@code new}, {@code old}, {@code modified},
   * {@code unmodified} and the {@code modified.*} sub-selectors.
   */
  public static List<String> values() {
    return StateCheck.VALUES;
  }

  /**
   * Returns whether dbt's {@code state:modified} selects one resource given its previous version alone, without
   * the macros of either manifest (a macro change is not seen).
   *
   * @param previousVersion the previous version, empty when the resource is new
   * @param current the current version
   * @return true when dbt would select it
   * @throws NullPointerException if an argument is null
   */
  public static boolean modified(Optional<Node> previousVersion, Node current) {
    Objects.requireNonNull(previousVersion, "previousVersion");
    Objects.requireNonNull(current, "current");
    StateCheck.Kind kind = StateCheck.kindOfType(current);
    return StateCheck.NO_MACROS.check("modified", current, kind, previousVersion.orElse(null));
  }

  /** Returns the previous (comparison) manifest. */
  public Manifest previous() {
    return previous;
  }

  /** Returns the current manifest. */
  public Manifest current() {
    return current;
  }

  /**
   * Returns the previous manifest's resource with this id, looked up as dbt does (nodes, sources, exposures,
   * metrics, semantic models, unit tests, saved queries, functions).
   *
   * @param uniqueId a unique id
   * @return the previous version, or empty when the resource is new
   */
  public Optional<Node> previousVersion(String uniqueId) {
    return Optional.ofNullable(rules.old(uniqueId));
  }

  /**
   * Returns whether {@code state:VALUE} selects a resource of the current manifest.
   *
   * @param value one of {@link #values()}, such as {@code modified} or {@code modified.macros}
   * @param node a resource of the current manifest
   * @return true when dbt would select it
   * @throws IllegalArgumentException if {@code value} is not a {@code state:} value
   * @throws NullPointerException if an argument is null
   */
  public boolean matches(String value, Node node) {
    Objects.requireNonNull(node, "node");
    if (!StateCheck.VALUES.contains(Objects.requireNonNull(value, "value"))) {
      throw new IllegalArgumentException("'" + value + "' is not a state: value; valid values: "
          + String.join(", ", StateCheck.VALUES));
    }
    return rules.check(value, node, rules.kindOf(node));
  }

  /** Returns the ids of the macros whose text differs or that exist in only one manifest (removed ones too). */
  public Set<String> modifiedMacros() {
    return rules.modifiedMacros();
  }

  /**
   * Returns the macro through which a resource is macro-modified: the first of its {@code depends_on.macros} that
   * is modified or calls a modified macro.
   *
   * @param node a resource of the current manifest
   * @return the macro's id, or empty when {@code state:modified.macros} does not select the resource
   * @throws NullPointerException if {@code node} is null
   */
  public Optional<String> changedMacro(Node node) {
    return rules.changedMacro(Objects.requireNonNull(node, "node"));
  }

  /** Returns the rules, for the selector's per-vertex evaluation. */
  StateCheck rules() {
    return rules;
  }

  @Override
  public String toString() {
    return "ManifestComparison[modifiedMacros=" + rules.modifiedMacros().size() + "]";
  }
}
