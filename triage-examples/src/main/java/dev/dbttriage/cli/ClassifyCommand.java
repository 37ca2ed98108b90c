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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dbt-triage classify}: classifies one message (a file or stdin), every failed or warned result of a
 * {@code target/} directory, or a JSON-lines batch. Output shapes are documented in docs/cli.md.
 */
final class ClassifyCommand implements CliCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE_CHARS = 1_000_000;

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public String summary() {
    return "classify a failure: class, subclass, where the fix lives, advice and evidence";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: dbt-triage classify [--message-file FILE] [--adapter A] [--resource-type T] [--test-name N]",
        "                           [--format text|json]",
        "       dbt-triage classify TARGET_DIR [--format text|json]",
        "       dbt-triage classify --batch FILE",
        "",
        "Classifies a dbt failure by cause (not by the header dbt printed): class (COMPILATION, DATABASE,",
        "DEPENDENCY, FRESHNESS, TEST, RUNTIME), subclass, where the fix lives, whether a retry can help, the",
        "objects the message names, runbook advice, and the rules that matched (evidence). Secrets in the",
        "message are redacted in every output.",
        "",
        "  --message-file FILE  read the message from FILE ('-' or no option: standard input)",
        "  TARGET_DIR           classify every non-success result of TARGET_DIR/run_results.json (and",
        "                       sources.json), with each node from manifest.json",
        "  --batch FILE         read one JSON object per line ('-' for stdin):",
        "                       {\"text\": ..., \"adapter\"?: ..., \"resource_type\"?: ..., \"test_name\"?: ...,",
        "                        \"unique_id\"?: ..., \"status\"?: ...} and write one JSON classification per line",
        "  --adapter A          the adapter type (snowflake, bigquery, databricks, postgres, ...)",
        "  --resource-type T    model, test, seed, snapshot, source, unit_test, ...",
        "  --test-name N        the test's name, such as not_null_orders_id (decides the test subclass)",
        "  --format text|json   output format (default text; --batch always writes JSON lines)",
        "",
        "Exit codes: 0 ok, 2 bad usage or input.",
        "");
  }

  @Override
  public int run(List<String> args, CliContext context) {
    Options o = Options.parse(args);
    Classifier classifier = BuiltInRules.classifier();
    if (o.batch != null) {
      return batch(o.batch, classifier, context);
    }
    if (o.target != null) {
      return target(Path.of(o.target), o.format, classifier, context);
    }
    String message = readMessage(o.messageFile, context);
    RuleContext ctx = RuleContext.builder().message(message).adapter(o.adapter).resourceType(o.resourceType)
        .testName(o.testName).build();
    Classification c = classifier.classify(ctx);
    if (o.format.equals("json")) {
      context.out().println(toJson(JSON.createObjectNode(), c));
    } else {
      printText(context.out(), c, "");
    }
    context.out().flush();
    return ExitCodes.OK;
  }

  // ---------------------------------------------------------------- single message

  private static String readMessage(String file, CliContext context) {
    if (file == null || file.equals("-")) {
      return readAll(context.in(), "standard input");
    }
    Path p = context.workingDirectory().resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new CliUsageException("--message-file '" + file + "' is not a readable file");
    }
    try (InputStream in = Files.newInputStream(p)) {
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

  private static int target(Path dir, String format, Classifier classifier, CliContext context) {
    Path resolved = context.workingDirectory().resolve(dir);
    if (!Files.isDirectory(resolved)) {
      throw new CliUsageException("'" + dir + "' is not a directory (expected a dbt target/ directory)");
    }
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
    int lineNo = 0;
    try (BufferedReader in = open(file, context)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("line", lineNo);
        JsonNode r;
        try {
          r = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          r = null;
        }
        if (r == null || !r.isObject() || !(r.path("text").isTextual() || r.path("message").isTextual())) {
          bad++;
          out.put("error", "line " + lineNo + " is not a JSON object with a string \"text\"");
          context.out().println(out);
          context.err().println("dbt-triage classify: --batch line " + lineNo
              + " is not a JSON object with a string \"text\"");
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

  private static BufferedReader open(String file, CliContext context) throws IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
    }
    Path p = context.workingDirectory().resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new CliUsageException("--batch '" + file + "' is not a readable file");
    }
    return Files.newBufferedReader(p, StandardCharsets.UTF_8);
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

  // ---------------------------------------------------------------- options

  private static final class Options {
    String messageFile;
    String target;
    String batch;
    String adapter;
    ResourceType resourceType;
    String testName;
    String format = "text";

    static Options parse(List<String> args) {
      Options o = new Options();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        String value = null;
        int eq = a.indexOf('=');
        String flag = a;
        if (a.startsWith("--") && eq > 0) {
          flag = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        switch (flag) {
          case "--message-file":
          case "--batch":
          case "--adapter":
          case "--resource-type":
          case "--test-name":
          case "--format":
            if (value == null) {
              if (i + 1 >= args.size()) {
                throw new CliUsageException(flag + " needs a value");
              }
              value = args.get(++i);
            }
            o.set(flag, value);
            break;
          default:
            if (a.startsWith("-") && !a.equals("-")) {
              throw new CliUsageException("'" + a + "' is not an option; valid options: --message-file, --batch, "
                  + "--adapter, --resource-type, --test-name, --format");
            }
            if (o.target != null) {
              throw new CliUsageException("one TARGET_DIR at most; got '" + o.target + "' and '" + a + "'");
            }
            o.target = a;
        }
      }
      int modes = (o.target != null ? 1 : 0) + (o.batch != null ? 1 : 0) + (o.messageFile != null ? 1 : 0);
      if (modes > 1) {
        throw new CliUsageException("give one of --message-file, --batch or TARGET_DIR");
      }
      return o;
    }

    void set(String flag, String value) {
      switch (flag) {
        case "--message-file":
          messageFile = value;
          break;
        case "--batch":
          batch = value;
          break;
        case "--adapter":
          adapter = adapterOrNull(value);
          break;
        case "--resource-type":
          resourceType = ResourceType.fromDbtName(value).orElseThrow(() -> new CliUsageException(
              "'" + value + "' is not a resource type; valid types: model, test, seed, snapshot, source, "
                  + "unit_test, analysis, operation"));
          break;
        case "--test-name":
          testName = value;
          break;
        default:
          if (!value.equals("text") && !value.equals("json")) {
            throw new CliUsageException("'" + value + "' is not a format; valid formats: text, json");
          }
          format = value;
      }
    }
  }
}
