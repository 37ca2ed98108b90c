package dev.dbttriage.select;

import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import dev.dbttriage.select.Spec.Group;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One evaluation of a request against an engine. Not thread-safe; created per call. */
final class Evaluation {
  static final List<String> DEFAULT_LS_TYPES = List.of("model", "snapshot", "seed", "test", "source", "exposure",
      "metric", "saved_query", "semantic_model", "unit_test", "function");
  static final List<String> RESOURCE_TYPE_CHOICES = List.of("metric", "semantic_model", "saved_query", "source",
      "analysis", "function", "model", "test", "unit_test", "exposure", "snapshot", "seed", "default", "all");
  static final List<String> BUILD_TYPES = List.of("model", "snapshot", "seed", "test", "unit_test", "saved_query",
      "exposure", "function");
  static final List<String> COMPILE_TYPES = List.of("model", "test", "snapshot", "analysis", "operation", "seed",
      "doc", "rpc", "sql_operation", "function");
  static final Set<String> NODE_TYPES = Set.of("model", "analysis", "test", "snapshot", "operation", "seed", "rpc",
      "sql_operation", "doc", "source", "macro", "exposure", "metric", "group", "saved_query", "semantic_model",
      "unit_test", "fixture", "function");

  private final SelectorEngine e;
  private final LineageIndex g;
  private final SelectionRequest request;
  private final IndirectSelection mode;
  private final List<String> warnings = new ArrayList<>();
  private final Deque<String> selectorStack = new ArrayDeque<>();
  private Set<String> allowedTypes;
  private boolean dropEmpty;
  private boolean dropEphemeral;

  Evaluation(SelectorEngine engine, SelectionRequest request) {
    this.e = engine;
    this.g = engine.graph;
    this.request = request;
    this.mode = request.indirectSelection();
  }

  Selection run() {
    resolveResourceTypes();
    Spec spec;
    Optional<String> selectorName = request.selector();
    if (selectorName.isPresent()) {
      if (!request.select().isEmpty() || !request.exclude().isEmpty()) {
        warnings.add("The --select and --exclude arguments are being ignored for node selection because "
            + "--selector is provided");
      }
      spec = namedSelector(selectorName.get());
    } else if (request.select().isEmpty() && request.exclude().isEmpty()
        && SelectorDefinitions.defaultName(e.selectorDefs).isPresent()) {
      spec = namedSelector(SelectorDefinitions.defaultName(e.selectorDefs).get());
    } else {
      spec = SpecParser.difference(request.select(), request.exclude(), mode);
    }
    BitSet direct = eval(spec)[0];
    BitSet kept = filter(direct);
    List<String> ids = new ArrayList<>(kept.cardinality());
    int remaining = kept.cardinality();
    for (int k = 0; k < e.size && remaining > 0; k++) {
      int i = e.sortedOrder[k];
      if (kept.get(i)) {
        ids.add(g.id(i));
        remaining--;
      }
    }
    if (ids.isEmpty() && request.command() == SelectionCommand.LS) {
      warnings.add("No nodes selected!");
    }
    return new Selection(ids, warnings);
  }

  private Spec namedSelector(String name) {
    Map<String, Object> defs = e.selectorDefs;
    if (defs.isEmpty()) {
      throw new SelectorSyntaxException("Selector '" + name + "' did not match any selector in selectors.yml",
          name, -1);
    }
    Object entry = defs.get(name);
    if (!(entry instanceof Map<?, ?> m)) {
      List<String> names = new ArrayList<>();
      defs.keySet().forEach(k -> names.add("'" + k + "'"));
      throw new SelectorSyntaxException("Could not find selector named " + name + ", expected one of ["
          + String.join(", ", names) + "]", name, -1);
    }
    return SpecParser.definition(m.get("definition"), true, mode);
  }

  // ---- resource types -------------------------------------------------------------------------------------

