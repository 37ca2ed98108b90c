package dev.dbttriage.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.WarningCode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The renderers behind {@link ReportFormat}. */
final class Renderers {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int LIST_LIMIT = 5;

  private Renderers() {}

  // ---------------------------------------------------------------- text

  static void text(TriageReport r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("dbt-triage: ").append(header(r)).append('\n');
    sb.append(summary(r)).append("\n");
    for (CommonCause c : r.commonCauses()) {
      sb.append("common cause: ").append(c.summary()).append('\n');
    }
    int n = 0;
    java.util.Map<String, Integer> adviceFirstGiven = new java.util.HashMap<>();
    for (RootCause root : r.roots()) {
      n++;
      sb.append('\n');
      sb.append(n).append(". [").append(root.severity().name()).append("] ")
          .append(root.resourceType().dbtName()).append(' ').append(root.name())
          .append(" — ").append(root.status());
      if (root.kind() != RootKind.NEVER_RAN && root.kind() != RootKind.UNEXPLAINED_SKIP) {
        sb.append(" — ").append(root.diagnosis().errorClass()).append('/').append(root.diagnosis().subclass());
      }
      sb.append('\n');
      if (!root.firstLine().isEmpty()) {
        sb.append("   ").append(root.firstLine()).append('\n');
      }
      for (String line : ContractMismatches.lines(root.message().orElse(""))) {
        sb.append("   ").append(line).append('\n');
      }
      compiledPath(root).ifPresent(p -> sb.append("   compiled SQL: ").append(p).append('\n'));
      java.util.OptionalDouble ran = executionTime(r, root);
      if (ran.isPresent() || root.materialization().isPresent()) {
        sb.append("   ").append(root.materialization().map(m -> "materialized " + m).orElse(""))
            .append(ran.isPresent() && root.materialization().isPresent() ? ", " : "")
            .append(ran.isPresent() ? String.format(java.util.Locale.ROOT, "ran %.1f s", ran.getAsDouble()) : "")
            .append(ran.isPresent() ? root.history().flatMap(h -> h.normalExecutionTime().isPresent()
                ? Optional.of(String.format(java.util.Locale.ROOT, " (usually %.1f s)",
                    h.normalExecutionTime().getAsDouble())) : Optional.<String>empty()).orElse("") : "")
            .append('\n');
      }
      sb.append("   blast radius: ").append(r.hasWarning(WarningCode.LINEAGE_UNKNOWN.name())
          ? "unknown (no manifest.json: the lineage is unknown)" : root.record().blastRadius()).append('\n');
      sb.append("   action: ").append(action(r, root)).append('\n');
      for (ExposureImpact e : root.blastRadius().exposures()) {
        sb.append("   exposure: ").append(e.name()).append(e.type().map(t -> " (" + t + ")").orElse(""))
            .append(e.owner().map(o -> ", owner " + o).orElse("")).append('\n');
      }
      if (!root.blastRadius().owners().isEmpty()) {
        sb.append("   owners: ").append(String.join(", ", root.blastRadius().owners())).append('\n');
      }
      if (!root.skipped().isEmpty()) {
        sb.append("   skipped because of it: ").append(root.skipped().size()).append(" node")
            .append(root.skipped().size() == 1 ? "" : "s").append(": ").append(abbreviate(root.skipped()))
            .append('\n');
      }
      if (!root.relatedFailures().isEmpty()) {
        sb.append(root.kind() == RootKind.NEVER_RAN ? "   never ran: " : "   failed through it: ")
            .append(abbreviate(root.relatedFailures())).append('\n');
      }
      root.history().ifPresent(h -> sb.append("   history: ").append(h.pattern().label()).append(", failed ")
          .append(h.consecutiveFailures()).append(" run(s) in a row")
          .append(h.firstSeen().map(f -> " since " + f).orElse("")).append('\n'));
      // advice several roots share (one outage) is printed once, at the first of them
      String detail = root.record().resolutionDetail();
      Integer first = adviceFirstGiven.putIfAbsent(detail, n);
      sb.append("   fix: ").append(root.record().resolution().label()).append(" — ")
          .append(first == null ? detail : "as for " + first + " above").append('\n');
      sb.append("   recover: ").append(root.record().recoveryCommand()).append('\n');
    }
    for (ReportWarning w : r.warnings()) {
      sb.append("\nwarning: ").append(w.message()).append(" [").append(w.code()).append(']');
    }
    if (!r.warnings().isEmpty()) {
      sb.append('\n');
    }
    out.write(sb.toString());
  }

