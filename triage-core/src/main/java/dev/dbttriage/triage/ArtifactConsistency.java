package dev.dbttriage.triage;

import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.internal.graph.DbtNodes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the artifacts of one {@code target/} tell one story: every dbt command rewrites {@code target/}, so a
 * {@code dbt compile} after a failed {@code dbt build} leaves a manifest from one invocation next to run
 * results from another, and a {@code sources.json} or {@code catalog.json} may be months older than the run.
 *
 * <p>Compares {@code metadata.invocation_id} and {@code generated_at} of manifest, run_results, sources.json and
 * catalog.json and returns {@link ReportWarning}s: {@link ReportWarning#INVOCATION_MISMATCH},
 * {@link ReportWarning#STALE_SOURCES} and {@link ReportWarning#STALE_CATALOG} (more than {@link #STALE_AFTER}
 * from the run, either way). Artifacts that record no invocation id (dbt before 0.19) are never called
 * mismatched; timestamps that are missing or unreadable make no staleness warning. Stateless and thread-safe.
 */
public final class ArtifactConsistency {
  /** How far from the run a sources.json or catalog.json may be generated before it is stale: 24 hours. */
  public static final Duration STALE_AFTER = Duration.ofHours(24);

  private static final Set<ResourceType> EXECUTED = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
      ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.UNIT_TEST);

  private ArtifactConsistency() {}

  /**
   * Checks the artifacts read from one {@code target/}.
   *
   * @param target the artifacts
   * @return the warnings, in the order mismatch, stale sources, stale catalog; empty when they agree
   * @throws NullPointerException if {@code target} is null
   */
  public static List<ReportWarning> check(TargetArtifacts target) {
    Objects.requireNonNull(target, "target");
    return check(Optional.of(target.manifest()), target.runResults(), target.sources(), target.catalog());
  }

  /**
   * Checks whichever artifacts are present.
   *
   * @param manifest the manifest, if any
   * @param runResults the run results, if any
   * @param sources the source freshness results, if any
   * @param catalog the catalog, if any
   * @return the warnings, in the order mismatch, stale sources, stale catalog; empty when they agree
   * @throws NullPointerException if an argument is null
   */
  public static List<ReportWarning> check(Optional<Manifest> manifest, Optional<RunResults> runResults,
      Optional<SourceFreshness> sources, Optional<Catalog> catalog) {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(runResults, "runResults");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(catalog, "catalog");
    List<ReportWarning> out = new ArrayList<>();
    if (manifest.isPresent() && runResults.isPresent()) {
      mismatch(manifest.get(), runResults.get()).ifPresent(out::add);
    }
    Optional<Instant> run = runResults.flatMap(r -> generatedAt(r.metadata()));
    if (sources.isPresent() && run.isPresent()) {
      Optional<Instant> at = generatedAt(sources.get().metadata());
      if (at.isPresent() && stale(at.get(), run.get())) {
        Set<String> ids = new LinkedHashSet<>();
        for (FreshnessResult r : sources.get().results()) {
          ids.add(r.uniqueId());
        }
        out.add(new ReportWarning(ReportWarning.STALE_SOURCES, "sources.json was generated "
            + apart(at.get(), run.get()) + " the run (" + at.get() + " vs " + run.get()
            + "): its freshness results describe another moment and are context, not this run's roots",
            List.copyOf(ids)));
      }
    }
    Optional<Instant> reference = run.or(() -> manifest.flatMap(m -> generatedAt(m.metadata())));
    if (catalog.isPresent() && reference.isPresent()) {
      Optional<Instant> at = generatedAt(catalog.get().metadata());
      if (at.isPresent() && stale(at.get(), reference.get())) {
        out.add(ReportWarning.of(ReportWarning.STALE_CATALOG, "catalog.json was generated "
            + apart(at.get(), reference.get()) + (run.isPresent() ? " the run (" : " the manifest (") + at.get()
            + " vs " + reference.get() + "): the column types it records may have changed since"));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns true when both files record an invocation id and the ids differ.
   *
   * @param manifest the manifest
   * @param runResults the run results
   * @return whether they come from different dbt invocations
   * @throws NullPointerException if an argument is null
   */
  public static boolean differentInvocations(Manifest manifest, RunResults runResults) {
    Optional<String> m = manifest.metadata().invocationId();
    Optional<String> r = runResults.metadata().invocationId();
    return m.isPresent() && r.isPresent() && !m.get().equals(r.get());
  }

  /**
   * Returns true when the manifest comes from a later invocation than the run results: then nodes without a
   * result may not have existed at run time, and are no evidence that the run crashed.
   *
   * @param manifest the manifest
   * @param runResults the run results
   * @return whether the invocations differ and the manifest was generated after the run results
   * @throws NullPointerException if an argument is null
   */
  public static boolean manifestNewerThanRun(Manifest manifest, RunResults runResults) {
    if (!differentInvocations(manifest, runResults)) {
      return false;
    }
    Optional<Instant> m = generatedAt(manifest.metadata());
    Optional<Instant> r = generatedAt(runResults.metadata());
    return m.isPresent() && r.isPresent() && m.get().isAfter(r.get());
  }

  /**
   * Returns true when sources.json was generated more than {@link #STALE_AFTER} away from the run: its
   * freshness results describe another moment and are context, not roots of this run.
   *
   * @param sources the source freshness results
   * @param runResults the run results
   * @return whether both record a readable {@code generated_at} more than a day apart
   * @throws NullPointerException if an argument is null
   */
  public static boolean sourcesStale(SourceFreshness sources, RunResults runResults) {
    Optional<Instant> at = generatedAt(sources.metadata());
    Optional<Instant> run = generatedAt(runResults.metadata());
    return at.isPresent() && run.isPresent() && stale(at.get(), run.get());
  }

  /**
   * Returns the manifest's enabled nodes that a dbt command executes (models other than ephemeral ones,
   * seeds, snapshots, data and unit tests) and that have no result, in manifest order. A run with a selection
   * leaves every unselected node without a result: a caller that can evaluate the run's selection may
   * intersect.
   *
   * @param manifest the manifest
   * @param runResults the run results
   * @return their unique ids
   * @throws NullPointerException if an argument is null
   */
  public static List<String> nodesWithoutResult(Manifest manifest, RunResults runResults) {
    Set<String> ran = new HashSet<>();
    for (RunResult r : runResults.results()) {
      ran.add(r.uniqueId());
    }
    List<String> out = new ArrayList<>();
    for (Map<String, Node> map : List.of(manifest.nodes(), manifest.unitTests())) {
      for (Node n : map.values()) {
        if (EXECUTED.contains(n.resourceType()) && n.enabled() && !DbtNodes.neverExecutes(n)
            && !ran.contains(n.uniqueId())) {
          out.add(n.uniqueId());
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns when an artifact was generated, read from {@code generated_at} ({@code 2024-05-07T13:54:29.736330Z},
   * {@code ...+00:00}, or without a zone, taken as UTC).
   *
   * @param metadata the artifact's metadata
   * @return the instant, or empty when not recorded or not a timestamp
   * @throws NullPointerException if {@code metadata} is null
   */
  public static Optional<Instant> generatedAt(ArtifactMetadata metadata) {
    Optional<String> text = metadata.generatedAt();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String s = text.get().trim();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static Optional<ReportWarning> mismatch(Manifest manifest, RunResults runResults) {
    if (!differentInvocations(manifest, runResults)) {
      return Optional.empty();
    }
    Optional<Instant> m = generatedAt(manifest.metadata());
    Optional<Instant> r = generatedAt(runResults.metadata());
    String head = "manifest.json (invocation " + manifest.metadata().invocationId().orElseThrow()
        + m.map(t -> ", generated " + t).orElse("") + ") and run_results.json (invocation "
        + runResults.metadata().invocationId().orElseThrow() + r.map(t -> ", generated " + t).orElse("")
        + ") come from different dbt invocations";
    if (m.isEmpty() || r.isEmpty()) {
      return Optional.of(ReportWarning.of(ReportWarning.INVOCATION_MISMATCH,
          head + "; without both timestamps it cannot tell which is newer"));
    }
    if (m.get().isAfter(r.get())) {
      List<String> missing = nodesWithoutResult(manifest, runResults);
      return Optional.of(new ReportWarning(ReportWarning.INVOCATION_MISMATCH, head + ": the manifest is "
          + human(Duration.between(r.get(), m.get())) + " newer than the run, so the " + missing.size()
          + " node(s) it lists without a result may not have existed at run time", missing));
    }
    List<String> unknown = new ArrayList<>();
    for (RunResult res : runResults.results()) {
      if (manifest.node(res.uniqueId()).isEmpty() && !manifest.macros().containsKey(res.uniqueId())) {
        unknown.add(res.uniqueId());
      }
    }
    return Optional.of(new ReportWarning(ReportWarning.INVOCATION_MISMATCH, head + ": the run is "
        + human(Duration.between(m.get(), r.get())) + " newer than the manifest, which may not describe what it ran"
        + (unknown.isEmpty() ? "" : "; " + unknown.size() + " result(s) name nodes the manifest lacks"),
        unknown));
  }

  private static boolean stale(Instant at, Instant reference) {
    return Duration.between(at, reference).abs().compareTo(STALE_AFTER) > 0;
  }

  private static String apart(Instant at, Instant reference) {
    Duration d = Duration.between(at, reference);
    return human(d.abs()) + (d.isNegative() ? " after" : " before");
  }

  /** A duration as people say it: {@code 40 s}, {@code 36 min}, {@code 5 h}, {@code 3 days}. */
  static String human(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 2 * 3600) {
      return s / 60 + " min";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " h";
    }
    return s / 86400 + " days";
  }
}
