package dev.dbttriage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbttriage.artifact.ArtifactWarning;
import dev.dbttriage.classify.Redaction;
import dev.dbttriage.log.DbtLog;
import dev.dbttriage.log.LogInvocation;
import dev.dbttriage.log.LogNode;
import dev.dbttriage.log.LogNodeStatus;
import dev.dbttriage.log.LogSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code dbt-triage inspect LOGFILE}: what a dbt log holds, invocation by invocation (shape in docs/cli.md). */
final class LogInspection {
  private static final Pattern JSON_EVENT = Pattern.compile(
      "^\\s*\\{\\s*\"(data|info|code|log_version|ts|type|levelname|msg)\"");

  private LogInspection() {}

  /** Returns true when a file reads as a log, not an artifact: text lines, or JSON lines of log events. */
  static boolean looksLikeLog(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    } catch (IOException e) {
      return false;
    }
    String s = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).stripLeading();
    }
    if (s.isEmpty()) {
      return false;
    }
    return s.charAt(0) != '{' || JSON_EVENT.matcher(s).find();
  }

  static void print(DbtLog log, String shown, boolean json, PrintStream out) {
    if (json) {
      out.print(json(log, shown));
    } else {
      out.print(text(log, shown));
    }
  }

  static String text(DbtLog log, String shown) {
    StringBuilder b = new StringBuilder();
    Optional<LogInvocation> incident = log.incident();
    b.append(shown).append(": dbt log, ").append(log.invocations().size()).append(" invocation(s)");
    incident.ifPresent(i -> b.append("; the incident is invocation ").append(i.index()));
    b.append('\n');
    for (LogInvocation inv : log.invocations()) {
      b.append(String.format("  #%d %s", inv.index(), inv.format().label()));
      inv.dbtVersion().ifPresent(v -> b.append(" dbt=").append(v));
      inv.adapter().ifPresent(a -> b.append(' ').append(a));
      inv.command().ifPresent(c -> b.append(" `").append(Redaction.redact(c)).append('`'));
      if (!inv.nodes().isEmpty()) {
        Map<String, Integer> counts = new TreeMap<>();
        inv.nodes().forEach(n -> counts.merge(n.status().label(), 1, Integer::sum));
        b.append(": ").append(inv.nodes().size()).append(" node(s) ").append(counts);
      }
      b.append(inv.killed() ? " KILLED" : inv.completed() ? "" : " (no end in the log)");
      if (inv.killed() && inv.neverStarted().isPresent()) {
        b.append(", ").append(inv.neverStarted().getAsInt()).append(" of ").append(inv.planned().getAsInt())
            .append(" never started");
      }
      b.append('\n');
      if (incident.isPresent() && incident.get() == inv) {
        for (LogNode n : inv.nodes()) {
          if (n.status().unsuccessful() || n.status() == LogNodeStatus.WARN) {
            b.append("      ").append(n.status().label()).append(' ').append(n.description());
            n.messageFirstLine().ifPresent(m -> b.append(": ").append(Redaction.redact(m)));
            b.append('\n');
          }
        }
        inv.error().ifPresent(e -> b.append("      error: ").append(Redaction.redact(e.lines().findFirst()
            .orElse(""))).append('\n'));
      }
    }
    for (ArtifactWarning w : log.warnings()) {
      b.append("  warning ").append(w.code()).append(": ").append(Redaction.redact(w.message())).append('\n');
    }
    return b.toString();
  }

  static String json(DbtLog log, String shown) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("kind", "log");
      g.writeStringField("path", shown);
      Optional<LogInvocation> incident = log.incident();
      g.writeStringField("format", incident.or(() -> log.invocations().stream().reduce((a, b) -> b))
          .map(i -> i.format().label()).orElse("unknown"));
      if (incident.isPresent()) {
        g.writeNumberField("incident", incident.get().index());
      } else {
        g.writeNullField("incident");
      }
      g.writeArrayFieldStart("invocations");
      for (LogInvocation inv : log.invocations()) {
        g.writeStartObject();
        g.writeNumberField("index", inv.index());
        g.writeStringField("format", inv.format().label());
        str(g, "invocation_id", inv.invocationId());
        str(g, "dbt_version", inv.dbtVersion());
        str(g, "adapter", inv.adapter());
        str(g, "command", inv.command().map(Redaction::redact));
        str(g, "started_at", inv.startedAt());
        str(g, "ended_at", inv.endedAt());
        g.writeBooleanField("completed", inv.completed());
        g.writeBooleanField("killed", inv.killed());
        if (inv.planned().isPresent()) {
          g.writeNumberField("planned", inv.planned().getAsInt());
          g.writeNumberField("never_started", inv.neverStarted().getAsInt());
        } else {
          g.writeNullField("planned");
          g.writeNullField("never_started");
        }
        str(g, "kill_signal", inv.killSignal());
        str(g, "error", inv.error().map(Redaction::redact));
        if (inv.summary().isPresent()) {
          LogSummary s = inv.summary().get();
          g.writeObjectFieldStart("summary");
          g.writeNumberField("pass", s.pass());
          g.writeNumberField("warn", s.warn());
          g.writeNumberField("error", s.error());
          g.writeNumberField("skip", s.skip());
          if (s.noOp().isPresent()) {
            g.writeNumberField("no_op", s.noOp().getAsInt());
          } else {
            g.writeNullField("no_op");
          }
          g.writeNumberField("total", s.total());
          g.writeEndObject();
        } else {
          g.writeNullField("summary");
        }
        g.writeArrayFieldStart("nodes");
        for (LogNode n : inv.nodes()) {
          g.writeStartObject();
          str(g, "unique_id", n.uniqueId());
          g.writeStringField("name", n.name());
          g.writeStringField("description", n.description());
          str(g, "resource_type", n.resourceType());
          g.writeStringField("status", n.status().label());
          str(g, "error_class", n.errorClass().map(Enum::name));
          str(g, "message_first_line", n.messageFirstLine().map(Redaction::redact));
          if (n.executionTime().isPresent()) {
            g.writeNumberField("execution_time", n.executionTime().getAsDouble());
          } else {
            g.writeNullField("execution_time");
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (ArtifactWarning x : log.warnings()) {
        g.writeStartObject();
        g.writeStringField("code", x.code().name());
        g.writeStringField("message", Redaction.redact(x.message()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w + "\n";
  }

  private static void str(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }
}