  /** Where dbt wrote the node's compiled SQL (for models, snapshots, analyses and tests), relative to the project. */
  static java.util.Optional<String> compiledPath(RootCause root) {
    return root.node().filter(n -> n.resourceType() == dev.dbttriage.artifact.ResourceType.MODEL
        || n.resourceType() == dev.dbttriage.artifact.ResourceType.SNAPSHOT
        || n.resourceType() == dev.dbttriage.artifact.ResourceType.ANALYSIS
        || n.resourceType() == dev.dbttriage.artifact.ResourceType.TEST)
        .filter(n -> !n.originalFilePath().isEmpty())
        .map(n -> "target/compiled/" + n.packageName() + "/" + n.originalFilePath()
            + (n.resourceType() == dev.dbttriage.artifact.ResourceType.TEST && !n.originalFilePath().endsWith(".sql")
                ? "/" + n.name() + ".sql" : ""));
  }

  /** The root's execution time in the run, when it ran. */
  static java.util.OptionalDouble executionTime(TriageReport r, RootCause root) {
    for (dev.dbttriage.artifact.RunResult x : r.results()) {
      if (x.uniqueId().equals(root.uniqueId()) && x.executionTime() > 0) {
        return java.util.OptionalDouble.of(x.executionTime());
      }
    }
    return java.util.OptionalDouble.empty();
  }

  /** The runbook's call: page for a major root, handle alone a minor one. */
  static String action(RootCause root) {
    return switch (root.severity()) {
      case MAJOR -> "page the on-call owner now: major blast radius";
      case MODERATE -> "handle it now and tell the owners downstream";
      case MINOR -> "handle it alone, no page: minor blast radius";
      case INFO -> "no action needed now: a warning";
    };
  }

