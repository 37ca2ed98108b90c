package dev.dbttriage.triage;

import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.internal.graph.CompactGraph;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.select.SelectionRequest;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.Redaction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run into a {@link TriageReport}: the root causes behind the cascade of skipped nodes, each with the
 * symptoms attributed to it, its diagnosis, blast radius, history and filled-in triage record.
 *
 * <p>Skips are attributed the way dbt propagates them: {@code run} skips the descendants of an {@code error} or
 * {@code partial success}; {@code build} also skips below a failing data test (a node is skipped when it
 * depends, directly or not, on every parent of the test) and skips a model whose unit test failed; a model
 * configured {@code on_error: continue} skips nothing; an ephemeral model never runs, so its error surfaces in
 * the children that inline it and is reported once, as the ephemeral root; nodes skipped by {@code --fail-fast}
 * ("Skipping due to fail_fast") are attributed to the first failure. A skipped node below several failures is
 * listed under each.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 */
public final class TriageEngine {
  private static final Set<RunStatus> NODE_FAILURES =
      EnumSet.of(RunStatus.ERROR, RunStatus.RUNTIME_ERROR, RunStatus.PARTIAL_SUCCESS, RunStatus.FAIL);
  private static final Set<ResourceType> LS_DEFAULT_TYPES =
      EnumSet.of(ResourceType.MODEL, ResourceType.SNAPSHOT, ResourceType.SEED, ResourceType.TEST,
          ResourceType.SOURCE, ResourceType.EXPOSURE, ResourceType.METRIC, ResourceType.SAVED_QUERY,
          ResourceType.SEMANTIC_MODEL, ResourceType.UNIT_TEST, ResourceType.FUNCTION);
  private static final Pattern EPHEMERAL_CTE = Pattern.compile("__dbt__cte__([A-Za-z0-9_]+)");
  private static final Pattern HEADER_NODE =
      Pattern.compile("(?:Error|Failure|Warning) in (?:model|snapshot|seed|test) ([A-Za-z0-9_.]+)");

  private final int minorThreshold;
  private final int majorThreshold;
  private final FailureDiagnoser diagnoser;
  private final BiFunction<Manifest, RunResults, Optional<Set<String>>> selectionResolver;

  private TriageEngine(Builder b) {
    this.minorThreshold = b.minorThreshold;
    this.majorThreshold = b.majorThreshold;
    this.diagnoser = b.diagnoser;
    this.selectionResolver = b.selectionResolver;
  }

  /** Returns a builder with the runbook's defaults: minor at 2 or fewer downstream nodes, major above 50. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Triages a run.
   *
   * @param input the manifest, the run and optional extras
   * @return the report
   */
  public TriageReport triage(TriageInput input) {
    Objects.requireNonNull(input, "input");
    return new Run(input).report();
  }

  /** The state of one triage. */
  private final class Run {
    final TriageInput input;
    final Manifest manifest;
    final CompactGraph graph;
    final Map<String, RunResult> results;
    final String command;
    final boolean buildSemantics;
    final List<String> warnings = new ArrayList<>();
    final Optional<String> generatedAt;
    /** Each graph node's position in unique-id order, so id lists sort as ints (dbt ls order). */
    private volatile int[] rank;

    Run(TriageInput input) {
      this.input = input;
      this.manifest = input.manifest();
      this.graph = new CompactGraph(manifest);
      this.results = input.current().current();
      this.command = commandOf(input);
      this.generatedAt = input.current().latestRun().flatMap(r -> r.metadata().generatedAt());
      boolean hasTests = false;
      boolean hasBuildables = false;
      for (String id : results.keySet()) {
        ResourceType t = typeOf(id);
        hasTests |= t == ResourceType.TEST || t == ResourceType.UNIT_TEST;
        hasBuildables |= t == ResourceType.MODEL || t == ResourceType.SEED || t == ResourceType.SNAPSHOT;
      }
      this.buildSemantics = command.equals("build") || (command.isEmpty() && hasTests && hasBuildables);
    }

    ResourceType typeOf(String id) {
      int i = graph.indexOf(id);
      if (i >= 0) {
        return graph.node(i).resourceType();
      }
      String prefix = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
      return ResourceType.fromDbtName(prefix).orElse(ResourceType.OTHER);
    }

    TriageReport report() {
      Map<String, BitSet> causes = new LinkedHashMap<>();
      Map<String, RootKind> kinds = new LinkedHashMap<>();
      Map<String, List<String>> related = new HashMap<>();
      Map<String, String> ephemeralOf = ephemeralRoots();
      List<String> warnIds = new ArrayList<>();

      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        String id = e.getKey();
        RunStatus status = e.getValue().status();
        if (status == RunStatus.WARN) {
          warnIds.add(id);
          continue;
        }
        if (!NODE_FAILURES.contains(status)) {
          continue;
        }
        String rootId = ephemeralOf.getOrDefault(id, id);
        if (!rootId.equals(id)) {
          related.computeIfAbsent(rootId, k -> new ArrayList<>()).add(id);
        }
        ResourceType type = typeOf(id);
        RootKind kind = rootId.equals(id)
            ? (type == ResourceType.TEST ? RootKind.FAILED_TEST
                : type == ResourceType.UNIT_TEST ? RootKind.FAILED_UNIT_TEST : RootKind.FAILED_NODE)
            : RootKind.EPHEMERAL_PARENT;
        kinds.putIfAbsent(rootId, kind);
        BitSet set = skipSet(id, type);
        causes.merge(rootId, set, (a, b) -> {
          a.or(b);
          return a;
        });
      }

