package dev.dbttriage.plan;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.decide.RefreshDecision;
import dev.dbttriage.decide.RefreshKind;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.command.DbtCommand;
import dev.dbttriage.command.DbtSubcommand;
import dev.dbttriage.command.DbtVersion;
import dev.dbttriage.command.InvocationContext;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the smallest correct rescue of a triaged run: ordered dbt commands that execute every failed, skipped
 * and never-ran node once and nothing unrelated, following the rescue playbook.
 *
 * <ul>
 *   <li>one root: {@code dbt run --select root+} (or {@code dbt build}, matching the original command);
 *   <li>an outage: every root in one selection ({@code --select a+ b+ c+}); above a configurable number of roots
 *       (50, the playbook's) grouped by lineage affinity into several runs;
 *   <li>resume after a time-out or kill: the original selection with {@code --exclude} of what already
 *       succeeded (what {@code dbt retry} cannot do);
 *   <li>heavy lineage: the target alone, then its downstream (and its upstream first when it was fixed);
 *   <li>{@code --full-refresh} scoped to exactly the models that need it, in their own step;
 *   <li>whether {@code dbt retry} is exactly right, and why not when it is not;
 *   <li>contention with scheduled runs, and the checks to do afterwards.
 * </ul>
 *
 * <p>With a {@link SelectionEvaluator}, every rescue step is verified to select exactly its nodes; among the
 * candidate selections that hold, the shortest string wins. Instances are immutable and thread-safe.
 */
public final class RescuePlanner {
  private static final Set<RunStatus> FAILED = EnumSet.of(RunStatus.ERROR, RunStatus.FAIL, RunStatus.RUNTIME_ERROR,
      RunStatus.PARTIAL_SUCCESS);
  private static final Set<RunStatus> DONE = EnumSet.of(RunStatus.SUCCESS, RunStatus.PASS, RunStatus.WARN,
      RunStatus.NO_OP, RunStatus.REUSED);

  private final int maxRootsPerRun;
  private final double heavySeconds;
  private final int heavyDownstream;
  private final Optional<SelectionEvaluator> evaluator;
  private final List<String> scheduled;
  private final Set<String> fullRefresh;
  private final Set<String> upstreamFixed;
  private final List<RunResults> history;

  private RescuePlanner(Builder b) {
    this.maxRootsPerRun = b.maxRootsPerRun;
    this.heavySeconds = b.heavySeconds;
    this.heavyDownstream = b.heavyDownstream;
    this.evaluator = Optional.ofNullable(b.evaluator);
    this.scheduled = List.copyOf(b.scheduled);
    this.fullRefresh = Set.copyOf(b.fullRefresh);
    this.upstreamFixed = Set.copyOf(b.upstreamFixed);
    this.history = List.copyOf(b.history);
  }

  /** Returns a builder with the playbook's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Plans the rescue of a triaged run on the project it was triaged on.
   *
   * @param report the triage report
   * @return the plan
   */
  public RescuePlan plan(TriageReport report) {
    Objects.requireNonNull(report, "report");
    return new Planning(report, report.project()).plan();
  }

  /**
   * Plans the rescue of a triaged run; the report's own project is reused when {@code manifest} is its
   * manifest.
   *
   * @param report the triage report
   * @param manifest the manifest the run used
   * @return the plan
   */
  public RescuePlan plan(TriageReport report, Manifest manifest) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(manifest, "manifest");
    Project project = report.project().manifest() == manifest ? report.project() : Project.of(manifest);
    return new Planning(report, project).plan();
  }

  private final class Planning {
    final TriageReport report;
    final Manifest manifest;
    final LineageIndex graph;
    final String command;
    final Set<ResourceType> runnable;
    final Map<String, RunResult> results = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    /** The invocation's flags that change what is built or where, reproduced on every step. */
    final InvocationContext context;
    final Optional<DbtVersion> version;
    final DbtSubcommand subcommand;

    Planning(TriageReport report, Project project) {
      this.report = report;
      this.manifest = project.manifest();
      this.graph = ProjectCore.of(project).index();
      String original = report.command().orElse("run");
      this.command = switch (original) {
        case "build", "run", "test", "seed", "snapshot" -> original;
        default -> "run";
      };
      this.runnable = runnableTypes(command);
      report.results().forEach(r -> results.put(r.uniqueId(), r));
      this.context = InvocationContext.of(report.args(), report.dbtVersion().flatMap(DbtVersion::tryParse));
      this.version = context.dbtVersion();
      this.subcommand = DbtSubcommand.fromWhich(command).orElse(DbtSubcommand.RUN);
      if (context.varsRedacted()) {
        problems.add("the run's --vars held a secret, masked in the commands: put the real value back before pasting");
      }
    }

    RescuePlan plan() {
      TreeSet<String> intended = new TreeSet<>();
      for (RunResult r : report.results()) {
        if ((FAILED.contains(r.status()) || r.status() == RunStatus.SKIPPED) && executes(r.uniqueId())) {
          intended.add(r.uniqueId());
        }
      }
      for (String id : report.neverRan()) {
        if (executes(id)) {
          intended.add(id);
        }
      }
      List<PlanStep> steps = new ArrayList<>();
      // A missing package or a version conflict fails every node that uses it: install packages first.
      if (report.failures().stream().anyMatch(r -> r.diagnosis().subclass() == Subclass.PACKAGE_MISSING
          || r.diagnosis().subclass() == Subclass.PACKAGE_VERSION_CONFLICT)) {
        steps.add(step(1, StepKind.DEPS, render(DbtCommand.builder(DbtSubcommand.DEPS).withContext(context)),
            List.of(), List.of(), false, List.of(), false,
            "a package is missing or its version conflicts: fix packages.yml if needed, then install them first"));
      }
      for (RootCause root : report.roots()) {
        if (root.kind() == RootKind.SOURCE_FRESHNESS && !root.status().equals("warn")) {
          steps.add(step(steps.size() + 1, StepKind.FRESHNESS_CHECK,
              render(DbtCommand.builder(DbtSubcommand.SOURCE_FRESHNESS).select("source:" + root.name())
                  .withContext(context)), List.of("source:" + root.name()), List.of(),
              false, List.of(), false,
              "confirm the late source caught up before rebuilding what reads it; fix the pipeline, not dbt"));
        }
      }
      TreeSet<String> remaining = new TreeSet<>(intended);

      // Full refreshes, alone and first.
      List<RefreshDecision> decisions = refreshDecisions();
      List<String> refresh = new ArrayList<>();
      for (RefreshDecision d : decisions) {
        if (d.kind() == RefreshKind.FULL_REFRESH && remaining.contains(d.uniqueId())) {
          refresh.add(d.uniqueId());
        }
      }
      for (String id : fullRefresh) {
        if (remaining.contains(id) && !refresh.contains(id)) {
          refresh.add(id);
        }
      }
      if (!refresh.isEmpty()) {
        refresh.sort(null);
        Set<String> nodes = withOwnTests(new TreeSet<>(refresh), remaining);
        steps.add(exactStep(steps.size() + 1, StepKind.FULL_REFRESH, nodes, names(refresh), List.of(), true,
            "the model's history must be rebuilt (schema drift or changed logic), scoped to exactly these models"));
        remaining.removeAll(nodes);
      }

      // Resume a run that lost nodes: the original selection minus what already succeeded.
      if (!report.neverRan().isEmpty() && !remaining.isEmpty()) {
        Optional<PlanStep> resume = resume(steps.size() + 1, remaining, refresh);
        if (resume.isPresent()) {
          steps.add(resume.get());
          remaining.clear();
        }
      }

      // Heavy targets: alone, then their downstream.
      for (RootCause root : report.failures()) {
        if (remaining.isEmpty() || !remaining.contains(root.uniqueId()) || !isHeavy(root)) {
          continue;
        }
        String id = root.uniqueId();
        String name = selectorName(id);
        if (upstreamFixed.contains(id)) {
          int at = graph.memberIndexOf(id);
          Set<String> upstream = at < 0 ? Set.of() : idsOf(graph.ancestors(at));
          steps.add(step(steps.size() + 1, StepKind.UPSTREAM_LAYER, command(List.of("+" + name), List.of(name),
              false), List.of("+" + name), List.of(name), false, List.copyOf(new TreeSet<>(upstream)), false,
              "the upstream was fixed: rebuild it first so the target reads stable inputs"));
        }
        Set<String> target = withOwnTests(new TreeSet<>(Set.of(id)), remaining);
        steps.add(exactStep(steps.size() + 1, StepKind.TARGET_LAYER, target, List.of(name), List.of(), false,
            "heavy target (" + heaviness(root) + "): rebuild it alone and confirm it before its downstream"));
        remaining.removeAll(target);
        Set<String> below = new TreeSet<>(remaining);
        int at = graph.memberIndexOf(id);
        below.retainAll(at < 0 ? Set.of() : idsOf(graph.descendants(at)));
        // A node that is also below another failed root waits for that root: the later rescue step rebuilds it.
        for (RootCause other : report.failures()) {
          int o = graph.memberIndexOf(other.uniqueId());
          if (!other.uniqueId().equals(id) && o >= 0 && remaining.contains(other.uniqueId())) {
            below.removeAll(idsOf(graph.descendants(o)));
          }
        }
        if (!below.isEmpty()) {
          steps.add(exactStep(steps.size() + 1, StepKind.DOWNSTREAM_LAYER, below, List.of(name + "+"),
              List.of(name), false, "rebuild what the heavy target feeds once it is confirmed"));
          remaining.removeAll(below);
        }
      }

      // Everything else: one rescue run, or several grouped by lineage above the playbook's limit.
      if (!remaining.isEmpty()) {
        List<RootCause> roots = new ArrayList<>();
        for (RootCause root : report.roots()) {
          if (root.kind() != RootKind.WARNING && root.kind() != RootKind.SOURCE_FRESHNESS) {
            roots.add(root);
          }
        }
        for (Set<String> batch : batches(roots, remaining)) {
          List<String> tokens = tokensFor(batch);
          steps.add(exactStep(steps.size() + 1, StepKind.RESCUE, batch, tokens, List.of(), false,
              batch.size() == remaining.size() && steps.stream().noneMatch(s -> s.kind() == StepKind.RESCUE)
                  ? "rebuild the failed roots and everything skipped below them"
                  : "one lineage group of the outage (grouped by shared upstream or downstream)"));
        }
      }

      verifyCoverage(steps, intended);
      boolean verified = evaluator.isPresent() && problems.isEmpty()
          && steps.stream().filter(s -> !s.kind().preparatory()).allMatch(PlanStep::verified);
      return new RescuePlan(command, steps, List.copyOf(intended), verified, problems,
          RetryVerdicts.of(report, steps, refresh, version), contention(steps),
          PostRunChecks.of(report, steps, command, this::typeOf, models -> render(DbtCommand.builder(DbtSubcommand.TEST)
              .select(names(models)).withContext(context))), decisions);
    }

    /** The full-refresh advisor's decisions, made once by the triage, for the report's failed models. */
    List<RefreshDecision> refreshDecisions() {
      List<RefreshDecision> out = new ArrayList<>();
      for (RootCause root : report.failures()) {
        root.refresh().ifPresent(out::add);
      }
      return out;
    }

    /** Adds the remaining tests whose every parent is in {@code ids}: dbt build runs them with their model. */
    Set<String> withOwnTests(Set<String> ids, Set<String> remaining) {
      if (!command.equals("build")) {
        return ids;
      }
      Set<String> out = new TreeSet<>(ids);
      for (String id : ids) {
        int i = graph.memberIndexOf(id);
        if (i < 0) {
          continue;
        }
        for (int c : graph.children(i)) {
          Node child = graph.node(c);
          if ((child.resourceType() == ResourceType.TEST || child.resourceType() == ResourceType.UNIT_TEST)
              && remaining.contains(child.uniqueId()) && ids.containsAll(child.dependsOnNodes())) {
            out.add(child.uniqueId());
          }
        }
      }
      return out;
    }

    boolean executes(String id) {
      int i = graph.memberIndexOf(id);
      if (i < 0) {
        return results.containsKey(id);
      }
      Node n = graph.node(i);
      return !DbtNodes.neverExecutes(n) && runnable.contains(n.resourceType());
    }

    Optional<PlanStep> resume(int number, Set<String> remaining, List<String> refreshed) {
      InvocationArgs args = report.args();
      if (args.command().isEmpty()) {
        problems.add("cannot resume with the original selection: the run results record no invocation args");
        return Optional.empty();
      }
      List<String> exclude = new ArrayList<>(args.exclude());
      List<String> done = new ArrayList<>();
      for (RunResult r : report.results()) {
        if (DONE.contains(r.status()) && executes(r.uniqueId())) {
          done.add(r.uniqueId());
        }
      }
      done.addAll(refreshed);
      exclude.addAll(names(done));
      List<String> select = args.selector().isPresent() ? List.of() : args.select();
      String reason = "the run lost " + report.neverRan().size()
          + " node(s) that `dbt retry` cannot see: re-run the original selection, excluding what already succeeded";
      if (args.selector().isPresent()) {
        String cmd = render(DbtCommand.builder(subcommand).selector(args.selector().get()).exclude(exclude)
            .withContext(context).fullRefresh(keepsFullRefresh(remaining)));
        return Optional.of(step(number, StepKind.RESUME, cmd, List.of(), exclude, false, List.copyOf(remaining),
            false, reason));
      }
      PlanStep step = exactStep(number, StepKind.RESUME, remaining, select, exclude, false, reason);
      return Optional.of(step);
    }

    /** A step over exactly {@code nodes}: the given tokens if they verify, else the shortest exact alternative. */
    PlanStep exactStep(int number, StepKind kind, Set<String> nodes, List<String> select, List<String> exclude,
        boolean fullRefreshStep, String reason) {
      boolean full = fullRefreshStep || keepsFullRefresh(nodes);
      List<String> sortedNodes = List.copyOf(new TreeSet<>(nodes));
      if (evaluator.isEmpty()) {
        return step(number, kind, command(select, exclude, full), select, exclude, full, sortedNodes, false, reason);
      }
      List<List<List<String>>> candidates = new ArrayList<>();
      candidates.add(List.of(select, exclude));
      Optional<List<List<String>>> repaired = repair(select, exclude, nodes);
      repaired.ifPresent(candidates::add);
      candidates.add(List.of(tokensFor(nodes), List.of()));
      candidates.add(List.of(names(sortedNodes), List.of()));
      List<List<String>> best = null;
      for (List<List<String>> c : candidates) {
        if (selects(c.get(0), c.get(1), nodes)) {
          if (best == null || command(c.get(0), c.get(1), full).length() < command(best.get(0), best.get(1), full)
              .length()) {
            best = c;
          }
        }
      }
      if (best == null) {
        problems.add("step " + number + ": no selection found that executes exactly its "
            + nodes.size() + " node(s); listing them by name");
        best = List.of(names(sortedNodes), List.of());
        return step(number, kind, command(best.get(0), best.get(1), full), best.get(0), best.get(1), full,
            sortedNodes, false, reason);
      }
      return step(number, kind, command(best.get(0), best.get(1), full), best.get(0), best.get(1), full,
          sortedNodes, true, reason);
    }

    Optional<List<List<String>>> repair(List<String> select, List<String> exclude, Set<String> nodes) {
      Set<String> got = evaluate(select, exclude);
      if (got == null) {
        return Optional.empty();
      }
      List<String> sel = new ArrayList<>(select);
      List<String> exc = new ArrayList<>(exclude);
      Set<String> missing = new TreeSet<>(nodes);
      missing.removeAll(got);
      Set<String> extra = new TreeSet<>(got);
      extra.removeAll(nodes);
      if (missing.isEmpty() && extra.isEmpty()) {
        return Optional.empty();
      }
      sel.addAll(names(missing));
      exc.addAll(names(extra));
      return Optional.of(List.of(sel, exc));
    }

    boolean selects(List<String> select, List<String> exclude, Set<String> nodes) {
      if (nodes.isEmpty()) {
        return false;
      }
      Set<String> got = evaluate(select, exclude);
      return got != null && got.equals(nodes);
    }

    /** Selections already evaluated: a candidate is checked by repair() and again by selects(). */
    final Map<List<List<String>>, Set<String>> evaluated = new java.util.HashMap<>();

    Set<String> evaluate(List<String> select, List<String> exclude) {
      List<List<String>> key = List.of(List.copyOf(select), List.copyOf(exclude));
      if (evaluated.containsKey(key)) {
        return evaluated.get(key);
      }
      Set<String> result = evaluateOnce(select, exclude);
      evaluated.put(key, result);
      return result;
    }

    private Set<String> evaluateOnce(List<String> select, List<String> exclude) {
      try {
        Set<String> raw = evaluator.orElseThrow().evaluate(command, select, exclude);
        Set<String> out = new HashSet<>();
        for (String id : raw) {
          if (executes(id)) {
            out.add(id);
          }
        }
        return out;
      } catch (TriageException e) {
        problems.add("selection " + String.join(" ", select) + " did not evaluate: " + e.getMessage());
        return null;
      }
    }

    List<Set<String>> batches(List<RootCause> roots, Set<String> remaining) {
      // Each root's share: the root and the remaining nodes below it.
      List<Set<String>> shares = new ArrayList<>();
      for (RootCause root : roots) {
        Set<String> share = new TreeSet<>();
        if (remaining.contains(root.uniqueId())) {
          share.add(root.uniqueId());
        }
        for (String id : root.skipped()) {
          if (remaining.contains(id)) {
            share.add(id);
          }
        }
        for (String id : root.relatedFailures()) {
          if (remaining.contains(id)) {
            share.add(id);
          }
        }
        if (!share.isEmpty()) {
          shares.add(share);
        }
      }
      Set<String> covered = new HashSet<>();
      shares.forEach(covered::addAll);
      Set<String> leftover = new TreeSet<>(remaining);
      leftover.removeAll(covered);
      if (!leftover.isEmpty()) {
        shares.add(leftover);
      }
      if (shares.size() <= maxRootsPerRun) {
        Set<String> all = new TreeSet<>();
        shares.forEach(all::addAll);
        return List.of(all);
      }
      // Group shares by lineage affinity: overlapping shares or a shared direct parent.
      int n = shares.size();
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
      Map<String, Integer> owner = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        for (String id : shares.get(i)) {
          Integer j = owner.putIfAbsent(id, i);
          if (j != null) {
            union(parent, i, j);
          }
          int x = graph.memberIndexOf(id);
          if (x >= 0) {
            for (int p : graph.parents(x)) {
              Integer k = owner.putIfAbsent("parent:" + graph.node(p).uniqueId(), i);
              if (k != null) {
                union(parent, i, k);
              }
            }
          }
        }
      }
      Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
      List<Set<String>> batches = new ArrayList<>();
      Set<String> current = new TreeSet<>();
      int rootsInCurrent = 0;
      for (List<Integer> group : groups.values()) {
        if (rootsInCurrent > 0 && rootsInCurrent + group.size() > maxRootsPerRun) {
          batches.add(current);
          current = new TreeSet<>();
          rootsInCurrent = 0;
        }
        for (int i : group) {
          current.addAll(shares.get(i));
        }
        rootsInCurrent += group.size();
      }
      if (!current.isEmpty()) {
        batches.add(current);
      }
      // A node shared by two batches stays only in the first.
      Set<String> seen = new HashSet<>();
      List<Set<String>> disjoint = new ArrayList<>();
      for (Set<String> b : batches) {
        Set<String> d = new TreeSet<>(b);
        d.removeAll(seen);
        seen.addAll(d);
        if (!d.isEmpty()) {
          disjoint.add(d);
        }
      }
      return disjoint;
    }

    /** Tokens for a set of nodes: {@code top+} for each node with no ancestor inside the set. */
    List<String> tokensFor(Set<String> nodes) {
      // One walk down from the whole set reaches exactly the members that have an ancestor in it.
      BitSet below = graph.descendants(nodes.stream().mapToInt(graph::memberIndexOf).filter(i -> i >= 0).toArray());
      List<String> tokens = new ArrayList<>();
      for (String id : nodes) {
        int i = graph.memberIndexOf(id);
        if (i < 0 || !below.get(i)) {
          tokens.add(selectorName(id) + (i >= 0 && graph.hasChildren(i) ? "+" : ""));
        }
      }
      return tokens;
    }

    boolean isHeavy(RootCause root) {
      return !heaviness(root).isEmpty();
    }

    String heaviness(RootCause root) {
      List<String> why = new ArrayList<>();
      double normal = normalRuntime(root.uniqueId());
      if (normal > heavySeconds) {
        why.add(String.format(Locale.ROOT, "normal runtime %.0f s", normal));
      }
      boolean incremental = root.node().map(n -> n.config().isIncremental()).orElse(false);
      if (incremental && root.blastRadius().models() > heavyDownstream) {
        why.add("incremental with " + root.blastRadius().models() + " downstream models");
      }
      return String.join(", ", why);
    }

    double normalRuntime(String id) {
      List<Double> times = new ArrayList<>();
      for (RunResults run : history) {
        run.result(id).filter(r -> r.status() == RunStatus.SUCCESS).ifPresent(r -> times.add(r.executionTime()));
      }
      if (times.isEmpty()) {
        return 0;
      }
      times.sort(null);
      return times.get(times.size() / 2);
    }

    void verifyCoverage(List<PlanStep> steps, Set<String> intended) {
      Map<String, Integer> count = new LinkedHashMap<>();
      for (PlanStep s : steps) {
        if (s.kind().preparatory()) {
          continue;
        }
        for (String id : s.nodes()) {
          count.merge(id, 1, Integer::sum);
        }
      }
      for (String id : intended) {
        if (!count.containsKey(id)) {
          problems.add("no step rebuilds " + id);
        }
      }
      count.forEach((id, c) -> {
        if (c > 1) {
          problems.add(id + " is rebuilt by " + c + " steps");
        }
        if (!intended.contains(id)) {
          problems.add(id + " is rebuilt but did not fail, skip or go missing");
        }
      });
    }

    List<Contention> contention(List<PlanStep> steps) {
      List<Contention> out = new ArrayList<>();
      if (scheduled.isEmpty() || evaluator.isEmpty()) {
        return out;
      }
      for (String sched : scheduled) {
        Set<String> theirs;
        try {
          theirs = evaluator.get().evaluate("run", List.of(sched.trim().split(" +")), List.of());
        } catch (TriageException e) {
          problems.add("scheduled selection '" + sched + "' did not evaluate: " + e.getMessage());
          continue;
        }
        for (PlanStep s : steps) {
          TreeSet<String> overlap = new TreeSet<>();
          for (String id : s.nodes()) {
            if (theirs.contains(id) && typeOf(id) != ResourceType.TEST && typeOf(id) != ResourceType.UNIT_TEST) {
              overlap.add(id);
            }
          }
          if (!overlap.isEmpty()) {
            out.add(new Contention(s.number(), sched, List.copyOf(overlap)));
          }
        }
      }
      return out;
    }

    ResourceType typeOf(String id) {
      int i = graph.memberIndexOf(id);
      return i >= 0 ? graph.node(i).resourceType() : ResourceType.OTHER;
    }

    Set<String> idsOf(BitSet bits) {
      Set<String> out = new HashSet<>();
      for (int x = bits.nextSetBit(0); x >= 0; x = bits.nextSetBit(x + 1)) {
        out.add(graph.node(x).uniqueId());
      }
      return out;
    }

    List<String> names(Collection<String> ids) {
      List<String> out = new ArrayList<>();
      for (String id : ids) {
        out.add(selectorName(id));
      }
      return out;
    }

    String selectorName(String id) {
      int i = graph.memberIndexOf(id);
      return i < 0 ? id : DbtNodes.selectorName(graph.node(i));
    }

    /** The step's command: the run's subcommand and flags (--target, --vars, --defer, ...), in its dbt version. */
    String command(List<String> select, List<String> exclude, boolean full) {
      return render(DbtCommand.builder(subcommand).select(select).exclude(exclude).withContext(context)
          .fullRefresh(full));
    }

    /** Renders for the run's dbt version; a command that version lacks is printed as today's, with a problem. */
    String render(DbtCommand.Builder builder) {
      DbtCommand c;
      try {
        c = builder.build();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return builder.fullRefresh(false).build().render();
      }
      try {
        return c.renderFor(version);
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
        return c.render();
      }
    }

    /** Whether a step keeps the run's own --full-refresh: it did, and the step rebuilds an incremental model. */
    boolean keepsFullRefresh(Collection<String> nodes) {
      if (!context.fullRefresh()) {
        return false;
      }
      for (String id : nodes) {
        int i = graph.memberIndexOf(id);
        if (i >= 0 && graph.node(i).config().isIncremental()) {
          return true;
        }
      }
      return false;
    }
  }

  private static PlanStep step(int number, StepKind kind, String cmd, List<String> select, List<String> exclude,
      boolean full, List<String> nodes, boolean verified, String reason) {
    return new PlanStep(number, kind, cmd, select, exclude, full, nodes, verified, reason);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  static Set<ResourceType> runnableTypes(String command) {
    return switch (command) {
      case "build" -> EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.TEST,
          ResourceType.UNIT_TEST, ResourceType.SAVED_QUERY, ResourceType.FUNCTION);
      case "test" -> EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST);
      case "seed" -> EnumSet.of(ResourceType.SEED);
      case "snapshot" -> EnumSet.of(ResourceType.SNAPSHOT);
      default -> EnumSet.of(ResourceType.MODEL);
    };
  }

  /** Configures a {@link RescuePlanner}. Not thread-safe. */
  public static final class Builder {
    private int maxRootsPerRun = 50;
    private double heavySeconds = 300;
    private int heavyDownstream = 50;
    private SelectionEvaluator evaluator;
    private final List<String> scheduled = new ArrayList<>();
    private final Set<String> fullRefresh = new LinkedHashSet<>();
    private final Set<String> upstreamFixed = new LinkedHashSet<>();
    private final List<RunResults> history = new ArrayList<>();

    private Builder() {}

    /**
     * Sets how many roots one rescue run may take before the outage is split by lineage (default 50).
     *
     * @param roots at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxRootsPerRun(int roots) {
      if (roots < 1) {
        throw new IllegalArgumentException("maxRootsPerRun must be >= 1: " + roots);
      }
      this.maxRootsPerRun = roots;
      return this;
    }

    /**
     * Sets the normal runtime above which a target is heavy and rebuilt in layers (default 300 seconds).
     *
     * @param seconds the threshold
     * @return this builder
     */
    public Builder heavySeconds(double seconds) {
      this.heavySeconds = seconds;
      return this;
    }

    /**
     * Sets how many downstream models make an incremental target heavy (default 50).
     *
     * @param models the threshold
     * @return this builder
     */
    public Builder heavyDownstream(int models) {
      this.heavyDownstream = models;
      return this;
    }

    /**
     * Sets the evaluator that verifies each step selects exactly its nodes.
     *
     * @param evaluator the evaluator
     * @return this builder
     */
    public Builder evaluator(SelectionEvaluator evaluator) {
      this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
      return this;
    }

    /**
     * Adds the selection of a scheduled run, to report contention with it.
     *
     * @param selection a {@code --select} expression, such as {@code tag:daily}
     * @return this builder
     */
    public Builder scheduled(String selection) {
      this.scheduled.add(Objects.requireNonNull(selection, "selection"));
      return this;
    }

    /**
     * Marks models that need {@code --full-refresh} beyond what the triage's full-refresh advisor decided (a
     * person's call, such as a known bad history).
     *
     * @param uniqueIds the models' unique ids
     * @return this builder
     */
    public Builder fullRefresh(Collection<String> uniqueIds) {
      this.fullRefresh.addAll(uniqueIds);
      return this;
    }

    /**
     * Marks roots whose upstream was fixed, so the plan rebuilds the upstream first.
     *
     * @param uniqueIds the roots' unique ids
     * @return this builder
     */
    public Builder upstreamFixed(Collection<String> uniqueIds) {
      this.upstreamFixed.addAll(uniqueIds);
      return this;
    }

    /**
     * Sets older runs, read for each model's normal runtime.
     *
     * @param runs older run results
     * @return this builder
     */
    public Builder history(Collection<RunResults> runs) {
      this.history.addAll(runs);
      return this;
    }

    /** Returns the planner. */
    public RescuePlanner build() {
      return new RescuePlanner(this);
    }
  }
}
