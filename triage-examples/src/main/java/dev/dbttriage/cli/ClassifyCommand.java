package dev.dbttriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.Evidence;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.rules.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dbt-triage classify}: classifies one message (a file or stdin), every failed or warned result of a
 * {@code target/} directory, or a JSON-lines batch. Output shapes are documented in docs/cli.md.
 */
@Command(name = "classify", header = "classify a failure: class, subclass, where the fix lives, advice and evidence",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    customSynopsis = {
        "dbt-triage classify [TARGET_DIR] [--target-path DIR] [--project-dir DIR] [--format text|json]",
        "dbt-triage classify (--message-file FILE | -) [--adapter A] [--resource-type T] [--test-name N] "
            + "[--format text|json]",
        "dbt-triage classify --batch FILE"},
    description = {
        "Classifies a dbt failure by cause (not by the header dbt printed): class (COMPILATION, DATABASE, "
            + "DEPENDENCY, FRESHNESS, TEST, RUNTIME), subclass, where the fix lives, whether a retry can help, the "
            + "objects the message names, runbook advice, and the rules that matched (evidence). Secrets in the "
            + "message are redacted in every output.",
        "With TARGET_DIR, or without any input (then ./target as dbt finds it), classifies every non-success "
            + "result of run_results.json (and sources.json), with each node from manifest.json. An empty "
            + "message is an error."},
    footerHeading = "%n", footer = "Exit codes: 0 ok, 2 bad usage or input.")