  private void resolveResourceTypes() {
    SelectionCommand cmd = request.command();
    dropEmpty = cmd != SelectionCommand.LS;
    dropEphemeral = cmd == SelectionCommand.RUN || cmd == SelectionCommand.BUILD;
    if (request.models() && !request.resourceTypes().isEmpty()) {
      throw new SelectorSyntaxException("\"models\" and \"resource_type\" are mutually exclusive arguments",
          "--resource-type", -1);
    }
    switch (cmd) {
      case LS:
        if (request.models()) {
          allowedTypes = Set.of("model");
        } else {
          allowedTypes = fromArgs(union(DEFAULT_LS_TYPES, List.of("analysis")), DEFAULT_LS_TYPES);
        }
        break;
      case TEST:
        allowedTypes = fromArgs(List.of("test", "unit_test"), List.of("test", "unit_test"));
        allowedTypes.retainAll(Set.of("test", "unit_test"));
        break;
      case BUILD:
        allowedTypes = fromArgs(BUILD_TYPES, BUILD_TYPES);
        break;
      case RUN:
        allowedTypes = Set.of("model");
        break;
      case SEED:
        allowedTypes = Set.of("seed");
        break;
      case SNAPSHOT:
        allowedTypes = Set.of("snapshot");
        break;
      case COMPILE:
        allowedTypes = new HashSet<>(COMPILE_TYPES);
        break;
      case FRESHNESS:
        allowedTypes = Set.of("source");
        break;
      default:
        throw new IllegalStateException(cmd.toString());
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private Set<String> fromArgs(List<String> all, List<String> defaults) {
    Set<String> types = new HashSet<>();
    List<String> given = new ArrayList<>();
    for (String v : request.resourceTypes()) {
      for (String part : v.split(" ")) {
        if (!part.isEmpty()) {
          given.add(checkChoice(part, "--resource-type", RESOURCE_TYPE_CHOICES));
        }
      }
    }
    if (given.isEmpty()) {
      types.addAll(defaults);
    } else {
      for (String t : given) {
        if (t.equals("all")) {
          types.addAll(all);
        } else if (t.equals("default")) {
          types.addAll(defaults);
        } else {
          types.add(t);
        }
      }
    }
    for (String v : request.excludeResourceTypes()) {
      for (String part : v.split(" ")) {
        if (!part.isEmpty()) {
          String t = checkChoice(part, "--exclude-resource-type", RESOURCE_TYPE_CHOICES.subList(0, 13));
          if (t.equals("default")) {
            throw new SelectorSyntaxException("'default' is not a valid NodeType", t, -1);
          }
          types.remove(t);
        }
      }
    }
    return types;
  }

  private static String checkChoice(String value, String flag, List<String> choices) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      List<String> quoted = new ArrayList<>();
      choices.forEach(c -> quoted.add("'" + c + "'"));
      throw new SelectorSyntaxException("Invalid value for '" + flag + "': '" + value + "' is not one of "
          + String.join(", ", quoted) + ".", value, -1);
    }
    return lower;
  }

