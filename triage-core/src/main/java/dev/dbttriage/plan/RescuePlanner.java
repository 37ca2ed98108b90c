package dev.dbttriage.plan;

import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
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
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
  private final Heaviness heaviness;
  private final Optional<SelectionEvaluator> evaluator;
  private final List<String> scheduled;
  private final Set<String> fullRefresh;
  private final Set<String> upstreamFixed;

  private RescuePlanner(Builder b) {
    this.maxRootsPerRun = b.maxRootsPerRun;
    this.heaviness = new Heaviness(b.heavySeconds, b.heavyDownstream, List.copyOf(b.history));
    this.evaluator = Optional.ofNullable(b.evaluator);
    this.scheduled = List.copyOf(b.scheduled);
    this.fullRefresh = Set.copyOf(b.fullRefresh);
    this.upstreamFixed = Set.copyOf(b.upstreamFixed);
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

  /** One plan in the making: the phases, in the order the playbook runs them. */
  private final class Planning {
    final TriageReport report;
    final String command;
    final PlanLineage lineage;
    final PlanVerifier verifier;
    final List<String> problems = new ArrayList<>();
    /** The invocation's flags that change what is built or where, reproduced on every step. */
    final InvocationContext context;
    final Optional<DbtVersion> version;
    final DbtSubcommand subcommand;
    final List<PlanStep> steps = new ArrayList<>();

    Planning(TriageReport report, Project project) {
      this.report = report;
      String original = report.command().orElse("run");
      this.command = switch (original) {
        case "build", "run", "test", "seed", "snapshot" -> original;
        default -> "run";
      };
      Set<String> withResult = new HashSet<>();
      report.results().forEach(r -> withResult.add(r.uniqueId()));
      this.lineage = new PlanLineage(ProjectCore.of(project).index(), command, withResult);
      this.verifier = new PlanVerifier(evaluator, command, lineage, problems);
      this.context = InvocationContext.of(report.args(), report.dbtVersion().flatMap(DbtVersion::tryParse));
      this.version = context.dbtVersion();
      this.subcommand = DbtSubcommand.fromWhich(command).orElse(DbtSubcommand.RUN);
      if (context.varsRedacted()) {
        problems.add("the run's --vars held a secret, masked in the commands: put the real value back before pasting");
      }
    }

    RescuePlan plan() {
      TreeSet<String> intended = intended();
      prepare();
      TreeSet<String> remaining = new TreeSet<>(intended);
      List<RefreshDecision> decisions = refreshDecisions();
      List<String> refresh = fullRefreshes(decisions, remaining);
      if (!report.neverRan().isEmpty() && !remaining.isEmpty()) {
        resume(remaining, refresh);
      }
      heavyTargets(remaining);
      rescue(remaining);
      problems.addAll(PlanVerifier.coverage(steps, intended));
      boolean verified = verifier.active() && problems.isEmpty()
          && steps.stream().filter(s -> !s.kind().preparatory()).allMatch(PlanStep::verified);
      return new RescuePlan(command, steps, List.copyOf(intended), verified, problems,
          RetryVerdicts.of(report, steps, refresh, version),
          Contentions.of(scheduled, evaluator, steps, lineage, problems),
          PostRunChecks.of(report, steps, command, lineage::typeOf, models -> render(DbtCommand.builder(
              DbtSubcommand.TEST).select(lineage.names(models)).withContext(context))), decisions);
    }

    /** What the plan must execute: every failed, skipped and never-ran node the subcommand executes. */
    TreeSet<String> intended() {
      TreeSet<String> intended = new TreeSet<>();
      for (RunResult r : report.results()) {
        if ((FAILED.contains(r.status()) || r.status() == RunStatus.SKIPPED) && lineage.executes(r.uniqueId())) {
          intended.add(r.uniqueId());
        }
      }
      for (String id : report.neverRan()) {
        if (lineage.executes(id)) {
          intended.add(id);
        }
      }
      return intended;
    }

    /** Preparatory steps: packages first when one is missing, then a freshness check of each late source. */
    void prepare() {
      // A missing package or a version conflict fails every node that uses it: install packages first.
      if (report.failures().stream().anyMatch(r -> r.diagnosis().subclass() == Subclass.PACKAGE_MISSING
          || r.diagnosis().subclass() == Subclass.PACKAGE_VERSION_CONFLICT)) {
        add(StepKind.DEPS, render(DbtCommand.builder(DbtSubcommand.DEPS).withContext(context)), List.of(),
            List.of(), false, List.of(), false,
            "a package is missing or its version conflicts: fix packages.yml if needed, then install them first");
      }
      for (RootCause root : report.roots()) {
        if (root.kind() == RootKind.SOURCE_FRESHNESS && !root.status().equals("warn")) {
          add(StepKind.FRESHNESS_CHECK, render(DbtCommand.builder(DbtSubcommand.SOURCE_FRESHNESS)
                  .select("source:" + root.name()).withContext(context)), List.of("source:" + root.name()),
              List.of(), false, List.of(), false,
              "confirm the late source caught up before rebuilding what reads it; fix the pipeline, not dbt");
        }
      }
    }

    /** The full-refresh advisor's decisions, made once by the triage, for the report's failed models. */
    List<RefreshDecision> refreshDecisions() {
      List<RefreshDecision> out = new ArrayList<>();
      for (RootCause root : report.failures()) {
        root.refresh().ifPresent(out::add);
      }
      return out;
    }

    /**
     * Full refreshes, alone and first: the models the advisor decided on and those the caller named, each with
     * the tests a build runs with it.
     *
     * @return the models refreshed, sorted
     */
    List<String> fullRefreshes(List<RefreshDecision> decisions, Set<String> remaining) {
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
        Set<String> nodes = lineage.withOwnTests(new TreeSet<>(refresh), remaining);
        exactStep(StepKind.FULL_REFRESH, nodes, lineage.names(refresh), List.of(), true,
            "the model's history must be rebuilt (schema drift or changed logic), scoped to exactly these models");
        remaining.removeAll(nodes);
      }
      return refresh;
    }

    /** Resumes a run that lost nodes: the original selection minus what already succeeded. */
    void resume(Set<String> remaining, List<String> refreshed) {
      InvocationArgs args = report.args();
      if (args.command().isEmpty()) {
        problems.add("cannot resume with the original selection: the run results record no invocation args");
        return;
      }
      List<String> exclude = new ArrayList<>(args.exclude());
      List<String> done = new ArrayList<>();
      for (RunResult r : report.results()) {
        if (DONE.contains(r.status()) && lineage.executes(r.uniqueId())) {
          done.add(r.uniqueId());
        }
      }
      done.addAll(refreshed);
      exclude.addAll(lineage.names(done));
      String reason = "the run lost " + report.neverRan().size()
          + " node(s) that `dbt retry` cannot see: re-run the original selection, excluding what already succeeded";
      if (args.selector().isPresent()) {
        String cmd = render(DbtCommand.builder(subcommand).selector(args.selector().get()).exclude(exclude)
            .withContext(context).fullRefresh(keepsFullRefresh(remaining)));
        add(StepKind.RESUME, cmd, List.of(), exclude, false, List.copyOf(remaining), false, reason);
      } else {
        exactStep(StepKind.RESUME, remaining, args.select(), exclude, false, reason);
      }
      remaining.clear();
    }

    /** Heavy targets: the upstream first when it was fixed, the target alone, then its downstream. */
    void heavyTargets(Set<String> remaining) {
      for (RootCause root : report.failures()) {
        if (remaining.isEmpty() || !remaining.contains(root.uniqueId())) {
          continue;
        }
        String heaviness = RescuePlanner.this.heaviness.of(root);
        if (heaviness.isEmpty()) {
          continue;
        }
        String id = root.uniqueId();
        String name = lineage.selectorName(id);
        if (upstreamFixed.contains(id)) {
          add(StepKind.UPSTREAM_LAYER, command(List.of("+" + name), List.of(name), false), List.of("+" + name),
              List.of(name), false, List.copyOf(new TreeSet<>(lineage.ancestors(id))), false,
              "the upstream was fixed: rebuild it first so the target reads stable inputs");
        }
        Set<String> target = lineage.withOwnTests(new TreeSet<>(Set.of(id)), remaining);
        exactStep(StepKind.TARGET_LAYER, target, List.of(name), List.of(), false,
            "heavy target (" + heaviness + "): rebuild it alone and confirm it before its downstream");
        remaining.removeAll(target);
        Set<String> below = new TreeSet<>(remaining);
        below.retainAll(lineage.descendants(id));
        // A node that is also below another failed root waits for that root: the later rescue step rebuilds it.
        for (RootCause other : report.failures()) {
          if (!other.uniqueId().equals(id) && remaining.contains(other.uniqueId())) {
            below.removeAll(lineage.descendants(other.uniqueId()));
          }
        }
        if (!below.isEmpty()) {
          exactStep(StepKind.DOWNSTREAM_LAYER, below, List.of(name + "+"), List.of(name), false,
              "rebuild what the heavy target feeds once it is confirmed");
          remaining.removeAll(below);
        }
      }
    }

    /** Everything else: one rescue run, or several grouped by lineage above the playbook's limit. */
    void rescue(Set<String> remaining) {
      if (remaining.isEmpty()) {
        return;
      }
      List<RootCause> roots = new ArrayList<>();
      for (RootCause root : report.roots()) {
        if (root.kind() != RootKind.WARNING && root.kind() != RootKind.SOURCE_FRESHNESS) {
          roots.add(root);
        }
      }
      for (Set<String> batch : OutageBatches.of(roots, remaining, lineage, maxRootsPerRun)) {
        exactStep(StepKind.RESCUE, batch, lineage.tokensFor(batch), List.of(), false,
            batch.size() == remaining.size() && steps.stream().noneMatch(s -> s.kind() == StepKind.RESCUE)
                ? "rebuild the failed roots and everything skipped below them"
                : "one lineage group of the outage (grouped by shared upstream or downstream)");
      }
    }

    /** Adds a step over exactly {@code nodes}, its selection chosen and verified by the verifier. */
    void exactStep(StepKind kind, Set<String> nodes, List<String> select, List<String> exclude,
        boolean fullRefreshStep, String reason) {
      boolean full = fullRefreshStep || keepsFullRefresh(nodes);
      PlanVerifier.Selection chosen = verifier.choose(steps.size() + 1, nodes, select, exclude,
          (s, e) -> command(s, e, full));
      add(kind, command(chosen.select(), chosen.exclude(), full), chosen.select(), chosen.exclude(), full,
          List.copyOf(new TreeSet<>(nodes)), chosen.verified(), reason);
    }

    void add(StepKind kind, String cmd, List<String> select, List<String> exclude, boolean full,
        List<String> nodes, boolean verified, String reason) {
      steps.add(new PlanStep(steps.size() + 1, kind, cmd, select, exclude, full, nodes, verified, reason));
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
      return context.fullRefresh() && nodes.stream().anyMatch(lineage::isIncremental);
    }
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