final class ClassifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE_CHARS = 1_000_000;

  private final CliContext context;

  @Parameters(arity = "0..1", paramLabel = "TARGET_DIR|-",
      description = "a dbt target/ directory to classify, or '-' to classify the message on standard input")
  String target;

  @Option(names = "--message-file", paramLabel = "FILE",
      description = "read the message from FILE ('-': standard input)")
  String messageFile;

  @Option(names = "--batch", paramLabel = "FILE", description = "read one JSON object per line ('-' for stdin): "
      + "{\"text\": ..., \"adapter\"?: ..., \"resource_type\"?: ..., \"test_name\"?: ..., \"unique_id\"?: ..., "
      + "\"status\"?: ...} and write one JSON classification per line")
  String batch;

  @Option(names = "--adapter", paramLabel = "A",
      description = "the adapter type (snowflake, bigquery, databricks, postgres, ...)")
  String adapter;

  @Option(names = "--resource-type", paramLabel = "T",
      description = "model, test, seed, snapshot, source, unit_test, ...")
  String resourceType;

  @Option(names = "--test-name", paramLabel = "N",
      description = "the test's name, such as not_null_orders_id (decides the test subclass)")
  String testName;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "output format (default text; --batch always writes JSON lines)")
  String format;

  @Option(names = "--target-path", paramLabel = "DIR",
      description = "dbt's target path (default: DBT_TARGET_PATH, else target)")
  String targetPath;

  @Option(names = "--project-dir", paramLabel = "DIR", description = "the dbt project (default: DBT_PROJECT_DIR, "
      + "else the nearest directory up with a dbt_project.yml, else the working directory)")
  String projectDir;

  ClassifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CliUsageException("'" + format + "' is not a format; valid formats: text, json");
    }
    ResourceType type = resourceType == null ? null : ResourceType.fromDbtName(resourceType).orElseThrow(
        () -> new CliUsageException("'" + resourceType + "' is not a resource type; valid types: model, test, seed, "
            + "snapshot, source, unit_test, analysis, operation"));
    boolean stdinMessage = Inputs.isStdin(target);
    int modes = (target != null && !stdinMessage ? 1 : 0) + (batch != null ? 1 : 0)
        + (messageFile != null || stdinMessage ? 1 : 0);
    if (modes > 1) {
      throw new CliUsageException("give one of --message-file (or '-'), --batch or TARGET_DIR");
    }
    Classifier classifier = BuiltInRules.classifier();
    if (batch != null) {
      return batch(batch, classifier, context);
    }
    if (messageFile == null && !stdinMessage) {
      Path dir;
      try {
        dir = TargetDir.resolve(target, targetPath, projectDir, context);
      } catch (CliUsageException e) {
        throw new CliUsageException(e.getMessage() + (target == null
            ? "; to classify one message, give --message-file FILE or '-' for standard input" : ""));
      }
      return target(dir, target == null ? dir.toString() : target, format, classifier, context);
    }
    String message = readMessage(stdinMessage ? "-" : messageFile, context);
    if (message.isBlank()) {
      throw new CliUsageException("no message to classify: " + (Inputs.isStdin(stdinMessage ? "-" : messageFile)
          ? "standard input" : "--message-file '" + messageFile + "'") + " is empty");
    }
    RuleContext ctx = RuleContext.builder().message(message).adapter(adapterOrNull(adapter)).resourceType(type)
        .testName(testName).build();
    Classification c = classifier.classify(ctx);
    if (format.equals("json")) {
      context.out().println(toJson(JSON.createObjectNode(), c));
    } else {
      printText(context.out(), c, "");
    }
    context.out().flush();
    return ExitCodes.OK;
  }

  // ---------------------------------------------------------------- single message

  private static String readMessage(String file, CliContext context) {
    if (Inputs.isStdin(file)) {
      return readAll(context.in(), "standard input");
    }
    try (InputStream in = Inputs.open(file, "--message-file", context)) {
      return readAll(in, file);
    } catch (IOException e) {
      throw new CliUsageException("cannot read --message-file '" + file + "': " + e.getMessage());
    }
  }

  private static String readAll(InputStream in, String name) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      int n;
      while ((n = r.read(buf)) > 0 && sb.length() < MAX_MESSAGE_CHARS) {
        sb.append(buf, 0, Math.min(n, MAX_MESSAGE_CHARS - sb.length()));
      }
    } catch (IOException e) {
      throw new CliUsageException("cannot read " + name + ": " + e.getMessage());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- target/ directory

  private static int target(Path resolved, String dir, String format, Classifier classifier, CliContext context) {
    TargetArtifacts artifacts;
    try {
      artifacts = Loading.readTarget(resolved, context);
    } catch (UnsupportedOperationException e) {
      throw new CliUsageException("reading a target/ directory needs the artifact readers, which this build "
          + "does not have; classify a message with --message-file instead");
    }
    Manifest manifest = artifacts.manifest();
    String adapter = manifest.adapterType().orElse(null);
    ArrayNode out = JSON.createArrayNode();
    List<String> text = new ArrayList<>();
    artifacts.runResults().ifPresent(rr -> {
      for (RunResult r : rr.results()) {
        if (!r.status().needsAttention()) {
          continue;
        }
        Node node = manifest.node(r.uniqueId()).orElse(null);
        Classification c = classifier.classify(RuleContext.builder().result(r).node(node).adapter(adapter).build());
        ObjectNode o = JSON.createObjectNode();
        o.put("unique_id", r.uniqueId());
        o.put("status", r.status().dbtName());
        out.add(toJson(o, c));
        text.add(r.uniqueId() + " [" + r.status().dbtName() + "]");
        text.add(render(c, "  "));
      }
    });
    artifacts.sources().ifPresent(sf -> {
      for (FreshnessResult f : sf.results()) {
        if (f.status() == FreshnessStatus.PASS) {
          continue;
        }
        RunResult asResult = RunResult.of(f.uniqueId(), RunStatus.parse(f.rawStatus()), f.error().orElse(null));
        Node node = manifest.node(f.uniqueId()).orElse(null);
        Classification c = classifier.classify(RuleContext.builder().result(asResult).node(node)
            .resourceType(ResourceType.SOURCE).adapter(adapter).build());
        ObjectNode o = JSON.createObjectNode();
        o.put("unique_id", f.uniqueId());
        o.put("status", f.rawStatus());
        out.add(toJson(o, c));
        text.add(f.uniqueId() + " [freshness " + f.rawStatus() + "]");
        text.add(render(c, "  "));
      }
    });
    if (format.equals("json")) {
      ObjectNode root = JSON.createObjectNode();
      root.put("target", resolved.toString());
      root.put("adapter", manifest.adapterType().orElse(""));
      root.set("classifications", out);
      context.out().println(root);
    } else if (text.isEmpty()) {
      context.out().println("no failed, warned or stale results in " + dir);
    } else {
      for (String line : text) {
        context.out().println(line);
      }
    }
    context.out().flush();
    return ExitCodes.OK;
  }

  // ---------------------------------------------------------------- batch

  private static int batch(String file, Classifier classifier, CliContext context) {
    int bad = 0;
    try (Inputs.LineReader in = new Inputs.LineReader(Inputs.open(file, "--batch", context))) {
      Inputs.Line next;
      while ((next = in.next()) != null) {
        int lineNo = next.number();
        String line = next.text();
        if (line != null && line.isBlank()) {
          continue;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("line", lineNo);
        JsonNode r = null;
        if (line != null) {
          try {
            r = JSON.readTree(line);
          } catch (JsonProcessingException e) {
            r = null;
          }
        }
        if (r == null || !r.isObject() || !(r.path("text").isTextual() || r.path("message").isTextual())) {
          bad++;
          String why = next.error() != null ? next.error()
              : "line " + lineNo + " is not a JSON object with a string \"text\"";
          out.put("error", why);
          context.out().println(out);
          context.err().println("dbt-triage classify: --batch " + why);
          continue;
        }
        String text = r.path("text").isTextual() ? r.path("text").asText() : r.path("message").asText();
        RuleContext.Builder ctx = RuleContext.builder().message(text)
            .adapter(adapterOrNull(optText(r, "adapter")))
            .resourceType(resourceTypeOrNull(optText(r, "resource_type")))
            .testName(optText(r, "test_name"));
        String uniqueId = optText(r, "unique_id");
        if (uniqueId != null) {
          String status = optText(r, "status");
          ctx.result(RunResult.of(uniqueId, status == null ? RunStatus.ERROR : RunStatus.parse(status), text));
        }
        if (r.has("id")) {
          out.set("id", r.get("id"));
        }
        context.out().println(toJson(out, classifier.classify(ctx.build())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.out().flush();
    return bad == 0 ? ExitCodes.OK : ExitCodes.USAGE_OR_INPUT;
  }

  private static String optText(JsonNode r, String field) {
    JsonNode v = r.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** The dev set's {@code unknown} and {@code other} mean "not said"; so does an empty string. */
  static String adapterOrNull(String adapter) {
    if (adapter == null) {
      return null;
    }
    String a = adapter.strip().toLowerCase(Locale.ROOT);
    return a.isEmpty() || a.equals("unknown") || a.equals("other") ? null : a;
  }

  static ResourceType resourceTypeOrNull(String type) {
    return type == null ? null : ResourceType.fromDbtName(type.strip()).orElse(null);
  }

  // ---------------------------------------------------------------- rendering

  /** Fills {@code o} with the documented classification shape (see docs/cli.md). */
  static ObjectNode toJson(ObjectNode o, Classification c) {
    o.put("class", c.errorClass().name());
    o.put("subclass", c.subclass().name());
    o.put("fix_layer", c.fixLayer().name());
    o.put("transience", c.transience().name());
    o.put("retryable", c.retryable());
    if (c.ruleId().isPresent()) {
      o.put("rule_id", c.ruleId().get());
    } else {
      o.putNull("rule_id");
    }
    o.put("first_line", c.firstLine());
    ObjectNode objects = o.putObject("objects");
    for (Map.Entry<String, String> e : c.objects().asMap().entrySet()) {
      objects.put(e.getKey(), e.getValue());
    }
    o.put("advice", c.advice());
    ArrayNode evidence = o.putArray("evidence");
    for (Evidence e : c.evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("rule_id", e.ruleId());
      ev.put("priority", e.priority());
      ev.put("class", e.errorClass().name());
      ev.put("subclass", e.subclass().name());
      ev.put("matched_text", e.matchedText());
    }
    ArrayNode warnings = o.putArray("warnings");
    c.warnings().forEach(warnings::add);
    return o;
  }

  private static void printText(PrintStream out, Classification c, String indent) {
    out.println(render(c, indent));
  }

  static String render(Classification c, String indent) {
    StringBuilder sb = new StringBuilder();
    line(sb, indent, "class", c.errorClass() + " / " + c.subclass());
    line(sb, indent, "fix lives in", c.fixLayer().name());
    line(sb, indent, "retryable", (c.retryable() ? "yes" : "no") + " (" + c.transience() + ")");
    line(sb, indent, "first line", c.firstLine());
    Map<String, String> objects = c.objects().asMap();
    if (!objects.isEmpty()) {
      List<String> parts = new ArrayList<>();
      objects.forEach((k, v) -> parts.add(k + "=" + v));
      line(sb, indent, "objects", String.join(", ", parts));
    }
    if (!c.advice().isEmpty()) {
      line(sb, indent, "advice", c.advice());
    }
    boolean first = true;
    for (Evidence e : c.evidence()) {
      String desc = e.ruleId() + " (" + (e.priority() == Integer.MIN_VALUE ? "fallback" : e.priority()) + ") "
          + e.errorClass() + "/" + e.subclass() + (e.matchedText().isEmpty() ? "" : ": " + e.matchedText());
      line(sb, indent, first ? "evidence" : "", desc);
      first = false;
    }
    for (String w : c.warnings()) {
      line(sb, indent, "warning", w);
    }
    return sb.toString().stripTrailing();
  }

  private static void line(StringBuilder sb, String indent, String label, String value) {
    sb.append(indent).append(String.format("%-14s", label.isEmpty() ? "" : label + ":")).append(value)
        .append('\n');
  }
}
