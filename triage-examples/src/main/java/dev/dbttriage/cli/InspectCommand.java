package dev.dbttriage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.ArtifactWarning;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.log.LogReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dbt-triage inspect PATH [--format text|json]}: what each artifact is (kind, schema version, dbt
 * version, adapter), how many nodes or results it holds by type or status, and what was read leniently.
 */
@Command(name = "inspect", header = "show what dbt artifacts a file or target/ directory holds",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    usageHelpAutoWidth = true,
    description = {
        "Reads a dbt artifact (manifest.json, run_results.json, sources.json or catalog.json of any schema "
            + "version; the kind is detected from the content), a dbt log (logs/dbt.log of any version, JSON log "
            + "lines or console output: each invocation's version, command, nodes and whether it was killed) "
            + "or a target/ directory (manifest.json required), "
            + "and prints each artifact's kind, schema version, dbt version, adapter, counts of nodes by resource "
            + "type or results by status, and the warnings of lenient reads.",
        "PATH '-' reads the artifact from standard input; a pipe, FIFO or /dev/stdin is read without seeking."},
    footerHeading = "%n",
    footer = "Exit codes: 0 ok, 2 bad usage or an unreadable artifact (the message is on stderr).")
final class InspectCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(arity = "1", paramLabel = "PATH", description = "an artifact file, a target/ directory, or '-'")
  String pathArg;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "output format (default text); the JSON shape is in docs/cli.md")
  String format;

  InspectCommand(CliContext context) {
    this.context = context;
  }

  /** One artifact's summary, ready to print as text or JSON. */
  private record Summary(
      String path,
      ArtifactMetadata metadata,
      int total,
      Map<String, Integer> counts,
      Map<String, Object> extra,
      List<ArtifactWarning> warnings) {}

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CliUsageException("'" + format + "' is not a format; valid formats: text, json");
    }
    Path path = Inputs.asFile(pathArg, "PATH", context);
    List<Summary> summaries = new ArrayList<>();
    if (Files.isDirectory(path)) {
      TargetArtifacts t = Loading.readTarget(path, context);
      Path shown = Path.of(pathArg); // as the user typed it
      summaries.add(summarize(display(shown, "manifest.json"), t.manifest()));
      t.runResults().ifPresent(r -> summaries.add(summarize(display(shown, "run_results.json"), r)));
      t.sources().ifPresent(s -> summaries.add(summarize(display(shown, "sources.json"), s)));
      t.catalog().ifPresent(c -> summaries.add(summarize(display(shown, "catalog.json"), c)));
    } else if (Files.isRegularFile(path) && LogInspection.looksLikeLog(path)) {
      String shown = Inputs.isStdin(pathArg) ? "standard input" : pathArg;
      LogInspection.print(LogReader.read(path), shown, format.equals("json"), context.out());
      context.out().flush();
      return ExitCodes.OK;
    } else {
      ArtifactKind kind = Artifacts.detectKind(path);
      String p = Inputs.isStdin(pathArg) ? "standard input" : pathArg;
      switch (kind) {
        case MANIFEST:
          summaries.add(summarize(p, Loading.readManifest(path, context)));
          break;
        case RUN_RESULTS:
          summaries.add(summarize(p, Artifacts.readRunResults(path)));
          break;
        case SOURCES:
          summaries.add(summarize(p, Artifacts.readSources(path)));
          break;
        default:
          summaries.add(summarize(p, Artifacts.readCatalog(path)));
      }
    }
    if (format.equals("json")) {
      printJson(summaries, context.out());
    } else {
      printText(summaries, context.out());
    }
    context.out().flush();
    return ExitCodes.OK;
  }

  private static String display(Path directory, String file) {
    return directory.resolve(file).normalize().toString();
  }

  private static Summary summarize(String path, Manifest m) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node n : m.nodes().values()) {
      counts.merge(n.resourceTypeName(), 1, Integer::sum);
    }
    int total = m.nodes().size();
    List<Map<String, Node>> others = List.of(m.sources(), m.exposures(), m.metrics(), m.semanticModels(),
        m.savedQueries(), m.unitTests(), m.functions(), m.groups());
    String[] names = {"source", "exposure", "metric", "semantic_model", "saved_query", "unit_test", "function",
        "group"};
    for (int i = 0; i < names.length; i++) {
      if (!others.get(i).isEmpty()) {
        counts.merge(names[i], others.get(i).size(), Integer::sum);
        total += others.get(i).size();
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("project", m.projectName().orElse(null));
    extra.put("macros", m.macros().size());
    extra.put("disabled", m.disabled().size());
    return new Summary(path, m.metadata(), total, sortedByCount(counts), extra, m.warnings());
  }

  private static Summary summarize(String path, RunResults r) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RunResult x : r.results()) {
      counts.merge(x.status().name().equals("UNKNOWN") ? x.rawStatus() : x.status().dbtName(), 1, Integer::sum);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("command", r.args().command().orElse(null));
    extra.put("elapsed_time", seconds(r.elapsedTime()));
    return new Summary(path, r.metadata(), r.results().size(), sortedByCount(counts), extra, r.warnings());
  }

  private static Summary summarize(String path, SourceFreshness s) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    s.results().forEach(x -> counts.merge(
        x.status().name().equals("UNKNOWN") ? x.rawStatus() : x.status().dbtName(), 1, Integer::sum));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("elapsed_time", seconds(s.elapsedTime()));
    return new Summary(path, s.metadata(), s.results().size(), sortedByCount(counts), extra, s.warnings());
  }

  private static Summary summarize(String path, Catalog c) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("nodes", c.nodes().size());
    counts.put("sources", c.sources().size());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("errors", c.errors().size());
    return new Summary(path, c.metadata(), c.nodes().size() + c.sources().size(), counts, extra, c.warnings());
  }

  private static Double seconds(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }

  private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static void printText(List<Summary> summaries, PrintStream out) {
    for (Summary s : summaries) {
      ArtifactMetadata md = s.metadata();
      StringBuilder head = new StringBuilder(s.path()).append(": ").append(md.kind().schemaName()).append(' ')
          .append(md.schemaLabel());
      List<String> facts = new ArrayList<>();
      md.dbtVersion().ifPresent(v -> facts.add("dbt " + v));
      md.adapterType().ifPresent(v -> facts.add("adapter " + v));
      if (s.extra().get("project") instanceof String p) {
        facts.add("project " + p);
      }
      if (!facts.isEmpty()) {
        head.append(" (").append(String.join(", ", facts)).append(')');
      }
      out.println(head);
      String label = md.kind() == ArtifactKind.MANIFEST ? "resources"
          : md.kind() == ArtifactKind.CATALOG ? "relations" : "results";
      StringBuilder line = new StringBuilder("  ").append(label).append(": ").append(s.total());
      if (!s.counts().isEmpty()) {
        List<String> parts = new ArrayList<>();
        s.counts().forEach((k, v) -> parts.add(k + " " + v));
        line.append(" (").append(String.join(", ", parts)).append(')');
      }
      out.println(line);
      List<String> more = new ArrayList<>();
      s.extra().forEach((k, v) -> {
        if (v instanceof Double d) {
          more.add(k.replace('_', ' ') + " " + String.format(java.util.Locale.ROOT, "%.2f s", d));
        } else if (v != null && !k.equals("project")) {
          more.add(k.replace('_', ' ') + " " + v);
        }
      });
      if (!more.isEmpty()) {
        out.println("  " + String.join(", ", more));
      }
      if (s.warnings().isEmpty()) {
        out.println("  warnings: none");
      } else {
        out.println("  warnings: " + s.warnings().size());
        for (ArtifactWarning w : s.warnings()) {
          out.println("    " + w.jsonPath() + ": " + w.message());
        }
      }
    }
  }

  private static void printJson(List<Summary> summaries, PrintStream out) {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(buffer)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("artifacts");
      for (Summary s : summaries) {
        ArtifactMetadata md = s.metadata();
        g.writeStartObject();
        g.writeStringField("path", s.path());
        g.writeStringField("kind", md.kind().schemaName());
        g.writeStringField("schema", md.schemaLabel());
        g.writeNumberField("schema_version", md.schemaVersion());
        writeOptional(g, "dbt_version", md.dbtVersion());
        writeOptional(g, "adapter", md.adapterType());
        writeOptional(g, "generated_at", md.generatedAt());
        writeOptional(g, "invocation_id", md.invocationId());
        g.writeNumberField("total", s.total());
        g.writeObjectFieldStart("counts");
        for (Map.Entry<String, Integer> e : s.counts().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        for (Map.Entry<String, Object> e : s.extra().entrySet()) {
          Object v = e.getValue();
          if (v == null) {
            g.writeNullField(e.getKey());
          } else if (v instanceof Integer i) {
            g.writeNumberField(e.getKey(), i);
          } else if (v instanceof Double d) {
            g.writeNumberField(e.getKey(), d);
          } else {
            g.writeStringField(e.getKey(), v.toString());
          }
        }
        g.writeArrayFieldStart("warnings");
        for (ArtifactWarning w : s.warnings()) {
          g.writeStartObject();
          g.writeStringField("path", w.jsonPath());
          g.writeStringField("message", w.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(buffer);
  }

  private static void writeOptional(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }
}