  private BitSet filter(BitSet selected) {
    boolean[] allowed = new boolean[e.typeNames.size()];
    for (int t = 0; t < allowed.length; t++) {
      allowed[t] = allowedTypes.contains(e.typeNames.get(t));
    }
    BitSet out = new BitSet(e.size);
    for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
      if (allowed[e.typeCode[i]] && !(dropEmpty && e.empty[i]) && !(dropEphemeral && e.ephemeralModel[i])) {
        out.set(i);
      }
    }
    return out;
  }

  // ---- set algebra ----------------------------------------------------------------------------------------

  /** Returns {direct, pool} where pool includes direct, as dbt's (direct, indirect) bundles combine. */
  private BitSet[] eval(Spec spec) {
    if (spec instanceof Criterion c) {
      BitSet[] r = criterion(c);
      BitSet pool = (BitSet) r[1].clone();
      pool.or(r[0]);
      return new BitSet[] {r[0], pool};
    }
    Group group = (Group) spec;
    List<BitSet> directs = new ArrayList<>();
    List<BitSet> pools = new ArrayList<>();
    for (Spec component : group.components) {
      BitSet[] r = eval(component);
      directs.add(r[0]);
      pools.add(r[1]);
    }
    BitSet direct = combine(group.op, directs);
    BitSet pool = combine(group.op, pools);
    direct = incorporate(direct, pool, group.indirect);
    if (group.expectExists && direct.isEmpty()) {
      warnings.add("The selection criterion '" + group.raw + "' does not match any enabled nodes");
    }
    BitSet poolAll = (BitSet) pool.clone();
    poolAll.or(direct);
    return new BitSet[] {direct, poolAll};
  }

  private BitSet combine(Spec.Op op, List<BitSet> sets) {
    if (sets.isEmpty()) {
      return new BitSet(e.size);
    }
    BitSet out = (BitSet) sets.get(0).clone();
    for (int k = 1; k < sets.size(); k++) {
      switch (op) {
        case UNION:
          out.or(sets.get(k));
          break;
        case INTERSECTION:
          out.and(sets.get(k));
          break;
        case DIFFERENCE:
          out.andNot(sets.get(k));
          break;
        default:
          throw new IllegalStateException();
      }
    }
    return out;
  }

  private BitSet incorporate(BitSet direct, BitSet pool, IndirectSelection groupMode) {
    if (direct.equals(pool) || (groupMode != IndirectSelection.CAUTIOUS && groupMode != IndirectSelection.BUILDABLE)) {
      return direct;
    }
    BitSet selected = (BitSet) direct.clone();
    BitSet allowed = selected;
    if (groupMode == IndirectSelection.BUILDABLE) {
      allowed = (BitSet) selected.clone();
      allowed.or(g.walk(selected, true, -1));
    }
    for (int i = pool.nextSetBit(0); i >= 0; i = pool.nextSetBit(i + 1)) {
      if (g.collection(i) != LineageIndex.NODES || selected.get(i)) {
        continue;
      }
      if (depsWithin(i, groupMode == IndirectSelection.BUILDABLE ? allowed : selected, false)) {
        selected.set(i);
      }
    }
    return selected;
  }

  private boolean depsWithin(int test, BitSet set, boolean sourcesAllowed) {
    for (int d : g.deps(test)) {
      if (d >= 0) {
        if (!set.get(d) && !(sourcesAllowed && e.isSource[d])) {
          return false;
        }
      } else if (!(sourcesAllowed && d == LineageIndex.NOT_MEMBER_SOURCE)) {
        return false;
      }
    }
    return true;
  }

  // ---- one criterion --------------------------------------------------------------------------------------

  private BitSet[] criterion(Criterion c) {
    BitSet matched = search(c);
    BitSet selected = (BitSet) matched.clone();
    if (c.childrensParents) {
      BitSet s = g.walk(matched, false, -1);
      s.or(matched);
      selected.or(s);
      selected.or(g.walk(s, true, -1));
    }
    if (c.parents) {
      selected.or(g.walk(matched, true, c.parentsDepth));
    }
    if (c.children) {
      selected.or(g.walk(matched, false, c.childrenDepth));
    }
    BitSet empty = new BitSet(e.size);
    if (c.indirect == IndirectSelection.EMPTY || c.method == Spec.Method.SELECTOR) {
      return new BitSet[] {selected, empty};
    }
    BitSet direct = (BitSet) selected.clone();
    BitSet pool = new BitSet(e.size);
    BitSet selectedAndParents = null;
    if (c.indirect == IndirectSelection.BUILDABLE) {
      selectedAndParents = (BitSet) selected.clone();
      selectedAndParents.or(g.walk(selected, true, -1));
    }
    int[] children = g.childList();
    BitSet seen = new BitSet(e.size);
    for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
      for (int k = g.childStart(i); k < g.childEnd(i); k++) {
        int t = children[k];
        if (!e.testLike[t] || seen.get(t)) {
          continue;
        }
        seen.set(t);
        if (c.indirect == IndirectSelection.EAGER || depsWithin(t, selected, false)) {
          direct.set(t);
        } else if (c.indirect == IndirectSelection.BUILDABLE && depsWithin(t, selectedAndParents, true)) {
          direct.set(t);
        } else {
          pool.set(t);
        }
      }
    }
    return new BitSet[] {direct, pool};
  }

  private BitSet search(Criterion c) {
    String v = c.value;
    BitSet out = new BitSet(e.size);
    int n = e.size;
    switch (c.method) {
      case FQN:
        e.fqnIndex.search(new FqnPattern(v), out);
        return out;
      case TAG:
        e.indexes.tag(v, out);
        return out;
      case GROUP:
        for (int i = 0; i < n; i++) {
          byte col = g.collection(i);
          if (col == LineageIndex.NODES || col == LineageIndex.METRICS) {
            Object grp = g.node(i).config().values().get("group");
            if (grp instanceof String s && !s.isEmpty() && Fnmatch.matches(s, v)) {
              out.set(i);
            }
          }
        }
        return out;
      case ACCESS:
        for (int i = 0; i < n; i++) {
          Node node = g.node(i);
          if (g.collection(i) == LineageIndex.NODES && node.resourceTypeName().equals("model")
              && node.access().orElse("protected").equals(v)) {
            out.set(i);
          }
        }
        return out;
      case SOURCE:
        return sourceSearch(v, out);
      case EXPOSURE:
        return namedSearch(v, LineageIndex.EXPOSURES, "exposure", "Exposures", "${exposure_name} or "
            + "${exposure_package.exposure_name}", out);
      case METRIC:
        return namedSearch(v, LineageIndex.METRICS, "metric", "Metrics", "${metric_name} or "
            + "${metric_package.metric_name}", out);
      case SEMANTIC_MODEL:
        return namedSearch(v, LineageIndex.SEMANTIC_MODELS, "semantic model", "Semantic models",
            "${semantic_model_name} or ${semantic_model_package.semantic_model_name}", out);
      case SAVED_QUERY:
        return namedSearch(v, LineageIndex.SAVED_QUERIES, "saved query", "Saved queries",
            "${saved_query_name} or ${saved_query_package.saved_query_name}", out);
      case UNIT_TEST:
        return namedSearch(v, LineageIndex.UNIT_TESTS, "unit test", "Saved queries",
            "${unit_test_name} or ${unit_test_package_name.unit_test_name}", out);
      case PATH:
        e.indexes.path(v, out);
        return out;
      case FILE:
        e.indexes.file(v, out);
        return out;
      case PACKAGE:
        e.indexes.packageName(v.equals("this") && !e.rootProject.isEmpty() ? e.rootProject : v, out);
        return out;
      case CONFIG:
        e.indexes.config(c.args, v, out);
        return out;
      case TEST_NAME:
        for (int i = 0; i < n; i++) {
          byte col = g.collection(i);
          Node node = g.node(i);
          if (col == LineageIndex.NODES && node.resourceTypeName().equals("test") && node.testMetadata().isPresent()) {
            if (Fnmatch.matches(node.testMetadata().get().name(), v)) {
              out.set(i);
            }
          } else if (col == LineageIndex.UNIT_TESTS && Fnmatch.matches(node.name(), v)) {
            out.set(i);
          }
        }
        return out;
      case TEST_TYPE:
        return testTypeSearch(v, out);
      case RESOURCE_TYPE:
        if (!NODE_TYPES.contains(v)) {
          throw new SelectorSyntaxException("Invalid resource_type selector \"" + v + "\"", c.raw, -1);
        }
        e.indexes.resourceType(v, out);
        return out;
      case VERSION:
        return versionSearch(v, out);
      case STATE:
        return stateSearch(v, out);
      case RESULT:
        return resultSearch(v, out);
      case SOURCE_STATUS:
        return sourceStatusSearch(v, out);
      case SELECTOR:
        return selectorSearch(v, out);
      default:
        throw new IllegalStateException(c.method.toString());
    }
  }

  private BitSet sourceSearch(String v, BitSet out) {
    String[] parts = v.split("\\.", -1);
    String pkg = "*";
    String source;
    String table;
    if (parts.length == 1) {
      source = parts[0];
      table = "*";
    } else if (parts.length == 2) {
      source = parts[0];
      table = parts[1];
    } else if (parts.length == 3) {
      pkg = parts[0];
      source = parts[1];
      table = parts[2];
    } else {
      throw new SelectorSyntaxException("Invalid source selector value \"" + v + "\". Sources must be of the form "
          + "`${source_name}`, `${source_name}.${target_name}`, or `${package_name}.${source_name}.${target_name}",
          v, -1);
    }
    for (int i = 0; i < e.size; i++) {
      if (g.collection(i) != LineageIndex.SOURCES) {
        continue;
      }
      Node node = g.node(i);
      String sourceName = node.sourceName().orElse("");
      if (Fnmatch.matches(node.packageName(), pkg) && Fnmatch.matches(sourceName, source)
          && Fnmatch.matches(node.name(), table)) {
        out.set(i);
      }
    }
    return out;
  }

  private BitSet namedSearch(String v, byte collection, String label, String plural, String forms, BitSet out) {
    String[] parts = v.split("\\.", -1);
    String pkg = "*";
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      pkg = parts[0];
      name = parts[1];
    } else {
      throw new SelectorSyntaxException("Invalid " + label + " selector value \"" + v + "\". " + plural
          + " must be of the form " + forms, v, -1);
    }
    for (int i = 0; i < e.size; i++) {
      if (g.collection(i) == collection) {
        Node node = g.node(i);
        if (Fnmatch.matches(node.packageName(), pkg) && Fnmatch.matches(node.name(), name)) {
          out.set(i);
        }
      }
    }
    return out;
  }

  private BitSet testTypeSearch(String v, BitSet out) {
    boolean generic = false;
    boolean singular = false;
    boolean unit = false;
    // dbt tests `selector in ("data")`, a substring test on a string, and likewise for the others
    if (v.equals("generic") || v.equals("schema")) {
      generic = true;
    } else if ("data".contains(v)) {
      generic = true;
      singular = true;
    } else if ("singular".contains(v)) {
      singular = true;
    } else if ("unit".contains(v)) {
      unit = true;
    } else {
      throw new SelectorSyntaxException("Invalid test type selector " + v + ": expected \"generic\", \"singular\", "
          + "\"unit\", or \"data\"", v, -1);
    }
    for (int i = 0; i < e.size; i++) {
      byte col = g.collection(i);
      Node node = g.node(i);
      if (col == LineageIndex.NODES && node.resourceTypeName().equals("test")) {
        boolean isGeneric = node.testMetadata().isPresent();
        if ((isGeneric && generic) || (!isGeneric && singular)) {
          out.set(i);
        }
      } else if (col == LineageIndex.UNIT_TESTS && unit) {
        out.set(i);
      }
    }
    return out;
  }

  private BitSet versionSearch(String v, BitSet out) {
    for (int i = 0; i < e.size; i++) {
      Node node = g.node(i);
      if (g.collection(i) != LineageIndex.NODES || !node.resourceTypeName().equals("model")) {
        continue;
      }
      Optional<String> version = node.version();
      Optional<String> latest = node.latestVersion();
      switch (v) {
        case "latest":
          if (version.isPresent() && version.equals(latest)) {
            out.set(i);
          }
          break;
        case "prerelease":
          if (truthyVersion(version) && truthyVersion(latest)
              && Py.compareVersions(version.get(), latest.get()) > 0) {
            out.set(i);
          }
          break;
        case "old":
          if (truthyVersion(version) && truthyVersion(latest)
              && Py.compareVersions(version.get(), latest.get()) < 0) {
            out.set(i);
          }
          break;
        case "none":
          if (version.isEmpty()) {
            out.set(i);
          }
          break;
        default:
          throw new SelectorSyntaxException("Invalid version type selector " + v + ": expected one of: \"latest\", "
              + "\"prerelease\", \"old\", or \"none\"", v, -1);
      }
    }
    return out;
  }

  private static boolean truthyVersion(Optional<String> v) {
    // Python truthiness of the JSON value: "" and 0 are false
    return v.isPresent() && !v.get().isEmpty() && !v.get().equals("0") && !v.get().equals("0.0");
  }

  private BitSet stateSearch(String v, BitSet out) {
    e.stateCheck();
    if (!StateCheck.VALUES.contains(v)) {
      List<String> quoted = new ArrayList<>();
      StateCheck.VALUES.forEach(s -> quoted.add("'" + s + "'"));
      throw new SelectorSyntaxException("Got an invalid selector \"" + v + "\", expected one of \"["
          + String.join(", ", quoted) + "]\"", v, -1);
    }
    out.or(e.stateResult(v));
    return out;
  }

  private BitSet resultSearch(String v, BitSet out) {
    RunResults results = e.context.previousRunResults().orElseThrow(() ->
        new SelectorSyntaxException("No comparison run_results", "result:" + v, -1));
    Set<String> matches = new HashSet<>();
    for (RunResult r : results.results()) {
      if (r.rawStatus().equals(v)) {
        matches.add(r.uniqueId());
      }
    }
    for (String id : matches) {
      int i = g.indexOf(id);
      if (i >= 0) {
        out.set(i);
      }
    }
    return out;
  }

  private BitSet sourceStatusSearch(String v, BitSet out) {
    SourceFreshness previous = e.context.previousSources().orElseThrow(() -> new SelectorSyntaxException(
        "No previous state comparison freshness results in sources.json", "source_status:" + v, -1));
    SourceFreshness current = e.context.currentSources().orElseThrow(() -> new SelectorSyntaxException(
        "No current state comparison freshness results in sources.json", "source_status:" + v, -1));
    if (!v.equals("fresher")) {
      return out;
    }
    Map<String, String> prev = new HashMap<>();
    for (FreshnessResult r : previous.results()) {
      r.maxLoadedAt().ifPresent(t -> prev.put(r.uniqueId(), t));
    }
    Map<String, String> cur = new TreeMap<>();
    for (FreshnessResult r : current.results()) {
      r.maxLoadedAt().ifPresent(t -> cur.put(r.uniqueId(), t));
    }
    for (Map.Entry<String, String> entry : cur.entrySet()) {
      String before = prev.get(entry.getKey());
      if (before == null || later(entry.getValue(), before)) {
        int i = g.indexOf(entry.getKey());
        if (i >= 0) {
          out.set(i);
        }
      }
    }
    return out;
  }

  private static boolean later(String now, String before) {
    Optional<OffsetDateTime> a = Py.timestamp(now);
    Optional<OffsetDateTime> b = Py.timestamp(before);
    if (a.isPresent() && b.isPresent()) {
      return a.get().isAfter(b.get());
    }
    return now.compareTo(before) > 0;
  }

  private BitSet selectorSearch(String pattern, BitSet out) {
    Map<String, Object> defs = e.selectorDefs;
    List<String> names = new ArrayList<>(new TreeMap<>(defs).keySet());
    List<String> matched = new ArrayList<>();
    for (String name : names) {
      if (Fnmatch.matches(name, pattern)) {
        matched.add(name);
      }
    }
    if (matched.isEmpty()) {
      throw new SelectorSyntaxException("Selector '" + pattern + "' did not match any selector in selectors.yml",
          "selector:" + pattern, -1);
    }
    for (String name : matched) {
      if (selectorStack.contains(name)) {
        throw new SelectorSyntaxException("Circular dependency detected in selector: " + name, name, -1);
      }
      selectorStack.push(name);
      Object entry = defs.get(name);
      Spec spec = SpecParser.definition(((Map<?, ?>) entry).get("definition"), true, mode);
      out.or(filter(eval(spec)[0]));
      selectorStack.pop();
    }
    return out;
  }

  static Set<String> ordered(Set<String> in) {
    return new LinkedHashSet<>(in);
  }
}