  private static String header(TriageReport r) {
    List<String> parts = new ArrayList<>();
    // a target/ from `dbt source freshness` alone has sources.json and no run results
    parts.add("dbt " + r.command().orElse(r.results().isEmpty() ? "source freshness" : "run"));
    r.generatedAt().ifPresent(parts::add);
    List<String> env = new ArrayList<>();
    r.dbtVersion().ifPresent(v -> env.add("dbt " + v));
    r.adapterType().ifPresent(env::add);
    String head = String.join(" at ", parts);
    if (!env.isEmpty()) {
      head += " (" + String.join(", ", env) + ")";
    }
    int total = r.results().size();
    List<String> counts = new ArrayList<>();
    r.countsByStatus().entrySet().stream()
        .sorted(Map.Entry.<RunStatus, Integer>comparingByValue().reversed())
        .forEach(e -> counts.add(e.getValue() + " " + e.getKey().dbtName()));
    return head + ": " + total + " result" + (total == 1 ? "" : "s")
        + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + ")");
  }

  private static String summary(TriageReport r) {
    long failures = r.failures().size();
    long warnings = r.roots().size() - failures;
    int skipped = r.count(RunStatus.SKIPPED);
    int attributed = (int) r.skippedBy().values().stream()
        .filter(v -> !v.contains("unexplained-skip")).count();
    StringBuilder sb = new StringBuilder();
    if (r.roots().isEmpty()) {
      return r.hasWarning(ReportWarning.RESULTS_INCOMPLETE)
          ? "no root causes found, but the artifacts could not be read in full: this is not a clean run"
          : "nothing to triage: no failures, warnings, stale sources or lost nodes";
    }
    sb.append(failures).append(" root cause").append(failures == 1 ? "" : "s");
    if (warnings > 0) {
      sb.append(" and ").append(warnings).append(" warning").append(warnings == 1 ? "" : "s");
    }
    sb.append("; ").append(attributed).append(" of ").append(skipped).append(" skipped node")
        .append(skipped == 1 ? "" : "s").append(" attributed");
    if (!r.neverRan().isEmpty()) {
      sb.append("; ").append(r.neverRan().size()).append(" selected node(s) never ran");
    }
    if (r.hasWarning(WarningCode.RUN_KILLED.name())) {
      sb.append("; the run was KILLED while nodes ran (see RUN_KILLED below)");
    }
    r.maxSeverity().ifPresent(s -> sb.append("; worst: ").append(s.label()));
    return sb.toString();
  }

  private static String abbreviate(List<String> ids) {
    if (ids.size() <= LIST_LIMIT) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, LIST_LIMIT)) + ", … (" + (ids.size() - LIST_LIMIT) + " more)";
  }

  // ---------------------------------------------------------------- markdown

  static void markdown(TriageReport r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# dbt triage: ").append(header(r)).append("\n\n");
    sb.append(summary(r)).append(".\n");
    for (CommonCause c : r.commonCauses()) {
      sb.append("\n**Common cause:** ").append(md(c.summary())).append(" (").append(md(String.join(", ",
          c.roots().size() <= LIST_LIMIT ? c.roots() : c.roots().subList(0, LIST_LIMIT)))).append(c.roots().size()
          > LIST_LIMIT ? ", …" : "").append(")\n");
    }
    int n = 0;
    for (RootCause root : r.roots()) {
      n++;
      TriageRecord t = root.record();
      sb.append("\n## ").append(n).append(". ").append(md(root.name())).append(" (")
          .append(root.severity().label()).append(", ").append(root.kind().label()).append(")\n\n");
      sb.append("| Field | Value |\n|---|---|\n");
      row(sb, "Date/Time", t.dateTime());
      row(sb, "Model", t.model());
      row(sb, "Materialization", t.materialization());
      row(sb, "Error class", t.errorClass() + " / " + root.diagnosis().subclass());
      row(sb, "First-line error", t.firstLineError().isEmpty() ? "n/a" : "`" + t.firstLineError() + "`");
      row(sb, "Blast radius", t.blastRadius());
      row(sb, "Resolution", t.resolution().label());
      row(sb, "Resolution detail", t.resolutionDetail());
      row(sb, "Recovery command", "`" + t.recoveryCommand() + "`");
      if (!root.blastRadius().exposures().isEmpty()) {
        List<String> ex = new ArrayList<>();
        for (ExposureImpact e : root.blastRadius().exposures()) {
          ex.add(e.name() + e.owner().map(o -> " (" + o + ")").orElse(""));
        }
        row(sb, "Exposures hit", String.join("; ", ex));
      }
      if (!root.blastRadius().owners().isEmpty()) {
        row(sb, "Owners", String.join(", ", root.blastRadius().owners()));
      }
      if (!root.skipped().isEmpty()) {
        row(sb, "Skipped because of it", root.skipped().size() + ": " + abbreviate(root.skipped()));
      }
      if (!root.relatedFailures().isEmpty()) {
        row(sb, root.kind() == RootKind.NEVER_RAN ? "Never ran" : "Failed through it",
            abbreviate(root.relatedFailures()));
      }
      root.history().ifPresent(h -> row(sb, "History", h.pattern().label() + ", " + h.consecutiveFailures()
          + " failing run(s) in a row" + h.firstSeen().map(f -> " since " + f).orElse("")));
      List<String> table = ContractMismatches.lines(root.message().orElse(""));
      if (!table.isEmpty()) {
        sb.append("\nContract mismatches:\n\n");
        table.forEach(line -> sb.append(line).append('\n'));
      }
    }
    if (!r.warnings().isEmpty()) {
      sb.append("\n## Warnings\n\n");
      for (ReportWarning w : r.warnings()) {
        sb.append("- `").append(w.code()).append("` ").append(md(w.message())).append('\n');
      }
    }
    out.write(sb.toString());
  }

  private static void row(StringBuilder sb, String field, String value) {
    sb.append("| ").append(field).append(" | ").append(md(value)).append(" |\n");
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  // ---------------------------------------------------------------- json

  static void json(TriageReport r, Writer out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", "dbt-triage/triage-report/v2");
      opt(g, "command", r.command());
      opt(g, "invocation_id", r.invocationId());
      opt(g, "generated_at", r.generatedAt());
      opt(g, "dbt_version", r.dbtVersion());
      opt(g, "adapter_type", r.adapterType());
      g.writeObjectFieldStart("counts");
      for (Map.Entry<RunStatus, Integer> e : r.countsByStatus().entrySet()) {
        g.writeNumberField(e.getKey().dbtName(), e.getValue());
      }
      g.writeEndObject();
      opt(g, "max_severity", r.maxSeverity().map(Severity::label));
      g.writeArrayFieldStart("roots");
      for (RootCause root : r.roots()) {
        writeRoot(g, r, root);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("skipped_by");
      for (Map.Entry<String, List<String>> e : r.skippedBy().entrySet()) {
        strings(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      strings(g, "never_ran", r.neverRan());
      g.writeArrayFieldStart("common_causes");
      for (CommonCause c : r.commonCauses()) {
        g.writeStartObject();
        g.writeStringField("class", c.errorClass().name());
        g.writeStringField("subclass", c.subclass().name());
        opt(g, "scope", c.scope());
        strings(g, "roots", c.roots());
        g.writeStringField("summary", c.summary());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (ReportWarning w : r.warnings()) {
        g.writeStartObject();
        g.writeStringField("code", w.code());
        g.writeStringField("message", w.message());
        strings(g, "nodes", w.nodes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** The page-or-not action, unless the lineage is unknown and the blast radius with it. */
  private static String action(TriageReport r, RootCause root) {
    return r.hasWarning(WarningCode.LINEAGE_UNKNOWN.name())
        ? "size the blast radius with the project's manifest.json before deciding whom to page"
        : action(root);
  }

  /** Where a root's evidence came from: its result's source, or the newest run's for a group of nodes. */
  private static Optional<String> source(TriageReport r, RootCause root) {
    Optional<String> own = r.resultSource(root.uniqueId());
    if (own.isPresent() || root.kind() == RootKind.SOURCE_FRESHNESS) {
      return root.kind() == RootKind.SOURCE_FRESHNESS ? Optional.of("sources") : own;
    }
    if (r.resultSources().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(r.resultSources().containsValue("log") ? "log" : "run_results");
  }

  private static void writeRoot(JsonGenerator g, TriageReport r, RootCause root) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", root.kind().label());
    g.writeStringField("unique_id", root.uniqueId());
    g.writeStringField("name", root.name());
    g.writeStringField("resource_type", root.resourceType().dbtName());
    g.writeStringField("status", root.status());
    opt(g, "source", source(r, root));
    opt(g, "materialization", root.materialization());
    g.writeStringField("severity", root.severity().label());
    g.writeStringField("first_line", root.firstLine());
    opt(g, "compiled_path", compiledPath(root));
    java.util.OptionalDouble ran = executionTime(r, root);
    if (ran.isPresent()) {
      g.writeNumberField("execution_time", ran.getAsDouble());
    } else {
      g.writeNullField("execution_time");
    }
    g.writeStringField("action", action(r, root));
    opt(g, "message", root.message());
    List<Map<String, String>> mismatches = ContractMismatches.rows(root.message().orElse(""));
    if (mismatches.isEmpty()) {
      g.writeNullField("contract_mismatches");
    } else {
      g.writeArrayFieldStart("contract_mismatches");
      for (Map<String, String> row : mismatches) {
        g.writeStartObject();
        for (Map.Entry<String, String> e : row.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (root.refresh().isPresent()) {
      dev.dbttriage.decide.RefreshDecision decision = root.refresh().get();
      g.writeObjectFieldStart("refresh");
      g.writeStringField("kind", decision.kind().name().toLowerCase(java.util.Locale.ROOT));
      strings(g, "reasons", decision.reasons().stream().map(dev.dbttriage.classify.Redaction::redact).toList());
      strings(g, "commands", decision.commands());
      g.writeEndObject();
    } else {
      g.writeNullField("refresh");
    }
    Diagnosis d = root.diagnosis();
    g.writeObjectFieldStart("diagnosis");
    g.writeStringField("class", d.errorClass().name());
    g.writeStringField("subclass", d.subclass().name());
    g.writeStringField("fix_layer", d.fixLayerText());
    g.writeBooleanField("retryable", d.retryable());
    g.writeStringField("advice", d.advice());
    strings(g, "rules", d.rules());
    g.writeEndObject();
    strings(g, "skipped", root.skipped());
    strings(g, "related_failures", root.relatedFailures());
    BlastRadius b = root.blastRadius();
    g.writeObjectFieldStart("blast_radius");
    g.writeNumberField("downstream_count", b.size());
    g.writeObjectFieldStart("by_resource_type");
    for (Map.Entry<ResourceType, Integer> e : b.countsByResourceType().entrySet()) {
      g.writeNumberField(e.getKey().dbtName(), e.getValue());
    }
    g.writeEndObject();
    strings(g, "downstream", b.downstream());
    g.writeArrayFieldStart("exposures");
    for (ExposureImpact e : b.exposures()) {
      g.writeStartObject();
      g.writeStringField("unique_id", e.uniqueId());
      g.writeStringField("name", e.name());
      opt(g, "type", e.type());
      opt(g, "maturity", e.maturity());
      opt(g, "owner_name", e.ownerName());
      opt(g, "owner_email", e.ownerEmail());
      opt(g, "url", e.url());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "owners", b.owners());
    g.writeEndObject();
    if (root.history().isPresent()) {
      FailureHistory h = root.history().get();
      g.writeObjectFieldStart("history");
      g.writeNumberField("runs_observed", h.runsObserved());
      g.writeNumberField("failures_observed", h.failuresObserved());
      g.writeNumberField("consecutive_failures", h.consecutiveFailures());
      opt(g, "first_seen", h.firstSeen());
      if (h.normalExecutionTime().isPresent()) {
        g.writeNumberField("normal_execution_time", h.normalExecutionTime().getAsDouble());
      } else {
        g.writeNullField("normal_execution_time");
      }
      g.writeStringField("pattern", h.pattern().label());
      g.writeEndObject();
    } else {
      g.writeNullField("history");
    }
    TriageRecord t = root.record();
    g.writeObjectFieldStart("record");
    g.writeStringField("date_time", t.dateTime());
    g.writeStringField("model", t.model());
    g.writeStringField("materialization", t.materialization());
    g.writeStringField("error_class", t.errorClass().name());
    g.writeStringField("first_line_error", t.firstLineError());
    g.writeStringField("blast_radius", t.blastRadius());
    g.writeStringField("resolution", t.resolution().label());
    g.writeStringField("resolution_detail", t.resolutionDetail());
    g.writeStringField("recovery_command", t.recoveryCommand());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void opt(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  // ---------------------------------------------------------------- junit

  static void junit(TriageReport r, Writer out) throws IOException {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    double time = 0;
    for (RunResult res : r.results()) {
      time += res.executionTime();
      switch (res.status()) {
        case FAIL -> failures++;
        case ERROR, RUNTIME_ERROR, PARTIAL_SUCCESS -> errors++;
        case SKIPPED -> skipped++;
        default -> { }
      }
    }
    String suite = "dbt " + r.command().orElse("run");
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"dbt-triage\" tests=\"").append(r.results().size()).append("\" failures=\"")
        .append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped)
        .append("\" time=\"").append(secs(time)).append("\">\n");
    sb.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(r.results().size())
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
        .append("\" skipped=\"").append(skipped).append("\" time=\"").append(secs(time)).append('"');
    r.generatedAt().ifPresent(t -> sb.append(" timestamp=\"").append(xml(t)).append('"'));
    sb.append(">\n");
    java.util.Map<String, RootCause> rootsById = new java.util.HashMap<>();
    r.roots().forEach(x -> rootsById.putIfAbsent(x.uniqueId(), x));
    for (RunResult res : r.results()) {
      String id = res.uniqueId();
      int dot = id.indexOf('.');
      String type = dot > 0 ? id.substring(0, dot) : "node";
      int dot2 = dot > 0 ? id.indexOf('.', dot + 1) : -1;
      String classname = dot2 > 0 ? id.substring(0, dot2) : type;
      sb.append("    <testcase classname=\"").append(xml(classname)).append("\" name=\"").append(xml(id))
          .append("\" time=\"").append(secs(res.executionTime())).append('"');
      // Messages can carry connection strings and tokens: every output is redacted.
      String message = dev.dbttriage.classify.Redaction.redact(res.message().orElse(""));
      Optional<RootCause> root = Optional.ofNullable(rootsById.get(id));
      String cls = root.map(x -> x.diagnosis().errorClass() + "/" + x.diagnosis().subclass()).orElse(type);
      switch (res.status()) {
        case FAIL -> sb.append(">\n      <failure type=\"").append(xml(cls)).append("\" message=\"")
            .append(xml(TriageEngine.firstLine(message))).append("\">").append(xml(message))
            .append("</failure>\n    </testcase>\n");
        case ERROR, RUNTIME_ERROR, PARTIAL_SUCCESS -> sb.append(">\n      <error type=\"").append(xml(cls))
            .append("\" message=\"").append(xml(TriageEngine.firstLine(message))).append("\">")
            .append(xml(message)).append("</error>\n    </testcase>\n");
        case SKIPPED -> {
          List<String> by = r.skippedBy().getOrDefault(id, List.of());
          String why = by.isEmpty() ? "skipped" : "skipped because " + String.join(", ", by) + " failed";
          if (!message.isEmpty()) {
            why = message;
          }
          sb.append(">\n      <skipped message=\"").append(xml(why)).append("\"/>\n    </testcase>\n");
        }
        case WARN -> sb.append(">\n      <system-out>").append(xml("warn: " + message))
            .append("</system-out>\n    </testcase>\n");
        default -> sb.append("/>\n");
      }
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    out.write(sb.toString());
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
            sb.append(c);
          } else if (c == 0x1B) {
            sb.append("\\e");
          }
        }
      }
    }
    return sb.toString();
  }
}
