package dev.dbttriage.deploy;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.lineage.LineageGraph;
import dev.dbttriage.select.ManifestComparison;
import dev.dbttriage.select.SelectionContext;
import dev.dbttriage.select.SelectorEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a deploy before it ships: compares the production manifest (dbt's {@code --state}) with the candidate,
 * lists what changed, separates backward-incompatible changes from safe additive ones with each one's
 * consumers, gives the slim-CI selection {@code state:modified+}, and the rollback strategies that fit the
 * adapter with their expected recovery time.
 *
 * <pre>{@code
 * DeployReport report = DeployCheck.builder().stateDirectory("prod-artifacts").build()
 *     .check(Artifacts.readTarget(prodDir), Artifacts.readTarget(Path.of("target")));
 * if (report.hasBreakingChanges()) System.out.print(report.toText());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe when the selection evaluator is.
 */
public final class DeployCheck {
  /** The slim-CI selection expression. */
  public static final String STATE_MODIFIED_PLUS = "state:modified+";

  private final Optional<Function<String, Set<String>>> selectionEvaluator;
  private final String stateDirectory;
  private final Optional<RunState> history;

  private DeployCheck(Builder b) {
    this.selectionEvaluator = Optional.ofNullable(b.selectionEvaluator);
    this.stateDirectory = b.stateDirectory;
    this.history = Optional.ofNullable(b.history);
  }

  /**
   * Returns a builder with the built-in selection ({@link SelectorEngine}), no history and the state directory
   * {@code prod-artifacts}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a deploy from two {@code target/} directories' artifacts: their manifests, their catalogs when both
   * have one (warehouse columns), and production's run results as run history when no history was configured.
   *
   * @param production the production artifacts (the state)
   * @param candidate the candidate artifacts
   * @return the report
   * @throws NullPointerException if an argument is null
   */
  public DeployReport check(TargetArtifacts production, TargetArtifacts candidate) {
    Objects.requireNonNull(production, "production");
    Objects.requireNonNull(candidate, "candidate");
    Optional<RunState> runs = history.or(() -> production.runResults().map(r -> RunState.of(List.of(r))));
    return check(production.manifest(), candidate.manifest(), production.catalog(), candidate.catalog(), runs);
  }

  /**
   * Checks a deploy from two manifests; column changes come from the YAML declarations only.
   *
   * @param production the production manifest (the state)
   * @param candidate the candidate manifest
   * @return the report
   * @throws NullPointerException if an argument is null
   */
  public DeployReport check(Manifest production, Manifest candidate) {
    return check(production, candidate, Optional.empty(), Optional.empty(), history);
  }

  private DeployReport check(Manifest production, Manifest candidate, Optional<Catalog> prodCatalog,
      Optional<Catalog> candCatalog, Optional<RunState> runs) {
    Objects.requireNonNull(production, "production");
    Objects.requireNonNull(candidate, "candidate");
    List<String> warnings = new ArrayList<>();
    String adapter = candidate.adapterType().or(production::adapterType).map(a -> a.toLowerCase(Locale.ROOT))
        .orElse("unknown");
    if (adapter.equals("unknown")) {
      warnings.add("neither manifest records metadata.adapter_type: rollback commands are generic");
    }
    if (prodCatalog.isEmpty() || candCatalog.isEmpty()) {
      warnings.add("catalog.json not given for both sides: column changes come from YAML declarations only;"
          + " columns a model selects but does not declare are not compared");
    }
    ManifestComparison comparison = ManifestComparison.of(production, candidate);
    List<NodeChange> changes = ManifestDiff.compare(comparison, prodCatalog, candCatalog);
    Optional<LineageGraph> prodGraph = graph(production, "production", warnings);
    Optional<LineageGraph> candGraph = graph(candidate, "candidate", warnings);
    Consumers prodLineage = new Consumers(prodGraph);
    Consumers candLineage = new Consumers(candGraph);
    List<DeployFinding> findings = new ArrayList<>();
    Set<String> seenLatest = new HashSet<>();
    for (NodeChange c : changes) {
      if (!isRelation(c.resourceType())) {
        continue;
      }
      switch (c.status()) {
        case NEW:
          findings.add(new DeployFinding(c.uniqueId(), FindingKind.MODEL_ADDED,
              "new " + c.resourceType().dbtName(), candLineage.of(c.uniqueId())));
          break;
        case REMOVED:
        case DISABLED:
          findings.add(removal(c, production.node(c.uniqueId()).orElseThrow(), prodLineage, candidate));
          break;
        default:
          modified(c, production.node(c.uniqueId()).orElseThrow(), candidate.node(c.uniqueId()).orElseThrow(),
              candLineage, seenLatest, findings);
          break;
      }
    }
    List<DeployFinding> ordered = new ArrayList<>();
    findings.stream().filter(DeployFinding::breaking).forEach(ordered::add);
    findings.stream().filter(f -> !f.breaking()).forEach(ordered::add);

    SlimCiSelection selection = selection(candidate, production, candGraph);
    List<DeployFinding> breaking = ordered.stream().filter(DeployFinding::breaking).toList();
    List<RollbackStrategy> rollback = rollback(adapter, production, changes, breaking, prodLineage, runs, warnings);
    return new DeployReport(adapter, production.metadata().generatedAt(), changes, selection, ordered, rollback,
        warnings);
  }

  private static boolean isRelation(ResourceType type) {
    return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
  }

  /** Builds a manifest's lineage graph, or says in a warning why it cannot be built. */
  private static Optional<LineageGraph> graph(Manifest manifest, String side, List<String> warnings) {
    try {
      return Optional.of(LineageGraph.of(manifest));
    } catch (ArtifactException e) {
      warnings.add("the " + side + " manifest's lineage graph cannot be built (" + e.getMessage() + "): "
          + (side.equals("candidate") ? "consumers of its changes and the slim-CI selection are"
              : "consumers of removed resources and the rebuild time are") + " not computed");
      return Optional.empty();
    }
  }

  private static DeployFinding removal(NodeChange c, Node old, Consumers prodLineage, Manifest candidate) {
    boolean disabled = c.status() == ChangeStatus.DISABLED;
    List<String> consumers = prodLineage.of(c.uniqueId());
    boolean isPublic = ManifestDiff.access(old).equals("public");
    String verb = disabled ? "disabled" : "removed";
    if (consumers.isEmpty() && !isPublic) {
      return new DeployFinding(c.uniqueId(), FindingKind.UNUSED_MODEL_REMOVED,
          old.resourceType().dbtName() + " " + verb + "; nothing in the project read it (its relation stays in"
              + " the warehouse, no longer refreshed)", consumers);
    }
    List<String> stillThere = consumers.stream().filter(id -> candidate.node(id).isPresent()).toList();
    String detail = old.resourceType().dbtName() + " " + verb + " while " + consumers.size()
        + " resource(s) read it in production" + (isPublic ? "; access was public (other projects may ref it)" : "")
        + (stillThere.isEmpty() ? "" : "; " + stillThere.size() + " of them remain in the candidate");
    return new DeployFinding(c.uniqueId(), disabled ? FindingKind.MODEL_DISABLED : FindingKind.MODEL_REMOVED,
        detail, consumers);
  }

  private static void modified(NodeChange c, Node before, Node after, Consumers lineage, Set<String> seenLatest,
      List<DeployFinding> findings) {
    List<String> consumers = lineage.of(c.uniqueId());
    boolean enforcedBefore = ManifestDiff.enforced(before);
    boolean enforcedAfter = ManifestDiff.enforced(after);
    boolean contracted = enforcedBefore || enforcedAfter;
    boolean body = c.has(ChangeAspect.BODY);

    // Columns: the warehouse (catalog) is the strongest evidence; YAML counts when a contract enforces it or
    // the SQL changed along with it. A YAML-only edit changes documentation, not the relation.
    Map<String, ColumnChange> effective = new LinkedHashMap<>();
    List<String> docsOnly = new ArrayList<>();
    for (ColumnChange cc : c.columnChanges()) {
      String key = ManifestDiff.key(cc.column()) + "/" + cc.kind();
      if (cc.origin().equals("catalog")) {
        effective.put(key, cc);
      } else if (contracted || body) {
        effective.putIfAbsent(key, cc);
      } else if (cc.kind() != ColumnChange.Kind.ADDED) {
        docsOnly.add(cc.describe());
      }
    }
    List<ColumnChange> removed = effective.values().stream()
        .filter(x -> x.kind() == ColumnChange.Kind.REMOVED).toList();
    List<ColumnChange> added = effective.values().stream()
        .filter(x -> x.kind() == ColumnChange.Kind.ADDED).toList();
    Set<ColumnChange> renamedPair = new HashSet<>();
    if (removed.size() == 1 && added.size() == 1 && compatible(removed.get(0), added.get(0))) {
      renamedPair.add(removed.get(0));
      renamedPair.add(added.get(0));
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.COLUMN_RENAMED, "column " + removed.get(0).column()
          + " looks renamed to " + added.get(0).column() + " (" + removed.get(0).origin() + ")", consumers));
    }
    for (ColumnChange cc : effective.values()) {
      if (renamedPair.contains(cc)) {
        continue;
      }
      String why = cc.describe() + " (" + cc.origin() + (contracted && cc.origin().equals("declared")
          ? ", enforced contract" : "") + ")";
      switch (cc.kind()) {
        case REMOVED:
          findings.add(new DeployFinding(c.uniqueId(), FindingKind.COLUMN_REMOVED, why, consumers));
          break;
        case TYPE_CHANGED:
          findings.add(new DeployFinding(c.uniqueId(), FindingKind.COLUMN_TYPE_CHANGED, why, consumers));
          break;
        case CONSTRAINT_REMOVED:
          if (enforcedAfter) {
            findings.add(new DeployFinding(c.uniqueId(), FindingKind.CONTRACT_CHANGED, why, consumers));
          }
          break;
        default:
          findings.add(new DeployFinding(c.uniqueId(), FindingKind.COLUMN_ADDED, why, consumers));
          break;
      }
    }
    if (enforcedBefore && !enforcedAfter) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.CONTRACT_REMOVED,
          "contract no longer enforced: consumers lose the guarantee of column names and types", consumers));
    } else if (!enforcedBefore && enforcedAfter) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.CONTRACT_ADDED,
          "contract now enforced (the build fails if the SQL's columns and types differ from the YAML)",
          consumers));
    }
    String matBefore = before.config().materialized().orElse("(none)");
    String matAfter = after.config().materialized().orElse("(none)");
    if (!matBefore.equals(matAfter)) {
      if (enforcedBefore) {
        findings.add(new DeployFinding(c.uniqueId(), FindingKind.MATERIALIZATION_CHANGED,
            "materialized " + matBefore + " -> " + matAfter + " on a model with an enforced contract", consumers));
      } else if (matAfter.equals("ephemeral")) {
        findings.add(new DeployFinding(c.uniqueId(), FindingKind.MATERIALIZATION_CHANGED,
            "materialized " + matBefore + " -> ephemeral: the relation is no longer built; readers outside dbt"
                + " see a stale " + matBefore, consumers));
      }
    }
    if (c.has(ChangeAspect.RELATION)) {
      String moved = String.join("; ", c.details().stream().filter(d -> d.startsWith("relation:")).toList());
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.RELATION_CHANGED, moved
          + ": readers of the old name see a stale relation", consumers));
    }
    if (!before.config().uniqueKey().equals(after.config().uniqueKey())
        && (before.config().isIncremental() || after.config().isIncremental()
            || after.resourceType() == ResourceType.SNAPSHOT)) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.UNIQUE_KEY_CHANGED, "unique_key "
          + before.config().uniqueKey() + " -> " + after.config().uniqueKey()
          + ": the grain changes; deploy with dbt run --select " + after.name() + " --full-refresh", consumers));
    }
    if (before.latestVersion().isPresent() && after.latestVersion().isPresent()
        && !before.latestVersion().equals(after.latestVersion())
        && seenLatest.add(after.packageName() + "." + after.name())) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.LATEST_VERSION_CHANGED, "latest_version of "
          + after.name() + " " + before.latestVersion().get() + " -> " + after.latestVersion().get()
          + ": unpinned ref('" + after.name() + "') now resolves to v" + after.latestVersion().get(), consumers));
    }
    int accessBefore = accessRank(ManifestDiff.access(before));
    int accessAfter = accessRank(ManifestDiff.access(after));
    if (accessAfter < accessBefore) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.ACCESS_NARROWED, "access "
          + ManifestDiff.access(before) + " -> " + ManifestDiff.access(after)
          + ": refs from outside the " + (accessAfter == 0 ? "group" : "project") + " stop compiling", consumers));
    } else if (accessAfter > accessBefore) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.ACCESS_WIDENED, "access "
          + ManifestDiff.access(before) + " -> " + ManifestDiff.access(after), consumers));
    }
    if (c.has(ChangeAspect.DESCRIPTION) || c.has(ChangeAspect.PERSISTED_DESCRIPTION)) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.DESCRIPTION_CHANGED, "description changed",
          consumers));
    }
    if (!docsOnly.isEmpty()) {
      findings.add(new DeployFinding(c.uniqueId(), FindingKind.DESCRIPTION_CHANGED,
          "YAML columns changed without an enforced contract or SQL change (documentation only): "
              + String.join("; ", docsOnly), consumers));
    }
  }

  private static boolean compatible(ColumnChange removed, ColumnChange added) {
    if (!removed.origin().equals(added.origin())) {
      return false;
    }
    if (removed.before().isEmpty() || added.after().isEmpty()) {
      return true;
    }
    return DataTypes.same(removed.before().get(), added.after().get());
  }

  private static int accessRank(String access) {
    switch (access) {
      case "private":
        return 0;
      case "public":
        return 2;
      default:
        return 1;
    }
  }

  private SlimCiSelection selection(Manifest candidate, Manifest production, Optional<LineageGraph> candGraph) {
    String command = "dbt build --select " + STATE_MODIFIED_PLUS + " --defer --state " + stateDirectory;
    Function<String, Set<String>> evaluator;
    if (selectionEvaluator.isPresent()) {
      evaluator = selectionEvaluator.get();
    } else if (candGraph.isPresent()) {
      SelectorEngine engine = SelectorEngine.of(candGraph.get(),
          SelectionContext.builder().previousManifest(production).build());
      evaluator = expression -> engine.evaluate("build", List.of(expression), List.of());
    } else {
      return new SlimCiSelection(STATE_MODIFIED_PLUS, command, List.of(), "none");
    }
    Set<String> ids = evaluator.apply(STATE_MODIFIED_PLUS);
    List<String> selected = new ArrayList<>();
    candidate.allNodes().map(Node::uniqueId).filter(ids::contains).forEach(selected::add);
    Set<String> listed = new HashSet<>(selected);
    ids.stream().filter(id -> !listed.contains(id)).sorted().forEach(selected::add);
    return new SlimCiSelection(STATE_MODIFIED_PLUS, command, selected, "selector");
  }

  private static List<RollbackStrategy> rollback(String adapter, Manifest production, List<NodeChange> changes,
      List<DeployFinding> breaking, Consumers prodLineage, Optional<RunState> runs, List<String> warnings) {
    Set<String> targets = new LinkedHashSet<>();
    breaking.forEach(f -> targets.add(f.uniqueId()));
    for (NodeChange c : changes) {
      if (c.status() != ChangeStatus.NEW && isRelation(c.resourceType())) {
        targets.add(c.uniqueId());
      }
    }
    List<Node> tables = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String id : targets) {
      Optional<Node> n = production.node(id);
      if (n.isEmpty()) {
        continue;
      }
      names.add(selectorName(n.get()) + "+");
      String mat = n.get().config().materialized().orElse("");
      if (mat.equals("table") || mat.equals("incremental") || n.get().resourceType() != ResourceType.MODEL) {
        tables.add(n.get());
      }
    }
    String select = names.isEmpty() || names.size() > 20
        ? "state:modified+ --state <candidate artifacts>"
        : String.join(" ", new LinkedHashSet<>(names));
    String at = production.metadata().generatedAt().orElse("<time before the deploy>");
    OptionalDouble seconds = OptionalDouble.empty();
    String basis = "";
    if (runs.isPresent() && !targets.isEmpty()) {
      Set<String> rebuilt = new LinkedHashSet<>(targets);
      rebuilt.addAll(prodLineage.downstream(targets));
      double sum = 0;
      int timed = 0;
      for (String id : rebuilt) {
        OptionalDouble t = lastSuccessTime(runs.get(), id);
        if (t.isPresent()) {
          sum += t.getAsDouble();
          timed++;
        }
      }
      if (timed > 0 && sum >= 1) {
        seconds = OptionalDouble.of(sum);
        basis = "(sum of the last successful execution times of " + timed + " of " + rebuilt.size()
            + " rebuilt nodes in the run history; an upper bound, dbt runs them in parallel threads)";
      } else {
        warnings.add("run history has no successful result for the nodes a rebuild touches: rebuild time not"
            + " estimated");
      }
    } else if (runs.isEmpty()) {
      warnings.add("no run history (run_results.json) for production: rebuild time not estimated");
    }
    return Rollbacks.forAdapter(adapter, tables, at, select, seconds, basis);
  }

  private static final Set<String> BUILDING_COMMANDS = Set.of("run", "build", "seed", "snapshot", "test");

  private static OptionalDouble lastSuccessTime(RunState runs, String id) {
    List<RunResults> all = runs.runs();
    for (int i = all.size() - 1; i >= 0; i--) {
      RunResults run = all.get(i);
      // compile, docs generate and ls write results too, with times that say nothing about a build
      if (run.args().command().map(c -> !BUILDING_COMMANDS.contains(c)).orElse(false)) {
        continue;
      }
      Optional<RunResult> r = run.result(id);
      if (r.isPresent() && (r.get().status() == RunStatus.SUCCESS || r.get().status() == RunStatus.PASS)) {
        return OptionalDouble.of(r.get().executionTime());
      }
    }
    return OptionalDouble.empty();
  }

  /** Downstream walks on one side's lineage graph; without a graph, nothing is downstream. */
  private static final class Consumers {
    private final Optional<LineageGraph> graph;

    Consumers(Optional<LineageGraph> graph) {
      this.graph = graph;
    }

    /** Returns the resources downstream of the roots that are vertices, roots themselves left out. */
    Set<String> downstream(Set<String> roots) {
      if (graph.isEmpty()) {
        return Set.of();
      }
      List<String> vertices = roots.stream().filter(graph.get()::contains).toList();
      Set<String> out = new LinkedHashSet<>(graph.get().downstream(vertices, -1));
      out.removeAll(roots);
      return out;
    }

    /** Returns the downstream resources a person would call consumers: tests and unit tests left out. */
    List<String> of(String root) {
      if (graph.isEmpty() || !graph.get().contains(root)) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String id : graph.get().downstream(root)) {
        ResourceType type = graph.get().node(id).map(Node::resourceType).orElse(ResourceType.OTHER);
        if (type != ResourceType.TEST && type != ResourceType.UNIT_TEST) {
          out.add(id);
        }
      }
      return out;
    }
  }

  static String selectorName(Node n) {
    return n.version().map(v -> n.name() + ".v" + v).orElse(n.name());
  }

  /** Configures a {@link DeployCheck}. Not thread-safe. */
  public static final class Builder {
    private Function<String, Set<String>> selectionEvaluator;
    private String stateDirectory = "prod-artifacts";
    private RunState history;

    private Builder() {}

    /**
     * Sets the evaluator that returns the unique ids a selection expression selects, called with
     * {@code state:modified+}; without one, the check evaluates it with a {@link SelectorEngine} on the
     * candidate's lineage graph against the production manifest, as {@code dbt build --select state:modified+}
     * would.
     *
     * @param evaluator the evaluator
     * @return this builder
     * @throws NullPointerException if {@code evaluator} is null
     */
    public Builder selectionEvaluator(Function<String, Set<String>> evaluator) {
      this.selectionEvaluator = Objects.requireNonNull(evaluator, "evaluator");
      return this;
    }

    /**
     * Sets the directory of the production artifacts, as written in the slim-CI command's {@code --state}.
     *
     * @param directory the directory, such as {@code ./prod_state}
     * @return this builder
     * @throws NullPointerException if {@code directory} is null
     */
    public Builder stateDirectory(String directory) {
      this.stateDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets production's run history, used to estimate how long a rebuild at the last green commit takes.
     *
     * @param history the runs
     * @return this builder
     * @throws NullPointerException if {@code history} is null
     */
    public Builder history(RunState history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /**
     * Sets production's run history from run results, oldest first.
     *
     * @param runs the runs
     * @return this builder
     * @throws NullPointerException if {@code runs} is null
     */
    public Builder history(List<RunResults> runs) {
      this.history = RunState.of(runs);
      return this;
    }

    /** Returns the configured check. */
    public DeployCheck build() {
      return new DeployCheck(this);
    }
  }

  @Override
  public String toString() {
    return "DeployCheck[stateDirectory=" + stateDirectory + ", selectionEvaluator="
        + selectionEvaluator.isPresent() + ", history=" + history.isPresent() + "]";
  }
}
