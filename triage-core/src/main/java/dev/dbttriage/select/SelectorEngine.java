package dev.dbttriage.select;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.lineage.LineageGraph;
import dev.dbttriage.lineage.Project;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * dbt's node selection ({@code --select}, {@code --exclude}, {@code --selector}, resource types and indirect
 * selection) evaluated on a manifest alone, with the answers {@code dbt ls} gives.
 *
 * <pre>{@code
 * SelectorEngine engine = SelectorEngine.of(manifest);
 * Selection s = engine.select(SelectionRequest.builder().select("tag:nightly+").exclude("orders").build());
 * s.ids();       // sorted unique ids
 * s.warnings();  // e.g. "The selection criterion 'x' does not match any enabled nodes"
 * }</pre>
 *
 * <p>An engine is built once per manifest (the graph and per-node indexes are computed then) and is immutable
 * and thread-safe: any number of threads may select concurrently.
 */
public final class SelectorEngine {
  final LineageIndex graph;
  final LineageGraph lineage;
  final SelectionContext context;
  final String rootProject;
  final Map<String, Object> selectorDefs;
  final int size;
  final boolean[] testLike;
  final boolean[] isSource;
  final StateCheck.Kind[] kinds;
  final String[][] flatFqn;
  final int[] pkgParts;
  final boolean[] versioned;
  final boolean[] empty;
  final boolean[] ephemeralModel;
  final int[] typeCode;
  final List<String> typeNames;
  final int[] sortedOrder;
  final FqnIndex fqnIndex;
  final Indexes indexes;
  private volatile PathGlob pathGlob;
  private volatile String[] normalizedPaths;
  private volatile String[] normalizedPatchPaths;
  private volatile ManifestComparison comparison;
  private final java.util.concurrent.ConcurrentHashMap<String, BitSet> stateResults =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SelectorEngine(Project project, SelectionContext context) {
    this.lineage = project.lineage();
    this.graph = ProjectCore.of(project).index();
    this.context = Objects.requireNonNull(context, "context");
    Manifest m = graph.manifest();
    this.rootProject = context.rootProjectName().or(m::projectName).orElse("");
    Map<String, Object> defs = context.selectors().orElse(null);
    if (defs == null) {
      defs = m.selectors().isEmpty() ? Map.of() : SelectorDefinitions.normalize(m.selectors());
    }
    this.selectorDefs = defs;
    this.size = graph.size();
    testLike = new boolean[size];
    isSource = new boolean[size];
    kinds = new StateCheck.Kind[size];
    flatFqn = new String[size][];
    pkgParts = new int[size];
    versioned = new boolean[size];
    empty = new boolean[size];
    ephemeralModel = new boolean[size];
    typeCode = new int[size];
    List<String> names = new ArrayList<>();
    Map<String, Integer> codes = new java.util.HashMap<>();
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      Node n = graph.node(i);
      byte c = graph.collection(i);
      String rt = n.resourceTypeName();
      order[i] = i;
      List<String> flat = new ArrayList<>();
      for (int k = 0; k < n.fqn().size(); k++) {
        String[] split = n.fqn().get(k).split("\\.", -1);
        flat.addAll(Arrays.asList(split));
        if (k == 0) {
          pkgParts[i] = split.length;
        }
      }
      flatFqn[i] = flat.toArray(new String[0]);
      versioned[i] = rt.equals("model") && n.version().isPresent();
      empty[i] = c == LineageIndex.NODES && !rt.equals("seed") && n.rawCode().isBlank();
      ephemeralModel[i] = rt.equals("model") && n.config().isEphemeral();
      Integer code = codes.get(rt);
      if (code == null) {
        code = names.size();
        codes.put(rt, code);
        names.add(rt);
      }
      typeCode[i] = code;
      testLike[i] = (c == LineageIndex.NODES && rt.equals("test")) || (c == LineageIndex.UNIT_TESTS && rt.equals("unit_test"));
      isSource[i] = c == LineageIndex.SOURCES;
      kinds[i] = StateCheck.kindOf(n, c);
    }
    typeNames = List.copyOf(names);
    fqnIndex = new FqnIndex(this);
    indexes = new Indexes(this);
    Arrays.sort(order, (a, b) -> graph.id(a).compareTo(graph.id(b)));
    sortedOrder = new int[size];
    for (int i = 0; i < size; i++) {
      sortedOrder[i] = order[i];
    }
  }

  /**
   * Builds an engine for a manifest, without comparison state.
   *
   * @param manifest the manifest
   * @return the engine
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public static SelectorEngine of(Manifest manifest) {
    return of(Project.of(manifest));
  }

  /**
   * Returns the engine of a loaded project, without comparison state: built on first use and then shared by
   * every caller of the same project (the triage engine, the planner, the assertions).
   *
   * @param project the project
   * @return the engine
   * @throws dev.dbttriage.artifact.ArtifactException if the project's graph has a cycle or a dangling dependency
   */
  public static SelectorEngine of(Project project) {
    Objects.requireNonNull(project, "project");
    return ProjectCore.of(project).view(SelectorEngine.class, c -> new SelectorEngine(project, SelectionContext.EMPTY));
  }

  /**
   * Builds an engine for a loaded project with comparison state and selector definitions, sharing the project's
   * lineage.
   *
   * @param project the project
   * @param context the state
   * @return the engine
   * @throws dev.dbttriage.artifact.ArtifactException if the project's graph has a cycle or a dangling dependency
   */
  public static SelectorEngine of(Project project, SelectionContext context) {
    return new SelectorEngine(Objects.requireNonNull(project, "project"), context);
  }

  /**
   * Builds an engine for a manifest with comparison state and selector definitions.
   *
   * @param manifest the manifest
   * @param context the state
   * @return the engine
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public static SelectorEngine of(Manifest manifest, SelectionContext context) {
    return new SelectorEngine(Project.of(manifest), context);
  }

  /**
   * Builds an engine over an existing lineage graph (sharing its adjacency arrays).
   *
   * @param lineage the graph
   * @param context the state
   * @return the engine
   */
  public static SelectorEngine of(LineageGraph lineage, SelectionContext context) {
    return new SelectorEngine(Objects.requireNonNull(lineage, "lineage").project(), context);
  }

  /** Returns an engine over the same graph with another context (the graph is shared, not rebuilt). */
  public SelectorEngine withContext(SelectionContext newContext) {
    return new SelectorEngine(lineage.project(), newContext);
  }

  /** Returns the lineage graph the engine selects on. */
  public LineageGraph lineage() {
    return lineage;
  }

  /** Returns the context. */
  public SelectionContext context() {
    return context;
  }

  /** Returns the manifest. */
  public Manifest manifest() {
    return graph.manifest();
  }

  /**
   * Evaluates a request as dbt does for its command.
   *
   * @param request the request
   * @return the sorted unique ids and the warnings
   * @throws SelectorSyntaxException on a malformed criterion, a bad method value, an unknown selector name, or a
   *     method whose state is missing from the context
   */
  public Selection select(SelectionRequest request) {
    return new Evaluation(this, request).run();
  }

  /**
   * Evaluates {@code dbt ls --select EXPR} (default resource types, empty nodes kept).
   *
   * @param selectExpression space-separated criteria, as one {@code --select} value
   * @return the selected unique ids, sorted
   * @throws SelectorSyntaxException on a malformed expression
   */
  public Set<String> select(String selectExpression) {
    return select(selectExpression, "");
  }

  /**
   * Evaluates {@code dbt ls --select SELECT --exclude EXCLUDE}; a blank select means dbt's default selection.
   *
   * @param select space-separated criteria
   * @param exclude space-separated criteria, blank for none
   * @return the selected unique ids, sorted
   * @throws SelectorSyntaxException on a malformed expression
   */
  public Set<String> select(String select, String exclude) {
    SelectionRequest.Builder b = SelectionRequest.builder();
    if (select != null && !select.isBlank()) {
      b.select(select);
    }
    if (exclude != null && !exclude.isBlank()) {
      b.exclude(exclude);
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(select(b.build()).ids()));
  }

  /**
   * Returns what {@code dbt COMMAND --select SELECT... --exclude EXCLUDE...} would execute: the command's
   * resource types, empty nodes dropped, and for {@code run}/{@code build} ephemeral models (selected but never
   * run) left out. Fits {@code dev.dbttriage.plan.SelectionEvaluator} as {@code engine::evaluate}.
   *
   * @param command the dbt command ({@code run}, {@code build}, {@code test}, {@code seed}, {@code snapshot},
   *     {@code compile}, {@code ls}, {@code source freshness})
   * @param select the {@code --select} values (empty: dbt's default selection)
   * @param exclude the {@code --exclude} values
   * @return the unique ids, sorted
   * @throws SelectorSyntaxException if the command or the selection is invalid
   */
  public Set<String> evaluate(String command, List<String> select, List<String> exclude) {
    SelectionRequest request = SelectionRequest.builder().command(SelectionCommand.fromName(command))
        .select(select).exclude(exclude).build();
    return Collections.unmodifiableSet(new LinkedHashSet<>(select(request).ids()));
  }

  /**
   * Checks that an expression parses (methods exist, operators are well formed) without evaluating it.
   *
   * @param expression space-separated criteria
   * @throws SelectorSyntaxException if it does not parse
   */
  public static void validate(String expression) {
    SpecParser.union(List.of(expression), true, IndirectSelection.EAGER);
  }

  PathGlob pathGlob() {
    PathGlob p = pathGlob;
    if (p == null) {
      Manifest m = graph.manifest();
      List<String> files = new ArrayList<>();
      boolean known = !rootProject.isEmpty();
      for (Map<String, Node> col : m.graphCollections()) {
        for (Node n : col.values()) {
          addFiles(n, known, files);
        }
      }
      for (List<Node> list : m.disabled().values()) {
        for (Node n : list) {
          addFiles(n, known, files);
        }
      }
      String[] ofp = new String[size];
      String[] patch = new String[size];
      for (int i = 0; i < size; i++) {
        Node n = graph.node(i);
        ofp[i] = PathGlob.normalize(n.originalFilePath());
        String pp = n.patchPath().orElse("");
        int k = pp.indexOf("://");
        patch[i] = k >= 0 ? PathGlob.normalize(pp.substring(k + 3)) : null;
      }
      normalizedPaths = ofp;
      normalizedPatchPaths = patch;
      p = new PathGlob(files);
      pathGlob = p;
    }
    return p;
  }

  /** Returns the normalised original_file_path of each vertex (after {@link #pathGlob()}). */
  String[] normalizedPaths() {
    pathGlob();
    return normalizedPaths;
  }

  /** Returns the normalised patch file of each vertex, or null (after {@link #pathGlob()}). */
  String[] normalizedPatchPaths() {
    pathGlob();
    return normalizedPatchPaths;
  }

  /** Returns the vertices a {@code state:} value selects, computed once per engine. */
  BitSet stateResult(String value) {
    StateCheck check = comparison().rules();
    BitSet cached = stateResults.get(value);
    if (cached == null) {
      cached = new BitSet(size);
      for (int i = 0; i < size; i++) {
        if (check.check(value, graph.node(i), kinds[i])) {
          cached.set(i);
        }
      }
      stateResults.put(value, cached);
    }
    return (BitSet) cached.clone();
  }

  private void addFiles(Node n, boolean known, List<String> files) {
    if (known && !n.packageName().equals(rootProject)) {
      return;
    }
    if (!n.originalFilePath().isEmpty()) {
      files.add(n.originalFilePath());
    }
    n.patchPath().ifPresent(pp -> {
      int k = pp.indexOf("://");
      if (k >= 0) {
        files.add(pp.substring(k + 3));
      }
    });
  }

  /**
   * Returns the comparison of this engine's manifest with the context's previous manifest, built on first use.
   *
   * @throws SelectorSyntaxException if the context has no comparison manifest
   */
  ManifestComparison comparison() {
    ManifestComparison c = comparison;
    if (c == null) {
      Optional<Manifest> prev = context.previousManifest();
      if (prev.isEmpty()) {
        throw new SelectorSyntaxException("Got a state selector method, but no comparison manifest", "state:", -1);
      }
      c = ManifestComparison.of(prev.get(), graph.manifest());
      comparison = c;
    }
    return c;
  }

  int[] allMembers() {
    int[] a = new int[size];
    Arrays.setAll(a, i -> i);
    return a;
  }

  BitSet sourcesBits() {
    BitSet b = new BitSet(size);
    for (int i = 0; i < size; i++) {
      if (isSource[i]) {
        b.set(i);
      }
    }
    return b;
  }
}
