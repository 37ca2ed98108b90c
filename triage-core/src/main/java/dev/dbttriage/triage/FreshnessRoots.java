package dev.dbttriage.triage;

import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.classify.Redaction;
import dev.dbttriage.command.DbtCommand;
import dev.dbttriage.command.DbtSubcommand;
import dev.dbttriage.command.InvocationContext;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roots a {@code sources.json} adds: each source whose freshness did not pass, with what reads it as its
 * blast radius and {@code dbt source freshness} as its recovery. Immutable; one per triage.
 */
final class FreshnessRoots {
  private final LineageIndex graph;
  private final FailureDiagnoser diagnoser;
  private final Optional<String> adapterType;
  private final BlastRadii radii;
  private final InvocationContext context;
  private final Optional<String> generatedAt;

  FreshnessRoots(LineageIndex graph, FailureDiagnoser diagnoser, Optional<String> adapterType, BlastRadii radii,
      InvocationContext context, Optional<String> generatedAt) {
    this.graph = graph;
    this.diagnoser = diagnoser;
    this.adapterType = adapterType;
    this.radii = radii;
    this.context = context;
    this.generatedAt = generatedAt;
  }

  /** A root per source that warned, erred or is stale, in the file's order. */
  List<RootCause> of(SourceFreshness sources) {
    List<RootCause> roots = new ArrayList<>();
    for (FreshnessResult fr : sources.results()) {
      if (fr.status() != FreshnessStatus.PASS) {
        roots.add(root(fr));
      }
    }
    return roots;
  }

  private RootCause root(FreshnessResult fr) {
    int i = graph.memberIndexOf(fr.uniqueId());
    BitSet reach = i >= 0 ? graph.descendants(i) : new BitSet();
    Optional<Node> node = i >= 0 ? Optional.of(graph.node(i)) : Optional.empty();
    String name = node.map(n -> n.sourceName().map(s -> s + "." + n.name()).orElse(n.name()))
        .orElse(TriageEngine.sourceSelectorName(fr.uniqueId()));
    String message = message(fr, name);
    Diagnosis diagnosis = diagnoser.diagnose(message, Optional.empty(), node, adapterType);
    BlastRadius radius = radii.of(reach, fr.status() == FreshnessStatus.WARN);
    String status = fr.status() == FreshnessStatus.UNKNOWN ? fr.rawStatus() : fr.status().dbtName();
    TriageRecord record = new TriageRecord(generatedAt.orElse("unknown"), name, "source", diagnosis.errorClass(),
        MessageLines.firstLine(message), BlastRadii.text(radius), ResolutionKind.UPSTREAM, diagnosis.advice(),
        command(name));
    return new RootCause(RootKind.SOURCE_FRESHNESS, fr.uniqueId(), name, ResourceType.SOURCE, node, status,
        message.isEmpty() ? Optional.empty() : Optional.of(Redaction.redact(message)),
        Redaction.redact(MessageLines.firstLine(message)), diagnosis, List.of(), List.of(), radius,
        Optional.empty(), Optional.empty(), record);
  }

  /** The verdict as a message the classifier reads: the query's error, or how stale the source is. */
  private static String message(FreshnessResult fr, String name) {
    if (fr.error().isPresent()) {
      return "Database Error in source " + name + ": " + fr.error().get();
    }
    StringBuilder sb = new StringBuilder();
    sb.append(fr.status() == FreshnessStatus.WARN ? "WARN freshness of " : "ERROR STALE freshness of ")
        .append(name);
    fr.maxLoadedAt().ifPresent(t -> sb.append(": max_loaded_at ").append(t));
    if (fr.ageSeconds().isPresent()) {
      sb.append(String.format(Locale.ROOT, " (%.1f hours ago)", fr.ageSeconds().getAsDouble() / 3600));
    }
    return sb.toString();
  }

  /** {@code dbt source freshness --select source:<name>} with the run's flags, in its dbt version. */
  private String command(String name) {
    DbtCommand c = DbtCommand.builder(DbtSubcommand.SOURCE_FRESHNESS).select("source:" + name).withContext(context)
        .build();
    try {
      return c.renderFor(context.dbtVersion());
    } catch (IllegalStateException e) {
      return c.render();
    }
  }
}
