package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.TriageException;
import dev.dbttriage.command.DbtCommand;
import dev.dbttriage.command.DbtSubcommand;
import dev.dbttriage.command.DbtVersion;
import dev.dbttriage.command.InvocationContext;
import dev.dbttriage.decide.FailureEvidence;
import dev.dbttriage.decide.FullRefreshAdvisor;
import dev.dbttriage.decide.RefreshDecision;
import dev.dbttriage.decide.RefreshInput;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.select.SelectorEngine;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

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
  private final int minorThreshold;
  private final int majorThreshold;
  private final FailureDiagnoser diagnoser;
  private final BiFunction<Manifest, RunResults, Optional<Set<String>>> selectionResolver;
  private final java.util.concurrent.Executor executor;
  private final FullRefreshAdvisor advisor;

  private TriageEngine(Builder b) {
    this.executor = b.executor;
    this.advisor = b.advisor;
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
    final LineageIndex graph;
    final Map<String, RunResult> results;
    final String command;
    final List<ReportWarning> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The manifest was written by a later invocation than the run: nodes without results may not have existed. */
    final boolean manifestNewer;
    /** sources.json is more than a day away from the run: its verdicts are context, not current roots. */
    final boolean staleSources;
    final Optional<String> generatedAt;
    final BlastRadii radii;
    final RunHistory history;

    Run(TriageInput input) {
      this.input = input;
      this.manifest = input.manifest();
      this.graph = ProjectCore.of(input.project()).index();
      input.project().graphProblem().ifPresent(p -> warnings.add(ReportWarning.of(ReportWarning.GRAPH_REFUSED,
          "the manifest's graph is one dbt would refuse (" + p + "); lineage was read leniently")));
      readerWarnings();
      Optional<RunResults> latest = input.current().latestRun();
      List<ReportWarning> consistency = ArtifactConsistency.check(Optional.of(input.manifest()), latest,
          input.sources(), input.catalog());
      warnings.addAll(consistency);
      this.manifestNewer = latest.map(r -> ArtifactConsistency.differentInvocations(input.manifest(), r)
          && ArtifactConsistency.manifestNewerThanRun(input.manifest(), r)).orElse(false);
      this.staleSources = consistency.stream().anyMatch(w -> w.code().equals(ReportWarning.STALE_SOURCES));
      this.results = input.current().current();
      this.command = commandOf(input);
      this.generatedAt = input.current().latestRun().flatMap(r -> r.metadata().generatedAt());
      boolean hasTests = false;
      boolean hasBuildables = false;
      for (String id : results.keySet()) {
        ResourceType t = SkipAttribution.typeOf(graph, id);
        hasTests |= t == ResourceType.TEST || t == ResourceType.UNIT_TEST;
        hasBuildables |= t == ResourceType.MODEL || t == ResourceType.SEED || t == ResourceType.SNAPSHOT;
      }
      boolean buildSemantics = command.equals("build") || (command.isEmpty() && hasTests && hasBuildables);
      this.radii = new BlastRadii(graph, manifest, minorThreshold, majorThreshold);
      this.history = new RunHistory(input);
      this.skips = new SkipAttribution(graph, results, buildSemantics);
      this.context = InvocationContext.of(latestArgs(),
          input.current().latestRun().flatMap(r -> r.metadata().dbtVersion()).flatMap(DbtVersion::tryParse));
    }

    /** dbt's skip propagation for the run's command ({@code build} also skips below failing tests). */
    final SkipAttribution skips;
    /** The invocation's command and flags, for every command the report prints. */
    final InvocationContext context;

    /** What the readers were lenient about reaches the report, each warning once. */
    void readerWarnings() {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      List<dev.dbttriage.artifact.ArtifactWarning> all = new ArrayList<>(input.manifest().warnings());
      input.current().runs().forEach(r -> all.addAll(r.warnings()));
      input.sources().ifPresent(x -> all.addAll(x.warnings()));
      input.catalog().ifPresent(x -> all.addAll(x.warnings()));
      for (dev.dbttriage.artifact.ArtifactWarning w : all) {
        String text = Redaction.redact(w.toString());
        if (seen.add(text)) {
          warnings.add(new ReportWarning(w.code().name(), text, w.nodes()));
        }
      }
      boolean incomplete = input.manifest().incomplete() || input.current().runs().stream().anyMatch(RunResults::incomplete)
          || input.sources().map(x -> x.incomplete()).orElse(false);
      if (incomplete) {
        warnings.add(ReportWarning.of(ReportWarning.RESULTS_INCOMPLETE, "the artifacts could not be read in full (see "
            + "the warnings above): the findings may be incomplete, and an empty triage does not mean a clean run"));
      }
    }

    TriageReport report() {
      Map<String, BitSet> causes = new LinkedHashMap<>();
      Map<String, RootKind> kinds = new LinkedHashMap<>();
      Map<String, List<String>> related = new HashMap<>();
      Map<String, String> ephemeralOf = skips.ephemeralRoots();
      List<String> warnIds = new ArrayList<>();

      for (Map.Entry<String, RunResult> e : results.entrySet()) {
        String id = e.getKey();
        RunStatus status = e.getValue().status();
        if (status == RunStatus.WARN) {
          warnIds.add(id);
          continue;
        }
        if (!SkipAttribution.NODE_FAILURES.contains(status)) {
          continue;
        }
        String rootId = ephemeralOf.getOrDefault(id, id);
        if (!rootId.equals(id)) {
          related.computeIfAbsent(rootId, k -> new ArrayList<>()).add(id);
        }
        ResourceType type = skips.typeOf(id);
        RootKind kind = rootId.equals(id)
            ? (type == ResourceType.TEST ? RootKind.FAILED_TEST
                : type == ResourceType.UNIT_TEST ? RootKind.FAILED_UNIT_TEST : RootKind.FAILED_NODE)
            : RootKind.EPHEMERAL_PARENT;
        kinds.putIfAbsent(rootId, kind);
        BitSet set = skips.skipSet(id, type);
        causes.merge(rootId, set, (a, b) -> {
          a.or(b);
          return a;
        });
      }
      boolean failFast = latestArgs().failFast();
      SkipAttribution.Attribution attribution = skips.attribute(causes, ephemeralOf, failFast);
      if (failFast && !causes.isEmpty()) {
        String first = skips.firstFailure();
        warnings.add(new ReportWarning(ReportWarning.FAIL_FAST, "the run stopped at its first failure (--fail-fast)"
            + (first == null ? "" : ", " + first + ": what it did not attempt belongs to that failure"),
            first == null ? List.of() : List.of(first)));
      }
      Map<String, List<String>> skippedOf = attribution.skippedOf();
      Map<String, List<String>> skippedBy = attribution.skippedBy();
      List<String> unexplained = attribution.unexplained();

      // Roots are independent once attribution is done: diagnose and size them on every core (the classifier
      // and the graph are thread-safe), keeping the order stable.
      radii.prepare();
      List<Map.Entry<String, RootKind>> todo = new ArrayList<>(kinds.entrySet());
      warnIds.forEach(id -> todo.add(Map.entry(id, RootKind.WARNING)));
      List<RootCause> roots = new ArrayList<>(parallel(todo, e -> {
        String rootId = e.getKey();
        RootKind kind = e.getValue();
        if (kind == RootKind.WARNING) {
          return root(kind, rootId, skips.skipSet(rootId, skips.typeOf(rootId)), List.of(), List.of());
        }
        // The blast radius is what dbt ls --select root+ lists (for a test: what consumes its models), whatever
        // dbt skipped: a model with on_error: continue skips nothing but still feeds its downstream bad data.
        BitSet reach = kind == RootKind.EPHEMERAL_PARENT || kind == RootKind.FAILED_NODE
            ? downstreamOf(rootId)
            : causes.get(rootId);
        return root(kind, rootId, reach, skippedOf.getOrDefault(rootId, List.of()),
            related.getOrDefault(rootId, List.of()));
      }));
      if (input.sources().isPresent() && !staleSources) {
        // a sources.json from another day says nothing about this run: the STALE_SOURCES warning says so
        roots.addAll(new FreshnessRoots(graph, diagnoser, manifest.adapterType(), radii, context, generatedAt)
            .of(input.sources().get()));
      }
      List<String> neverRan = NeverRan.of(input.current().latestRun(), manifestNewer, results, input.project(),
          selectionResolver, warnings);
      if (!neverRan.isEmpty()) {
        roots.add(groupRoot(RootKind.NEVER_RAN, "never-ran", neverRan,
            "selected by the invocation but no result was written: the run crashed, was killed or timed out"));
      }
      if (!unexplained.isEmpty()) {
        unexplained.sort(null);
        for (String id : unexplained) {
          skippedBy.put(id, List.of("unexplained-skip"));
        }
        boolean lineageUnknown = input.manifest().warnings().stream()
            .anyMatch(w -> w.code() == dev.dbttriage.artifact.WarningCode.LINEAGE_UNKNOWN);
        roots.add(groupRoot(RootKind.UNEXPLAINED_SKIP, "unexplained-skip", unexplained, lineageUnknown
            ? "skipped by dbt; without manifest.json the failure upstream of it is unknown"
            : "skipped with no failed node upstream in the results given; pass the run's other run_results.json"));
        if (!lineageUnknown) {
          warnings.add(new ReportWarning(ReportWarning.UNEXPLAINED_SKIPS,
              unexplained.size() + " skipped node(s) have no failed node upstream in the results given", unexplained));
        }
      }
      roots.sort(ROOT_ORDER);

      Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
      results.values().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
      return new TriageReport(
          input.project(),
          latestArgs(),
          command.isEmpty() ? Optional.empty() : Optional.of(command),
          input.current().latestRun().flatMap(r -> r.metadata().invocationId()),
          generatedAt,
          input.current().latestRun().flatMap(r -> r.metadata().dbtVersion()),
          manifest.adapterType(),
          counts,
          roots,
          skippedBy,
          neverRan,
          List.copyOf(warnings),
          List.copyOf(results.values()),
          CommonCauses.find(roots),
          resultSources());
    }

    /** Where each result came from, the newest run winning as in {@link RunState}. */
    Map<String, String> resultSources() {
      Map<String, String> sources = new java.util.HashMap<>();
      for (RunResults run : input.current().runs()) {
        String source = dev.dbttriage.log.LogRuns.fromLog(run) ? "log" : "run_results";
        run.results().forEach(r -> sources.put(r.uniqueId(), source));
      }
      return sources;
    }

    /** The args of the newest run that is not a {@code dbt retry} (whose args replay the original's). */
    InvocationArgs latestArgs() {
      List<RunResults> runs = input.current().runs();
      for (int k = runs.size() - 1; k >= 0; k--) {
        if (!runs.get(k).args().command().map("retry"::equals).orElse(false)) {
          return runs.get(k).args();
        }
      }
      return InvocationArgs.NONE;
    }

    /** Everything below a node; nothing for an id the manifest lacks (a run-operation, a deleted node). */
    BitSet downstreamOf(String id) {
      int i = graph.memberIndexOf(id);
      return i < 0 ? new BitSet() : graph.descendants(i);
    }

    RootCause root(RootKind kind, String id, BitSet reach, List<String> skipped, List<String> related) {
      int i = graph.memberIndexOf(id);
      Optional<Node> node = i >= 0 ? Optional.of(graph.node(i)) : Optional.empty();
      Optional<RunResult> result = Optional.ofNullable(results.get(id));
      if (kind == RootKind.EPHEMERAL_PARENT && result.isEmpty() && !related.isEmpty()) {
        result = Optional.ofNullable(results.get(related.get(0)));
      }
      String message = result.flatMap(RunResult::message).orElse("");
      Diagnosis diagnosis = diagnoser.diagnose(message, result, node, manifest.adapterType());
      // The classifier's line; a diagnoser without a classification gets the same line from the same code.
      String firstLine = diagnosis.classification().map(c -> c.firstLine()).filter(l -> !l.isBlank())
          .orElse(null);
      if (firstLine == null) {
        firstLine = Redaction.redact(Classifier.lineThatMatters(message));
      }
      message = Redaction.redact(message);
      BlastRadius radius = radii.of(reach == null ? new BitSet() : reach, kind == RootKind.WARNING);
      String name = node.map(Node::name).orElse(id);
      String status = kind == RootKind.EPHEMERAL_PARENT ? "error"
          : result.map(r -> r.status() == RunStatus.UNKNOWN ? r.rawStatus() : r.status().dbtName()).orElse("");
      List<String> sortedSkipped = new ArrayList<>(skipped);
      sortedSkipped.sort(null);
      List<String> sortedRelated = new ArrayList<>(related);
      sortedRelated.sort(null);
      ResourceType type = node.map(Node::resourceType).orElse(skips.typeOf(id));
      Optional<RefreshDecision> refresh = kind == RootKind.FAILED_NODE
          ? refreshDecision(id, node, result, diagnosis, firstLine) : Optional.empty();
      ResolutionKind resolution = RecoveryAdvice.resolution(kind, diagnosis, node, refresh, manifest);
      TriageRecord record = new TriageRecord(
          generatedAt.orElse("unknown"),
          name,
          node.flatMap(Node::materialized).orElse("n/a"),
          diagnosis.errorClass(),
          firstLine,
          BlastRadii.text(radius),
          resolution,
          RecoveryAdvice.detail(diagnosis, node, refresh, manifest),
          RecoveryAdvice.command(context, kind, node, id, status, diagnosis, resolution, refresh));
      return new RootCause(kind, id, name, type, node, status,
          message.isEmpty() ? Optional.empty() : Optional.of(message), firstLine, diagnosis,
          sortedSkipped, sortedRelated, radius, history.of(id), refresh, record);
    }

    /** The advisor's decision on a failed incremental model; empty for anything else. */
    Optional<RefreshDecision> refreshDecision(String id, Optional<Node> node, Optional<RunResult> result,
        Diagnosis diagnosis, String firstLine) {
      if (node.isEmpty() || node.get().resourceType() != ResourceType.MODEL || !node.get().config().isIncremental()) {
        return Optional.empty();
      }
      RefreshInput.Builder in = RefreshInput.builder(manifest, id)
          .failure(FailureEvidence.of(diagnosis.errorClass(), diagnosis.subclass(), diagnosis.retryable(), firstLine));
      input.previousManifest().ifPresent(in::previousManifest);
      input.catalog().ifPresent(in::catalog);
      result.ifPresent(in::result);
      if (!input.previousRuns().isEmpty()) {
        List<RunResults> runs = new ArrayList<>(input.previousRuns());
        runs.addAll(input.current().runs());
        in.history(RunState.of(runs));
      }
      try {
        RefreshDecision d = advisor.decide(in.build());
        // the advisor writes today's syntax; print it as the run's dbt version takes it, with the run's flags
        return Optional.of(new RefreshDecision(d.uniqueId(), d.kind(), d.reasons(),
            d.commands().stream().map(c -> dev.dbttriage.command.NodeCommands.inContext(c, context)).toList(),
            d.cost(), d.warnings(), d.guardMustBeLifted()));
      } catch (TriageException | IllegalArgumentException e) {
        warnings.add(new ReportWarning(ReportWarning.NO_REFRESH_DECISION,
            "no full-refresh decision for " + id + ": " + Redaction.redact(String.valueOf(e.getMessage())), List.of(id)));
        return Optional.empty();
      }
    }

    RootCause groupRoot(RootKind kind, String id, List<String> members, String why) {
      int[] starts = members.stream().mapToInt(graph::memberIndexOf).filter(i -> i >= 0).toArray();
      BitSet reach = graph.descendants(starts);
      for (int i : starts) {
        reach.set(i);
      }
      BlastRadius radius = radii.of(reach, false);
      Diagnosis diagnosis = new Diagnosis(ErrorClass.RUNTIME,
          kind == RootKind.NEVER_RAN ? Subclass.NEVER_RAN : Subclass.OTHER,
          FixLayer.ORCHESTRATION, kind == RootKind.NEVER_RAN,
          kind == RootKind.NEVER_RAN
              ? "Resume the run for the nodes that never ran; `dbt retry` cannot see them."
              : "Triage the run together with the run_results.json of the step that failed first.",
          List.of(), Optional.empty());
      String first = members.size() + " node(s) " + why;
      String recovery;
      try {
        DbtCommand c = DbtCommand.builder(context.subcommand().filter(x -> x != DbtSubcommand.RETRY)
            .orElse(DbtSubcommand.RUN)).select(selectorNames(members)).withContext(context).build();
        recovery = c.renderFor(context.dbtVersion());
      } catch (IllegalArgumentException | IllegalStateException e) {
        recovery = "";
      }
      TriageRecord record = new TriageRecord(generatedAt.orElse("unknown"), id, "n/a", diagnosis.errorClass(),
          first, BlastRadii.text(radius), kind == RootKind.NEVER_RAN ? ResolutionKind.RETRY : ResolutionKind.ESCALATE,
          diagnosis.advice(), recovery);
      List<String> sorted = new ArrayList<>(members);
      sorted.sort(null);
      return new RootCause(kind, id, id, ResourceType.OTHER, Optional.empty(),
          kind == RootKind.NEVER_RAN ? "never ran" : "skipped", Optional.empty(), first, diagnosis,
          kind == RootKind.UNEXPLAINED_SKIP ? sorted : List.of(),
          kind == RootKind.NEVER_RAN ? sorted : List.of(), radius, Optional.empty(), Optional.empty(), record);
    }

    List<String> selectorNames(List<String> ids) {
      List<String> names = new ArrayList<>();
      for (String id : ids) {
        int i = graph.memberIndexOf(id);
        names.add(i >= 0 ? DbtNodes.selectorName(graph.node(i)) : id);
      }
      return names;
    }
  }

  /** Maps the items on the engine's executor (or the common pool), keeping their order. */
  private <T, R> List<R> parallel(List<T> items, java.util.function.Function<T, R> f) {
    if (executor == null) {
      return items.parallelStream().map(f).toList();
    }
    List<java.util.concurrent.CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> f.apply(item), executor));
    }
    List<R> out = new ArrayList<>(items.size());
    for (java.util.concurrent.CompletableFuture<R> future : futures) {
      try {
        out.add(future.join());
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    return out;
  }

  private static final Comparator<RootCause> ROOT_ORDER = Comparator
      .comparing((RootCause r) -> r.severity() == Severity.INFO)
      .thenComparing(RootCause::severity, Comparator.reverseOrder())
      .thenComparing(r -> r.blastRadius().size(), Comparator.reverseOrder())
      .thenComparing(RootCause::uniqueId);

  /** {@code source.pkg.src.table} as dbt's source selector wants it, {@code src.table}, for a source the manifest lacks. */
  static String sourceSelectorName(String uniqueId) {
    String[] parts = uniqueId.split("\\.", 3);
    return parts.length == 3 && parts[0].equals("source") ? parts[2] : uniqueId;
  }

  static String firstLine(String message) {
    return MessageLines.firstLine(message);
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

  /**
   * The diagnoser of an engine built without one: a classifier over the rules {@link java.util.ServiceLoader}
   * finds, discovered and compiled once per class loader, on first use.
   */
  private static final class DefaultDiagnoser {
    static final FailureDiagnoser INSTANCE = FailureDiagnoser.of(Classifier.builder().discoverRules().build());
  }

  /** Configures a {@link TriageEngine}. Not thread-safe. */
  public static final class Builder {
    private int minorThreshold = 2;
    private int majorThreshold = 50;
    private FailureDiagnoser diagnoser;
    private BiFunction<Manifest, RunResults, Optional<Set<String>>> selectionResolver;
    private java.util.concurrent.Executor executor;
    private FullRefreshAdvisor advisor = FullRefreshAdvisor.defaults();

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
     * project's own {@link SelectorEngine} over the invocation's recorded {@code args}).
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
     * Sets the full-refresh advisor that decides, once, for each failed incremental model whether it needs
     * {@code --full-refresh} (default {@link FullRefreshAdvisor#defaults()}); the triage record, the report and
     * the rescue plan all follow its decision.
     *
     * @param advisor the advisor
     * @return this builder
     */
    public Builder refreshAdvisor(FullRefreshAdvisor advisor) {
      this.advisor = Objects.requireNonNull(advisor, "advisor");
      return this;
    }

    /**
     * Sets the executor that diagnoses and sizes root causes in parallel (default: the common fork-join pool,
     * through a parallel stream). Pass {@code Runnable::run} to triage on the calling thread alone.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(java.util.concurrent.Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
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
        diagnoser = DefaultDiagnoser.INSTANCE;
      }
      return new TriageEngine(this);
    }
  }
}