      // Attribute every skipped node: walk each cause's reach once, marking the skipped nodes it covers.
      BitSet skippedNodes = new BitSet(graph.size());
      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        if (e.getValue().status() == RunStatus.SKIPPED) {
          int i = graph.indexOf(e.getKey());
          if (i >= 0) {
            skippedNodes.set(i);
          }
        }
      }
      List<String> causeIds = new ArrayList<>(causes.keySet());
      causeIds.sort(null);
      List<List<String>> byIndex = new ArrayList<>(java.util.Collections.nCopies(graph.size(), null));
      Map<String, List<String>> skippedOf = new HashMap<>();
      for (String rootId : causeIds) {
        BitSet covered = (BitSet) causes.get(rootId).clone();
        covered.and(skippedNodes);
        List<String> mine = new ArrayList<>(covered.cardinality());
        for (int x = covered.nextSetBit(0); x >= 0; x = covered.nextSetBit(x + 1)) {
          if (byIndex.get(x) == null) {
            byIndex.set(x, new ArrayList<>(2));
          }
          byIndex.get(x).add(rootId);
          mine.add(graph.node(x).uniqueId());
        }
        skippedOf.put(rootId, mine);
      }
      Map<String, List<String>> skippedBy = new TreeMap<>();
      List<String> unexplained = new ArrayList<>();
      String firstFailure = firstFailure();
      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        if (e.getValue().status() != RunStatus.SKIPPED) {
          continue;
        }
        String id = e.getKey();
        int i = graph.indexOf(id);
        List<String> by = i >= 0 && byIndex.get(i) != null ? byIndex.get(i) : new ArrayList<>();
        if (by.isEmpty() && firstFailure != null && isFailFastSkip(e.getValue())) {
          String root = ephemeralOf.getOrDefault(firstFailure, firstFailure);
          by.add(root);
          skippedOf.computeIfAbsent(root, k -> new ArrayList<>()).add(id);
        }
        if (by.isEmpty()) {
          unexplained.add(id);
          continue;
        }
        skippedBy.put(id, by);
      }

      // Roots are independent once attribution is done: diagnose and size them on every core (the classifier
      // and the graph are thread-safe), keeping the order stable.
      rank();
      if (graph.size() > 0) {
        addOwners(0, new TreeSet<>());
      }
      if (!input.previousRuns().isEmpty()) {
        historyResults();
      }
      List<Map.Entry<String, RootKind>> todo = new ArrayList<>(kinds.entrySet());
      warnIds.forEach(id -> todo.add(Map.entry(id, RootKind.WARNING)));
      List<RootCause> roots = new ArrayList<>(todo.parallelStream().map(e -> {
        String rootId = e.getKey();
        RootKind kind = e.getValue();
        if (kind == RootKind.WARNING) {
          return root(kind, rootId, skipSet(rootId, typeOf(rootId)), List.of(), List.of());
        }
        // The blast radius is what dbt ls --select root+ lists (for a test: what consumes its models), whatever
        // dbt skipped: a model with on_error: continue skips nothing but still feeds its downstream bad data.
        BitSet reach = kind == RootKind.EPHEMERAL_PARENT || kind == RootKind.FAILED_NODE
            ? downstreamOf(rootId)
            : causes.get(rootId);
        return root(kind, rootId, reach, skippedOf.getOrDefault(rootId, List.of()),
            related.getOrDefault(rootId, List.of()));
      }).toList());
      freshnessRoots(roots);
      List<String> neverRan = neverRan();
      if (!neverRan.isEmpty()) {
        roots.add(groupRoot(RootKind.NEVER_RAN, "never-ran", neverRan,
            "selected by the invocation but no result was written: the run crashed, was killed or timed out"));
      }
      if (!unexplained.isEmpty()) {
        unexplained.sort(null);
        for (String id : unexplained) {
          skippedBy.put(id, List.of("unexplained-skip"));
        }
        roots.add(groupRoot(RootKind.UNEXPLAINED_SKIP, "unexplained-skip", unexplained,
            "skipped with no failed node upstream in the results given; pass the run's other run_results.json"));
        warnings.add(unexplained.size() + " skipped node(s) have no failed node upstream in the results given");
      }
      roots.sort(ROOT_ORDER);

      Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
      results.values().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
      InvocationArgs args = InvocationArgs.NONE;
      List<RunResults> runs = input.current().runs();
      for (int k = runs.size() - 1; k >= 0; k--) {
        if (!runs.get(k).args().command().map("retry"::equals).orElse(false)) {
          args = runs.get(k).args();
          break;
        }
      }
      return new TriageReport(
          args,
          command.isEmpty() ? Optional.empty() : Optional.of(command),
          input.current().latestRun().flatMap(r -> r.metadata().invocationId()),
          generatedAt,
          input.current().latestRun().flatMap(r -> r.metadata().dbtVersion()),
          manifest.adapterType(),
          counts,
          roots,
          skippedBy,
          neverRan,
          warnings,
          List.copyOf(results.values()),
          commonCauses(roots));
    }

    /**
     * Groups failed roots that share class, subclass and (when their messages name relations) the schema or
     * dataset of those relations; groups of three or more are reported.
     */
    List<CommonCause> commonCauses(List<RootCause> roots) {
      Map<String, List<RootCause>> groups = new LinkedHashMap<>();
      Map<String, Optional<String>> scopes = new HashMap<>();
      for (RootCause r : roots) {
        if (r.severity() == Severity.INFO || r.kind() == RootKind.NEVER_RAN || r.kind() == RootKind.UNEXPLAINED_SKIP
            || r.diagnosis().subclass().equals("OTHER")) {
          continue;
        }
        Optional<String> scope = r.diagnosis().classification().flatMap(c -> c.objects().relation())
            .map(TriageEngine::scopeOf).filter(x -> !x.isEmpty());
        String key = r.diagnosis().errorClass() + "/" + r.diagnosis().subclass() + "/" + scope.orElse("");
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        scopes.put(key, scope);
      }
      List<CommonCause> out = new ArrayList<>();
      for (Map.Entry<String, List<RootCause>> e : groups.entrySet()) {
        List<RootCause> members = e.getValue();
        if (members.size() < 3) {
          continue;
        }
        RootCause first = members.get(0);
        Optional<String> scope = scopes.get(e.getKey());
        List<String> ids = members.stream().map(RootCause::uniqueId).sorted().toList();
        String summary = members.size() + " roots fail with " + first.diagnosis().errorClass() + "/"
            + first.diagnosis().subclass() + scope.map(x -> " in " + x).orElse("")
            + ": likely one cause upstream of them all; fix it once, then rescue them in one run";
        out.add(new CommonCause(first.diagnosis().errorClass(), first.diagnosis().subclass(), scope, ids, summary));
      }
      out.sort(Comparator.comparing((CommonCause c) -> c.roots().size()).reversed()
          .thenComparing(c -> c.roots().get(0)));
      return out;
    }

    /** The nodes a failure of {@code id} makes dbt skip (a superset: only skipped ones are attributed). */
    BitSet skipSet(String id, ResourceType type) {
      int i = graph.indexOf(id);
      if (i < 0) {
        return new BitSet();
      }
      Node node = graph.node(i);
      if (type == ResourceType.TEST) {
        if (!buildSemantics) {
          return new BitSet();
        }
        return consumersOfTest(i);
      }
      if (type == ResourceType.UNIT_TEST) {
        BitSet set = new BitSet();
        for (int p : graph.parents(i)) {
          set.set(p);
          set.or(graph.descendants(p));
        }
        return set;
      }
      if ("continue".equals(node.config().string("on_error").orElse(""))
          && node.resourceType() == ResourceType.MODEL) {
        return new BitSet();
      }
      return graph.descendants(i);
    }

    /**
     * The non-test nodes that depend, directly or not, on every parent of the test, and everything below them:
     * what {@code dbt build} skips when the test fails.
     */
    BitSet consumersOfTest(int test) {
      int[] ps = graph.parents(test);
      if (ps.length == 0) {
        return new BitSet();
      }
      BitSet common = null;
      for (int p : ps) {
        BitSet d = graph.descendants(p);
        if (common == null) {
          common = d;
        } else {
          common.and(d);
        }
      }
      // Descendants of a node in the common set are in the common set too, so one walk from its non-test
      // members reaches everything dbt build skips.
      int[] starts = new int[common.cardinality()];
      int n = 0;
      for (int x = common.nextSetBit(0); x >= 0; x = common.nextSetBit(x + 1)) {
        ResourceType t = graph.node(x).resourceType();
        if (t != ResourceType.TEST && t != ResourceType.UNIT_TEST) {
          starts[n++] = x;
        }
      }
      int[] from = java.util.Arrays.copyOf(starts, n);
      BitSet result = graph.descendants(from);
      for (int x : from) {
        result.set(x);
      }
      return result;
    }

    /** Maps each failed node whose error comes from an ephemeral ancestor's SQL to that ancestor. */
    Map<String, String> ephemeralRoots() {
      Map<String, String> map = new HashMap<>();
      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        if (!NODE_FAILURES.contains(e.getValue().status())) {
          continue;
        }
        int i = graph.indexOf(e.getKey());
        if (i < 0) {
          continue;
        }
        String message = e.getValue().message().orElse("");
        Map<String, Integer> ephemeralAncestors = new HashMap<>();
        collectEphemeralAncestors(i, ephemeralAncestors, new BitSet());
        if (ephemeralAncestors.isEmpty()) {
          continue;
        }
        String culprit = null;
        Matcher header = HEADER_NODE.matcher(message);
        if (header.find() && ephemeralAncestors.containsKey(header.group(1))) {
          culprit = header.group(1);
        }
        if (culprit == null) {
          Matcher cte = EPHEMERAL_CTE.matcher(message);
          while (cte.find() && culprit == null) {
            if (ephemeralAncestors.containsKey(cte.group(1))) {
              culprit = cte.group(1);
            }
          }
        }
        if (culprit != null) {
          map.put(e.getKey(), graph.node(ephemeralAncestors.get(culprit)).uniqueId());
        }
      }
      return map;
    }

    void collectEphemeralAncestors(int i, Map<String, Integer> out, BitSet seen) {
      for (int p : graph.parents(i)) {
        if (seen.get(p)) {
          continue;
        }
        seen.set(p);
        Node parent = graph.node(p);
        if (parent.resourceType() == ResourceType.MODEL && parent.config().isEphemeral()) {
          out.putIfAbsent(parent.name(), p);
          collectEphemeralAncestors(p, out, seen);
        }
      }
    }

    String firstFailure() {
      String first = null;
      String firstTime = null;
      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        RunResult r = e.getValue();
        if (!NODE_FAILURES.contains(r.status())) {
          continue;
        }
        String done = r.timing().stream().map(t -> t.completedAt().orElse(""))
            .filter(s -> !s.isEmpty()).max(Comparator.naturalOrder()).orElse(null);
        if (first == null || (done != null && (firstTime == null || done.compareTo(firstTime) < 0))) {
          first = e.getKey();
          firstTime = done;
        }
      }
      return first;
    }

    boolean isFailFastSkip(RunResult r) {
      String m = r.message().orElse("").toLowerCase(java.util.Locale.ROOT);
      return m.contains("fail_fast") || m.contains("fail fast") || m.contains("fail-fast");
    }

    void freshnessRoots(List<RootCause> roots) {
      if (input.sources().isEmpty()) {
        return;
      }
      for (FreshnessResult fr : input.sources().get().results()) {
        if (fr.status() == FreshnessStatus.PASS) {
          continue;
        }
        int i = graph.indexOf(fr.uniqueId());
        BitSet reach = i >= 0 ? graph.descendants(i) : new BitSet();
        Optional<Node> node = i >= 0 ? Optional.of(graph.node(i)) : Optional.empty();
        String name = node.map(n -> n.sourceName().map(s -> s + "." + n.name()).orElse(n.name()))
            .orElse(sourceSelectorName(fr.uniqueId()));
        String message = freshnessMessage(fr, name);
        Diagnosis diagnosis = diagnoser.diagnose(message, Optional.empty(), node, manifest.adapterType());
        boolean warnOnly = fr.status() == FreshnessStatus.WARN;
        BlastRadius radius = blastRadius(reach, warnOnly);
        String status = fr.status() == FreshnessStatus.UNKNOWN ? fr.rawStatus() : fr.status().dbtName();
        TriageRecord record = new TriageRecord(
            generatedAt.orElse("unknown"), name, "source", diagnosis.errorClass(), firstLine(message),
            radiusText(radius), ResolutionKind.UPSTREAM, diagnosis.advice(),
            "dbt source freshness --select source:" + name);
        roots.add(new RootCause(RootKind.SOURCE_FRESHNESS, fr.uniqueId(), name, ResourceType.SOURCE, node, status,
            message.isEmpty() ? Optional.empty() : Optional.of(Redaction.redact(message)),
            Redaction.redact(firstLine(message)), diagnosis, List.of(),
            List.of(), radius, Optional.empty(), record));
      }
    }

    String freshnessMessage(FreshnessResult fr, String name) {
      if (fr.error().isPresent()) {
        return "Database Error in source " + name + ": " + fr.error().get();
      }
      StringBuilder sb = new StringBuilder();
      sb.append(fr.status() == FreshnessStatus.WARN ? "WARN freshness of " : "ERROR STALE freshness of ")
          .append(name);
      fr.maxLoadedAt().ifPresent(t -> sb.append(": max_loaded_at ").append(t));
      if (fr.ageSeconds().isPresent()) {
        sb.append(String.format(java.util.Locale.ROOT, " (%.1f hours ago)", fr.ageSeconds().getAsDouble() / 3600));
      }
      return sb.toString();
    }

    List<String> neverRan() {
      Optional<RunResults> latest = input.current().latestRun();
      if (latest.isEmpty()) {
        return List.of();
      }
      if (everyExecutableNodeHasAResult()) {
        return List.of();
      }
      Optional<Set<String>> selected;
      try {
        selected = selectionResolver.apply(manifest, latest.get());
      } catch (RuntimeException e) {
        warnings.add("could not re-evaluate the invocation's selection: " + e.getMessage());
        return List.of();
      }
      if (selected.isEmpty()) {
        return List.of();
      }
      TreeSet<String> missing = new TreeSet<>();
      for (String id : selected.get()) {
        if (results.containsKey(id)) {
          continue;
        }
        int i = graph.indexOf(id);
        // Ephemeral and empty nodes are selected but never executed, so they never have a result.
        if (i < 0 || !DbtNodes.neverExecutes(graph.node(i))) {
          missing.add(id);
        }
      }
      return List.copyOf(missing);
    }

    /** Everything below a node; nothing for an id the manifest lacks (a run-operation, a deleted node). */
    BitSet downstreamOf(String id) {
      int i = graph.indexOf(id);
      return i < 0 ? new BitSet() : graph.descendants(i);
    }

    /** True when no node could have been selected without a result: nothing can have gone missing. */
    boolean everyExecutableNodeHasAResult() {
      for (int i = 0; i < graph.size(); i++) {
        Node n = graph.node(i);
        if (RESULT_TYPES.contains(n.resourceType()) && graph.enabled(i) && !results.containsKey(n.uniqueId())
            && !DbtNodes.neverExecutes(n)) {
          return false;
        }
      }
      return true;
    }

    int[] rank() {
      int[] r = rank;
      if (r == null) {
        Integer[] byId = new Integer[graph.size()];
        for (int i = 0; i < byId.length; i++) {
          byId[i] = i;
        }
        java.util.Arrays.sort(byId, Comparator.comparing(i -> graph.node(i).uniqueId()));
        r = new int[byId.length];
        int[] inverse = new int[byId.length];
        for (int k = 0; k < byId.length; k++) {
          r[byId[k]] = k;
          inverse[k] = byId[k];
        }
        byRank = inverse;
        rank = r;
      }
      return r;
    }

    private volatile int[] byRank;

    List<String> idsInOrder(int[] ranks, int count) {
      int[] sorted = java.util.Arrays.copyOf(ranks, count);
      java.util.Arrays.sort(sorted);
      rank();
      int[] inverse = byRank;
      List<String> ids = new ArrayList<>(count);
      for (int k : sorted) {
        ids.add(graph.node(inverse[k]).uniqueId());
      }
      return ids;
    }

    RootCause root(RootKind kind, String id, BitSet reach, List<String> skipped, List<String> related) {
      int i = graph.indexOf(id);
      Optional<Node> node = i >= 0 ? Optional.of(graph.node(i)) : Optional.empty();
      Optional<RunResult> result = Optional.ofNullable(results.get(id));
      if (kind == RootKind.EPHEMERAL_PARENT && result.isEmpty() && !related.isEmpty()) {
        result = Optional.ofNullable(results.get(related.get(0)));
      }
      String message = result.flatMap(RunResult::message).orElse("");
      Diagnosis diagnosis = diagnoser.diagnose(message, result, node, manifest.adapterType());
      String firstLine = lineThatMatters(message,
          diagnosis.classification().map(c -> c.firstLine()).filter(l -> !l.isBlank()).orElse(firstLine(message)));
      message = Redaction.redact(message);
      BlastRadius radius = blastRadius(reach == null ? new BitSet() : reach, kind == RootKind.WARNING);
      String name = node.map(Node::name).orElse(id);
      String status = kind == RootKind.EPHEMERAL_PARENT ? "error"
          : result.map(r -> r.status() == RunStatus.UNKNOWN ? r.rawStatus() : r.status().dbtName()).orElse("");
      List<String> sortedSkipped = new ArrayList<>(skipped);
      sortedSkipped.sort(null);
      List<String> sortedRelated = new ArrayList<>(related);
      sortedRelated.sort(null);
      ResourceType type = node.map(Node::resourceType).orElse(typeOf(id));
      Optional<FailureHistory> history = history(id);
      TriageRecord record = new TriageRecord(
          generatedAt.orElse("unknown"),
          name,
          node.flatMap(Node::materialized).orElse("n/a"),
          diagnosis.errorClass(),
          firstLine,
          radiusText(radius),
          resolution(kind, diagnosis, node),
          diagnosis.advice(),
          recoveryCommand(kind, node, name, resolution(kind, diagnosis, node)));
      return new RootCause(kind, id, name, type, node, status,
          message.isEmpty() ? Optional.empty() : Optional.of(message), firstLine, diagnosis,
          sortedSkipped, sortedRelated, radius, history, record);
    }

    RootCause groupRoot(RootKind kind, String id, List<String> members, String why) {
      int[] starts = members.stream().mapToInt(graph::indexOf).filter(i -> i >= 0).toArray();
      BitSet reach = graph.descendants(starts);
      for (int i : starts) {
        reach.set(i);
      }
      BlastRadius radius = blastRadius(reach, false);
      Diagnosis diagnosis = new Diagnosis("RUNTIME", kind == RootKind.NEVER_RAN ? "NEVER_RAN" : "OTHER",
          "the run's orchestration", kind == RootKind.NEVER_RAN,
          kind == RootKind.NEVER_RAN
              ? "Resume the run for the nodes that never ran; `dbt retry` cannot see them."
              : "Triage the run together with the run_results.json of the step that failed first.",
          List.of(), Optional.empty());
      String first = members.size() + " node(s) " + why;
      String recovery = "dbt " + (command.isEmpty() ? "run" : command) + " --select "
          + String.join(" ", selectorNames(members));
      TriageRecord record = new TriageRecord(generatedAt.orElse("unknown"), id, "n/a", diagnosis.errorClass(),
          first, radiusText(radius), kind == RootKind.NEVER_RAN ? ResolutionKind.RETRY : ResolutionKind.ESCALATE,
          diagnosis.advice(), recovery);
      List<String> sorted = new ArrayList<>(members);
      sorted.sort(null);
      return new RootCause(kind, id, id, ResourceType.OTHER, Optional.empty(),
          kind == RootKind.NEVER_RAN ? "never ran" : "skipped", Optional.empty(), first, diagnosis,
          kind == RootKind.UNEXPLAINED_SKIP ? sorted : List.of(),
          kind == RootKind.NEVER_RAN ? sorted : List.of(), radius, Optional.empty(), record);
    }

    List<String> selectorNames(List<String> ids) {
      List<String> names = new ArrayList<>();
      for (String id : ids) {
        int i = graph.indexOf(id);
        names.add(i >= 0 ? DbtNodes.selectorName(graph.node(i)) : id);
      }
      return names;
    }

    BlastRadius blastRadius(BitSet reach, boolean warning) {
      int[] ranks = new int[reach.cardinality()];
      int found = 0;
      int[] order = rank();
      Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
      List<ExposureImpact> exposures = new ArrayList<>();
      TreeSet<String> owners = new TreeSet<>();
      for (int x = reach.nextSetBit(0); x >= 0; x = reach.nextSetBit(x + 1)) {
        Node n = graph.node(x);
        if (!graph.enabled(x) || !LS_DEFAULT_TYPES.contains(n.resourceType())) {
          continue;
        }
        ranks[found++] = order[x];
        counts.merge(n.resourceType(), 1, Integer::sum);
        if (n.resourceType() == ResourceType.EXPOSURE) {
          exposures.add(exposure(n));
        } else if (n.resourceType() != ResourceType.TEST && n.resourceType() != ResourceType.UNIT_TEST) {
          addOwners(x, owners);
        }
      }
      List<String> downstream = idsInOrder(ranks, found);
      exposures.sort(Comparator.comparing(ExposureImpact::uniqueId));
      Severity severity;
      if (warning) {
        severity = Severity.INFO;
      } else if (downstream.size() > majorThreshold) {
        severity = Severity.MAJOR;
      } else if (downstream.size() <= minorThreshold) {
        severity = Severity.MINOR;
      } else {
        severity = Severity.MODERATE;
      }
      return new BlastRadius(downstream, counts, exposures, List.copyOf(owners), severity);
    }

    /** Each node's owners (meta.owner, its group's owner), looked up once per triage. */
    private volatile String[][] ownersByIndex;

    void addOwners(int x, java.util.Set<String> out) {
      String[][] all = ownersByIndex;
      if (all == null) {
        all = new String[graph.size()][];
        for (int i = 0; i < all.length; i++) {
          Node n = graph.node(i);
          List<String> o = new ArrayList<>(2);
          n.owner().ifPresent(o::add);
          groupOwner(n).ifPresent(o::add);
          all[i] = o.toArray(new String[0]);
        }
        ownersByIndex = all;
      }
      for (String o : all[x]) {
        out.add(o);
      }
    }

    Optional<String> groupOwner(Node n) {
      Optional<String> group = n.group().or(() -> n.config().group());
      if (group.isEmpty()) {
        return Optional.empty();
      }
      for (Node g : manifest.groups().values()) {
        if (g.name().equals(group.get()) && g.attributes().get("owner") instanceof Map<?, ?> owner) {
          Object name = owner.get("name");
          Object email = owner.get("email");
          if (name instanceof String s && !s.isBlank()) {
            return Optional.of(s);
          }
          if (email instanceof String s && !s.isBlank()) {
            return Optional.of(s);
          }
        }
      }
      return Optional.empty();
    }

    ExposureImpact exposure(Node n) {
      Optional<String> ownerName = Optional.empty();
      Optional<String> ownerEmail = Optional.empty();
      if (n.attributes().get("owner") instanceof Map<?, ?> owner) {
        ownerName = text(owner.get("name"));
        ownerEmail = text(owner.get("email"));
      }
      String label = text(n.attributes().get("label")).orElse(n.name());
      return new ExposureImpact(n.uniqueId(), label, text(n.attributes().get("type")),
          text(n.attributes().get("maturity")), ownerName, ownerEmail, text(n.attributes().get("url")));
    }

    private volatile List<RunResults> historyRuns;

    /** The previous runs and the current ones, oldest first, each invocation once. */
    List<RunResults> historyRuns() {
      List<RunResults> cached = historyRuns;
      if (cached != null) {
        return cached;
      }
      // Previous runs are older by definition: ordered among themselves (RunState sorts by generated_at), then
      // the current ones; a previous run that is also a current one counts once, as current.
      java.util.Set<String> current = new java.util.HashSet<>();
      input.current().runs().forEach(r -> current.add(invocationKey(r)));
      List<RunResults> runs = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>(current);
      for (RunResults run : RunState.of(input.previousRuns()).runs()) {
        if (seen.add(invocationKey(run))) {
          runs.add(run);
        }
      }
      runs.addAll(input.current().runs());
      historyRuns = List.copyOf(runs);
      return historyRuns;
    }

    String invocationKey(RunResults run) {
      return run.metadata().invocationId().orElse("") + "|" + run.metadata().generatedAt().orElse("") + "|"
          + run.results().size();
    }

    private volatile List<Map<String, RunResult>> historyResults;

    /** Each history run's results by unique id (the last one when a file lists an id twice), built once. */
    List<Map<String, RunResult>> historyResults() {
      List<Map<String, RunResult>> cached = historyResults;
      if (cached == null) {
        List<Map<String, RunResult>> maps = new ArrayList<>();
        for (RunResults run : historyRuns()) {
          Map<String, RunResult> m = new HashMap<>();
          run.results().forEach(r -> m.put(r.uniqueId(), r));
          maps.add(m);
        }
        cached = List.copyOf(maps);
        historyResults = cached;
      }
      return cached;
    }

    Optional<FailureHistory> history(String id) {
      if (input.previousRuns().isEmpty()) {
        return Optional.empty();
      }
      List<RunResults> runs = historyRuns();
      List<Map<String, RunResult>> byId = historyResults();
      List<Boolean> failed = new ArrayList<>();
      List<Optional<String>> when = new ArrayList<>();
      for (int k = 0; k < runs.size(); k++) {
        RunResult r = byId.get(k).get(id);
        if (r != null && r.status() != RunStatus.SKIPPED) {
          failed.add(NODE_FAILURES.contains(r.status()));
          when.add(runs.get(k).metadata().generatedAt());
        }
      }
      int observed = failed.size();
      int failures = (int) failed.stream().filter(b -> b).count();
      int streak = 0;
      for (int k = observed - 1; k >= 0 && failed.get(k); k--) {
        streak++;
      }
      int transitions = 0;
      for (int k = 1; k < observed; k++) {
        if (!failed.get(k).equals(failed.get(k - 1))) {
          transitions++;
        }
      }
      HistoryPattern pattern;
      if (failures >= 2 && transitions >= 2) {
        pattern = HistoryPattern.FLAKY;
      } else if (streak >= 2) {
        pattern = HistoryPattern.PERSISTENT;
      } else {
        pattern = HistoryPattern.NEW;
      }
      Optional<String> firstSeen = streak > 0 ? when.get(observed - streak) : Optional.empty();
      return Optional.of(new FailureHistory(observed, failures, streak, firstSeen, pattern));
    }

    ResolutionKind resolution(RootKind kind, Diagnosis d, Optional<Node> node) {
      if (kind == RootKind.SOURCE_FRESHNESS) {
        return ResolutionKind.UPSTREAM;
      }
      String sub = d.subclass();
      boolean incremental = node.map(n -> n.config().isIncremental()).orElse(false);
      if (sub.equals("PERMISSION_DENIED")) {
        return ResolutionKind.PERMISSIONS;
      }
      if (incremental && (sub.equals("SCHEMA_CHANGE_NOT_ALLOWED") || sub.equals("TYPE_MISMATCH"))) {
        return ResolutionKind.FULL_REFRESH;
      }
      if (d.retryable()) {
        return ResolutionKind.RETRY;
      }
      return switch (d.errorClass()) {
        case "TEST", "FRESHNESS" -> ResolutionKind.UPSTREAM;
        case "RUNTIME" -> ResolutionKind.ESCALATE;
        default -> ResolutionKind.CODE_FIX;
      };
    }

    String recoveryCommand(RootKind kind, Optional<Node> node, String name, ResolutionKind resolution) {
      String cmd = switch (command) {
        case "build", "run", "seed", "snapshot" -> command;
        default -> "run";
      };
      String sel = node.map(DbtNodes::selectorName).orElse(name);
      if (command.equals("run-operation") || name.startsWith("macro.")) {
        return "dbt run-operation " + name.substring(name.lastIndexOf('.') + 1);
      }
      switch (kind) {
        case FAILED_TEST:
        case WARNING:
          if (node.isPresent() && node.get().resourceType() == ResourceType.TEST) {
            return "dbt test --select " + sel + " --store-failures";
          }
          return "dbt " + cmd + " --select " + sel + "+";
        case FAILED_UNIT_TEST:
          return "dbt test --select " + sel;
        default:
          if (resolution == ResolutionKind.FULL_REFRESH) {
            // Only the model is rebuilt from scratch; its downstream runs incrementally as usual.
            return "dbt " + cmd + " --select " + sel + " --full-refresh && dbt " + cmd + " --select " + sel
                + "+ --exclude " + sel;
          }
          if (node.isPresent() && node.get().resourceType() == ResourceType.SEED && cmd.equals("run")) {
            return "dbt seed --select " + sel + " && dbt run --select " + sel + "+";
          }
          return "dbt " + cmd + " --select " + sel + "+";
      }
    }
  }

  private static final Comparator<RootCause> ROOT_ORDER = Comparator
      .comparing((RootCause r) -> r.severity() == Severity.INFO)
      .thenComparing(RootCause::severity, Comparator.reverseOrder())
      .thenComparing(r -> r.blastRadius().size(), Comparator.reverseOrder())
      .thenComparing(RootCause::uniqueId);

  /** The schema or dataset part of a relation name: everything before its last dot, quotes removed. */
  static String scopeOf(String relation) {
    String r = relation.replace("\"", "").replace("`", "").strip();
    int dot = r.lastIndexOf('.');
    return dot > 0 ? r.substring(0, dot) : "";
  }

  /** {@code source.pkg.src.table} as dbt's source selector wants it, {@code src.table}, for a source the manifest lacks. */
  static String sourceSelectorName(String uniqueId) {
    String[] parts = uniqueId.split("\\.", 3);
    return parts.length == 3 && parts[0].equals("source") ? parts[2] : uniqueId;
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
      }
    }
    return "";
  }

  private static final Pattern DBT_HEADER = Pattern.compile(
      "^(?:\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+)?(?:\\[\\w+\\]\\s*)*(?:\\[\\w+\\]:\\s*)?"
          + "(?:(?:Compilation|Database|Runtime|Parsing|Dependency|Internal) Error(?: in \\w+ \\S+(?: \\(.*\\))?)?"
          + "|(?:Failure|Warning|Error) in (?:test|unit_test|model|source|snapshot|seed) \\S+(?: \\(.*\\))?"
          + "|Encountered an error:?|Unhandled error while executing.*)\\s*$");

  /**
   * Returns the line of a message that says what went wrong: the classifier's first line, unless it is only
   * dbt's header ("Database Error in model x (models/x.sql)"), in which case the next line of the message.
   */
  static String lineThatMatters(String message, String classifierLine) {
    if (!DBT_HEADER.matcher(classifierLine).matches() || message == null) {
      return classifierLine;
    }
    boolean pastHeader = false;
    String found = null;
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (found != null) {
        // "003001 (42501): SQL access control error:" says what only with the line after it.
        found = found + " " + t;
        break;
      }
      if (!pastHeader) {
        pastHeader = t.contains(classifierLine) || DBT_HEADER.matcher(t).matches();
        continue;
      }
      if (!DBT_HEADER.matcher(t).matches()) {
        found = t;
        if (!t.endsWith(":")) {
          break;
        }
      }
    }
    if (found == null) {
      return classifierLine;
    }
    return Redaction.redact(found.length() > 300 ? found.substring(0, 300) + "…" : found);
  }

  static String radiusText(BlastRadius r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.size()).append(" downstream node").append(r.size() == 1 ? "" : "s");
    if (!r.countsByResourceType().isEmpty()) {
      List<String> parts = new ArrayList<>();
      r.countsByResourceType().forEach((t, c) -> parts.add(c + " " + t.dbtName() + (c == 1 ? "" : "s")));
      sb.append(" (").append(String.join(", ", parts)).append(")");
    }
    if (!r.exposures().isEmpty()) {
      sb.append(", ").append(r.exposures().size()).append(" exposure").append(r.exposures().size() == 1 ? "" : "s");
    }
    return sb.toString();
  }

  static Optional<String> text(Object o) {
    return o instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static final Set<String> SELECTING_COMMANDS = Set.of("run", "build", "test", "seed", "snapshot");
  private static final Set<ResourceType> RESULT_TYPES = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
      ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.UNIT_TEST);

  /**
   * Re-evaluates the invocation's own selection (its recorded {@code args}) with the selector engine: the nodes
   * that command would have written a result for.
   */
  static Optional<Set<String>> invocationSelection(Manifest manifest, RunResults run) {
    Optional<String> command = run.args().command();
    if (command.isEmpty() || !SELECTING_COMMANDS.contains(command.get())) {
      return Optional.empty();
    }
    SelectorEngine engine = SelectorEngine.of(manifest);
    Set<String> selected = new java.util.LinkedHashSet<>();
    for (String id : engine.select(SelectionRequest.fromInvocation(run.args())).ids()) {
      Optional<Node> n = manifest.node(id);
      if (n.isPresent() && RESULT_TYPES.contains(n.get().resourceType())) {
        selected.add(id);
      }
    }
    return Optional.of(selected);
  }

  static String commandOf(TriageInput input) {
    List<RunResults> runs = input.current().runs();
    for (int k = runs.size() - 1; k >= 0; k--) {
      Optional<String> c = runs.get(k).args().command();
      if (c.isPresent() && !c.get().equals("retry")) {
        return c.get();
      }
    }
    return "";
  }

  /** Configures a {@link TriageEngine}. Not thread-safe. */
  public static final class Builder {
    private int minorThreshold = 2;
    private int majorThreshold = 50;
    private FailureDiagnoser diagnoser;
    private BiFunction<Manifest, RunResults, Optional<Set<String>>> selectionResolver =
        TriageEngine::invocationSelection;

    private Builder() {}

    /**
     * Sets the largest blast radius that is still {@link Severity#MINOR} (default 2).
     *
     * @param downstreamNodes a count of downstream nodes, at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder minorThreshold(int downstreamNodes) {
      if (downstreamNodes < 0) {
        throw new IllegalArgumentException("minorThreshold must be >= 0: " + downstreamNodes);
      }
      this.minorThreshold = downstreamNodes;
      return this;
    }

    /**
     * Sets the blast radius above which a root is {@link Severity#MAJOR} (default 50).
     *
     * @param downstreamNodes a count of downstream nodes, at least the minor threshold
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder majorThreshold(int downstreamNodes) {
      if (downstreamNodes < 0) {
        throw new IllegalArgumentException("majorThreshold must be >= 0: " + downstreamNodes);
      }
      this.majorThreshold = downstreamNodes;
      return this;
    }

    /**
     * Sets the classifier that classifies each root cause.
     *
     * @param classifier the classifier, such as {@code BuiltInRules.classifier()} from triage-rules
     * @return this builder
     */
    public Builder classifier(Classifier classifier) {
      this.diagnoser = FailureDiagnoser.of(classifier);
      return this;
    }

    /**
     * Sets the diagnoser that classifies each root cause (default: a {@link Classifier} with the rules
     * {@link java.util.ServiceLoader} finds, such as the built-in packs of triage-rules when they are on the
     * class or module path; with none, dbt's headers decide).
     *
     * @param diagnoser the diagnoser
     * @return this builder
     */
    public Builder diagnoser(FailureDiagnoser diagnoser) {
      this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
      return this;
    }

    /**
     * Sets how the engine re-evaluates a run's own selection to find the nodes that never ran (default: the
     * library's {@link SelectorEngine} over the invocation's recorded {@code args}).
     *
     * @param resolver given the manifest and the run, the unique ids the invocation selected, or empty when it
     *     cannot tell
     * @return this builder
     */
    public Builder selectionResolver(BiFunction<Manifest, RunResults, Optional<Set<String>>> resolver) {
      this.selectionResolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Returns the engine.
     *
     * @return the engine
     * @throws IllegalArgumentException if the minor threshold is above the major one
     */
    public TriageEngine build() {
      if (minorThreshold > majorThreshold) {
        throw new IllegalArgumentException(
            "minorThreshold " + minorThreshold + " is above majorThreshold " + majorThreshold);
      }
      if (diagnoser == null) {
        diagnoser = FailureDiagnoser.of(Classifier.builder().discoverRules().build());
      }
      return new TriageEngine(this);
    }
  }
}
