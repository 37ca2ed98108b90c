package dev.dbttriage.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.ArtifactWarning;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.WarningCode;
import dev.dbttriage.classify.ErrorClass;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns what a log says of an invocation into the {@link RunResults} a triage reads, so that a run killed
 * before dbt wrote {@code run_results.json} (or one whose {@code run_results.json} was overwritten) can be
 * triaged and planned from its log.
 *
 * <p>Nodes are matched to the manifest's unique ids: by the unique id where the log prints it, else by resource
 * type and relation ({@code schema.alias}) or name. A node the log shows started and never finished gets no
 * result: the triage lists it, with the nodes that never started, among what the invocation lost, and the plan
 * resumes the original selection excluding what finished. The results carry the warning codes
 * {@link WarningCode#LOG_RESULTS} (where they came from), {@link WarningCode#RUN_KILLED} (what was running when
 * the kill came) and {@link WarningCode#LOG_NODE_UNRESOLVED} (nodes of the log the manifest does not have).
 *
 * <p>All methods are thread-safe.
 */
public final class LogRuns {
  /**
   * The {@code dbt_schema_version} URL of results read from a log: {@link #fromLog(RunResults)} tells them from
   * a {@code run_results.json}.
   */
  public static final String SCHEMA_URL = "urn:dbt-triage:log-results";

  private static final JsonFactory JSON = new JsonFactory();

  private LogRuns() {}

  /** Returns true when the results were read from a log rather than a {@code run_results.json}. */
  public static boolean fromLog(RunResults results) {
    return SCHEMA_URL.equals(results.metadata().schemaUrl());
  }

  /**
   * Returns the results of one invocation of a log, keyed by the manifest's unique ids.
   *
   * @param log the log
   * @param invocation the invocation (one of {@code log}'s)
   * @param manifest the manifest of the project, to find unique ids the log does not print
   * @param why why the log's results stand in for {@code run_results.json}, for the warning
   *     {@link WarningCode#LOG_RESULTS}
   * @return the results, with warnings
   */
  public static RunResults toRunResults(DbtLog log, LogInvocation invocation, Manifest manifest, String why) {
    Resolver resolver = new Resolver(manifest);
    List<RunResult> results = new ArrayList<>();
    List<ArtifactWarning> warnings = new ArrayList<>(log.warnings());
    List<String> unresolved = new ArrayList<>();
    List<String> running = new ArrayList<>();
    for (LogNode n : invocation.nodes()) {
      Optional<String> id = resolver.resolve(n);
      if (n.status() == LogNodeStatus.STARTED) {
        running.add(id.orElse(n.description()));
        continue;
      }
      if (id.isEmpty()) {
        if (!n.hook()) {
          unresolved.add(n.description());
        }
        continue;
      }
      results.add(result(id.get(), n));
    }
    warnings.add(new ArtifactWarning(log.source(), "line " + invocation.firstLine(), "the results come from "
        + log.source() + " (" + describe(invocation) + "): " + why, WarningCode.LOG_RESULTS));
    if (invocation.killed()) {
      warnings.add(new ArtifactWarning(log.source(), "line " + invocation.firstLine(), "the invocation was killed"
          + invocation.killSignal().map(s -> " (" + s + ")").orElse(" (the log ends while nodes ran)")
          + " while " + running.size() + " node(s) ran: " + String.join(", ", running)
          + "; dbt wrote no result for them or for what never started", WarningCode.RUN_KILLED,
          running.stream().filter(id -> id.indexOf(' ') < 0).toList()));
    }
    if (!unresolved.isEmpty()) {
      warnings.add(new ArtifactWarning(log.source(), "line " + invocation.firstLine(), unresolved.size()
          + " node(s) of the log are not in the manifest and were left out: "
          + String.join(", ", unresolved.subList(0, Math.min(10, unresolved.size())))
          + (unresolved.size() > 10 ? ", ..." : ""), WarningCode.LOG_NODE_UNRESOLVED));
    }
    // A 1.5+ log prints times without a date; the manifest of the same invocation (written when it parsed)
    // dates it, so that a sources.json or catalog.json from another day is still told apart.
    Optional<String> when = isoTime(invocation.endedAt()).or(() -> invocation.invocationId().isPresent()
        && invocation.invocationId().equals(manifest.metadata().invocationId())
        ? manifest.metadata().generatedAt() : Optional.empty());
    ArtifactMetadata metadata = new ArtifactMetadata(ArtifactKind.RUN_RESULTS, 0, SCHEMA_URL,
        invocation.dbtVersion(), when, invocation.invocationId(), invocation.adapter(),
        Optional.empty(), Optional.empty());
    return new RunResults(metadata, invocation.args(), OptionalDouble.empty(), results, warnings);
  }

  /**
   * Chooses the results to triage when a {@code target/} and a log are both at hand: the log's incident (the
   * invocation of the manifest's id when the log names it, else the last that ran nodes) stands in for a
   * {@code run_results.json} that is missing or comes from another invocation (a killed run leaves the previous
   * run's file behind); when both describe the same invocation, the file wins and the log adds timing and
   * messages. When the log names no invocation id and nothing else tells them apart, the file is kept, with a
   * warning saying the log could not be matched.
   *
   * @param runResults the {@code run_results.json} of the target, if any
   * @param log the log
   * @param manifest the target's manifest
   * @return the results to triage
   * @throws LogException if there is no {@code run_results.json} and no invocation of the log ran nodes
   */
  public static RunResults choose(Optional<RunResults> runResults, DbtLog log, Manifest manifest) {
    Optional<String> manifestId = manifest.metadata().invocationId();
    Optional<LogInvocation> found = log.incident(manifestId);
    if (found.isEmpty()) {
      if (runResults.isPresent()) {
        RunResults r = runResults.get();
        List<ArtifactWarning> warnings = new ArrayList<>(r.warnings());
        warnings.add(new ArtifactWarning(log.source(), "log", log.source() + " has no invocation that ran nodes; "
            + "the results come from run_results.json alone", WarningCode.LOG_RESULTS));
        return new RunResults(r.metadata(), r.args(), r.elapsedTime(), r.results(), warnings);
      }
      throw new LogException(log.source() + ": no invocation in the log ran nodes, and there is no "
          + "run_results.json to triage", log.source(), null);
    }
    LogInvocation inv = found.get();
    if (runResults.isEmpty()) {
      return toRunResults(log, inv, manifest, "there is no run_results.json");
    }
    RunResults r = runResults.get();
    Optional<String> fileId = r.metadata().invocationId();
    Optional<String> logId = inv.invocationId();
    if (logId.isPresent() && fileId.isPresent()) {
      return logId.equals(fileId) ? enrich(r, log, inv, manifest)
          : toRunResults(log, inv, manifest, "run_results.json is from invocation " + fileId.get()
              + ", not the log's");
    }
    if (fileId.isPresent() && manifestId.isPresent() && !fileId.equals(manifestId)) {
      return toRunResults(log, inv, manifest, "run_results.json is from invocation " + fileId.get()
          + ", another than the manifest's " + manifestId.get());
    }
    if (inv.killed()) {
      return toRunResults(log, inv, manifest, "the log's invocation was killed, so dbt wrote no run_results.json "
          + "for it; the one in the target is an earlier run's");
    }
    List<ArtifactWarning> warnings = new ArrayList<>(r.warnings());
    warnings.add(new ArtifactWarning(log.source(), "line " + inv.firstLine(), "neither " + log.source()
        + " nor run_results.json tells whether they describe the same invocation; the results come from "
        + "run_results.json", WarningCode.LOG_RESULTS));
    return new RunResults(r.metadata(), r.args(), r.elapsedTime(), r.results(), warnings);
  }

  /**
   * Returns a {@code run_results.json} of the same invocation as the log, with the log's timing and messages
   * filling what the file lacks (an execution time of 0, a failure without message). The file wins everywhere
   * else.
   *
   * @param results the run results
   * @param log the log
   * @param invocation the log's invocation of the same id
   * @param manifest the manifest, to match the log's nodes
   * @return the results, with the warning {@link WarningCode#LOG_RESULTS} saying the log was read too
   */
  public static RunResults enrich(RunResults results, DbtLog log, LogInvocation invocation, Manifest manifest) {
    Resolver resolver = new Resolver(manifest);
    Map<String, LogNode> byId = new HashMap<>();
    for (LogNode n : invocation.nodes()) {
      resolver.resolve(n).ifPresent(id -> byId.put(id, n));
    }
    List<RunResult> out = new ArrayList<>(results.results().size());
    for (RunResult r : results.results()) {
      LogNode n = byId.get(r.uniqueId());
      RunResult x = r;
      if (n != null) {
        if (x.executionTime() == 0.0 && n.executionTime().isPresent()) {
          x = x.withExecutionTime(n.executionTime().getAsDouble());
        }
        if (x.message().isEmpty() && n.message().isPresent() && x.status() != RunStatus.SUCCESS
            && x.status() != RunStatus.PASS) {
          x = new RunResult(x.uniqueId(), x.status(), x.rawStatus(), Optional.of(message(n)), x.failures(),
              x.timing(), x.executionTime(), x.threadId(), x.adapterResponse(), x.compiledCode(), x.relationName(),
              x.batchResults());
        }
      }
      out.add(x);
    }
    List<ArtifactWarning> warnings = new ArrayList<>(results.warnings());
    warnings.addAll(log.warnings());
    warnings.add(new ArtifactWarning(log.source(), "line " + invocation.firstLine(), "run_results.json and "
        + log.source() + " describe the same invocation; run_results.json wins and the log adds timing and "
        + "messages", WarningCode.LOG_RESULTS));
    return new RunResults(results.metadata(), results.args(), results.elapsedTime(), out, warnings);
  }

  /**
   * Returns a manifest that holds only the nodes a log names, with no lineage, for a triage of a log alone: each
   * failure's class and first line, and what ran and what did not. Blast radii and skip attribution need the
   * real manifest; the manifest's warning {@link WarningCode#LINEAGE_UNKNOWN} says so in every report.
   *
   * @param log the log
   * @param invocation the invocation
   * @return the manifest
   */
  public static Manifest manifestOf(DbtLog log, LogInvocation invocation) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeObjectFieldStart("metadata");
      g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
      if (invocation.dbtVersion().isPresent()) {
        g.writeStringField("dbt_version", invocation.dbtVersion().get());
      }
      if (invocation.invocationId().isPresent()) {
        g.writeStringField("invocation_id", invocation.invocationId().get());
      }
      if (invocation.adapter().isPresent()) {
        g.writeStringField("adapter_type", invocation.adapter().get());
      }
      g.writeEndObject();
      Map<String, LogNode> nodes = new LinkedHashMap<>();
      Map<String, LogNode> sources = new LinkedHashMap<>();
      for (LogNode n : invocation.nodes()) {
        if (n.hook()) {
          continue;
        }
        String id = syntheticId(n);
        (id.startsWith("source.") ? sources : nodes).putIfAbsent(id, n);
      }
      g.writeObjectFieldStart("nodes");
      for (Map.Entry<String, LogNode> e : nodes.entrySet()) {
        writeNode(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("sources");
      for (Map.Entry<String, LogNode> e : sources.entrySet()) {
        writeNode(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Manifest m = Artifacts.readManifest(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)),
        log.source());
    List<ArtifactWarning> warnings = new ArrayList<>(m.warnings());
    warnings.add(new ArtifactWarning(log.source(), "manifest", "no manifest.json: the lineage is unknown, so blast "
        + "radii are not sized, skipped nodes are not attributed to their failures and plans cover only the "
        + "nodes the log names", WarningCode.LINEAGE_UNKNOWN));
    return new Manifest(m.metadata(), m.nodes(), m.sources(), m.exposures(), m.metrics(), m.semanticModels(),
        m.savedQueries(), m.unitTests(), m.functions(), m.groups(), m.macros(), m.disabled(), m.selectors(),
        warnings);
  }

  private static void writeNode(JsonGenerator g, String id, LogNode n) throws IOException {
    String[] parts = id.split("\\.");
    g.writeObjectFieldStart(id);
    g.writeStringField("unique_id", id);
    g.writeStringField("resource_type", parts[0]);
    g.writeStringField("package_name", parts[1]);
    String name = parts[0].equals("source") ? parts[parts.length - 1] : n.name();
    g.writeStringField("name", name);
    if (parts[0].equals("source")) {
      g.writeStringField("source_name", parts[2]);
    }
    g.writeArrayFieldStart("fqn");
    g.writeString(parts[1]);
    g.writeString(name);
    g.writeEndArray();
    g.writeStringField("path", "");
    g.writeStringField("original_file_path", "");
    if (n.relation().isPresent() && n.relation().get().contains(".")) {
      String rel = n.relation().get();
      g.writeStringField("schema", rel.substring(0, rel.lastIndexOf('.')));
      g.writeStringField("alias", rel.substring(rel.lastIndexOf('.') + 1));
    }
    g.writeObjectFieldStart("config");
    String materialized = materialization(n.description());
    if (materialized != null) {
      g.writeStringField("materialized", materialized);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("depends_on");
    g.writeArrayFieldStart("nodes");
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String materialization(String description) {
    for (String m : new String[] {"incremental", "table", "view", "ephemeral", "materialized_view", "snapshot",
        "seed"}) {
      if (description.startsWith("sql " + m + " model") || description.startsWith(m + " model")
          || description.startsWith("python " + m + " model")) {
        return m;
      }
    }
    return null;
  }

  /** The unique id a log-only triage gives a node: its own, else {@code <type>.log.<name>}. */
  static String syntheticId(LogNode n) {
    if (n.uniqueId().isPresent()) {
      return n.uniqueId().get();
    }
    String type = n.resourceType().orElse("model");
    if (type.equals("source")) {
      String rel = n.name();
      int dot = rel.indexOf('.');
      return dot < 0 ? "source.log." + rel + "." + rel : "source.log." + rel.substring(0, dot) + "." + rel.substring(dot + 1);
    }
    return type + ".log." + n.name();
  }

  private static RunResult result(String id, LogNode n) {
    RunStatus status = n.status().runStatus().orElse(RunStatus.UNKNOWN);
    Optional<String> message = n.status() == LogNodeStatus.SKIPPED ? Optional.empty()
        : n.message().isPresent() || n.errorClass().isPresent() ? Optional.of(message(n)) : Optional.empty();
    return new RunResult(id, status, status.dbtName(), message, OptionalLong.empty(), List.of(),
        n.executionTime().orElse(0.0), Optional.empty(), Map.of(), Optional.empty(), n.relation(),
        Optional.empty());
  }

  /** dbt's own message shape: the header of the class the log printed, then the text under it. */
  private static String message(LogNode n) {
    String body = n.message().orElse("");
    Optional<ErrorClass> c = n.errorClass();
    if (c.isEmpty() || c.get() == ErrorClass.TEST || c.get() == ErrorClass.FRESHNESS) {
      return body;
    }
    String header = switch (c.get()) {
      case DATABASE -> "Database Error";
      case COMPILATION -> "Compilation Error";
      case DEPENDENCY -> "Dependency Error";
      default -> "Runtime Error";
    };
    String type = n.resourceType().orElse("model");
    return header + " in " + type + " " + n.name() + (body.isEmpty() ? "" : "\n  " + body.replace("\n", "\n  "));
  }

  private static String describe(LogInvocation inv) {
    StringBuilder b = new StringBuilder("invocation ").append(inv.index());
    inv.invocationId().ifPresent(id -> b.append(' ').append(id));
    inv.command().ifPresent(c -> b.append(", `").append(c).append('`'));
    b.append(", ").append(inv.format().label());
    if (inv.killed()) {
      b.append(", killed");
    } else if (!inv.completed()) {
      b.append(", no end in the log");
    }
    return b.toString();
  }

  private static Optional<String> isoTime(Optional<String> time) {
    return time.filter(t -> t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z"));
  }

  /** Finds the manifest's unique id of a node the log names. */
  private static final class Resolver {
    private final Manifest manifest;
    private Map<String, List<String>> index;

    Resolver(Manifest manifest) {
      this.manifest = manifest;
    }

    Optional<String> resolve(LogNode n) {
      if (n.uniqueId().isPresent()) {
        String id = n.uniqueId().get();
        if (manifest.node(id).isPresent()) {
          return Optional.of(id);
        }
      }
      Map<String, List<String>> idx = index();
      String type = n.resourceType().orElse(null);
      if (n.hook()) {
        // hook: pkg.on-run-start.0 is operation.pkg.pkg-on-run-start-0
        String h = n.name();
        int dot = h.indexOf('.');
        if (dot > 0) {
          String pkg = h.substring(0, dot);
          String id = "operation." + pkg + "." + pkg + "-" + h.substring(dot + 1).replace('.', '-');
          return manifest.node(id).isPresent() ? Optional.of(id) : Optional.empty();
        }
        return Optional.empty();
      }
      List<String> candidates = List.of();
      if (n.relation().isPresent() && !"source".equals(type)) {
        candidates = idx.getOrDefault("rel|" + n.relation().get().toLowerCase(Locale.ROOT), List.of());
      }
      if (candidates.isEmpty()) {
        candidates = idx.getOrDefault((type == null ? "any" : type) + "|" + n.name().toLowerCase(Locale.ROOT),
            List.of());
      }
      if (candidates.size() > 1 && type != null) {
        List<String> typed = candidates.stream().filter(id -> id.startsWith(type + ".")).toList();
        candidates = typed.isEmpty() ? candidates : typed;
      }
      return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private Map<String, List<String>> index() {
      if (index != null) {
        return index;
      }
      Map<String, List<String>> idx = new HashMap<>();
      manifest.allNodes().forEach(node -> {
        String type = node.resourceTypeName();
        String name = node.name().toLowerCase(Locale.ROOT);
        if (type.equals("source")) {
          String full = node.sourceName().map(s -> s + "." + node.name()).orElse(node.name());
          add(idx, "source|" + full.toLowerCase(Locale.ROOT), node);
          return;
        }
        add(idx, type + "|" + name, node);
        add(idx, "any|" + name, node);
        String alias = node.alias().orElse(node.name());
        if (node.schema().isPresent()) {
          add(idx, "rel|" + (node.schema().get() + "." + alias).toLowerCase(Locale.ROOT), node);
        }
        if (!alias.equalsIgnoreCase(node.name())) {
          add(idx, "any|" + alias.toLowerCase(Locale.ROOT), node);
          add(idx, type + "|" + alias.toLowerCase(Locale.ROOT), node);
        }
      });
      index = idx;
      return idx;
    }

    private static void add(Map<String, List<String>> idx, String key, Node node) {
      List<String> list = idx.computeIfAbsent(key, k -> new ArrayList<>(1));
      if (!list.contains(node.uniqueId())) {
        list.add(node.uniqueId());
      }
    }
  }
}
