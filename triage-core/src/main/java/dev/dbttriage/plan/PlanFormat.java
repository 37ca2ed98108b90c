package dev.dbttriage.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The ways a {@link RescuePlan} can be written: text for a terminal, Markdown for an incident ticket, JSON for
 * machines (schema {@code dbt-triage/rescue-plan/v1}, documented in {@code docs/cli.md}). Thread-safe.
 */
public enum PlanFormat {
  /** Plain text. */
  TEXT,
  /** Markdown. */
  MARKDOWN,
  /** JSON, schema {@code dbt-triage/rescue-plan/v1}. */
  JSON;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * Returns the format named {@code name} ({@code text}, {@code markdown} or {@code md}, {@code json}).
   *
   * @param name the name, in any case
   * @return the format
   * @throws IllegalArgumentException if no format has that name
   */
  public static PlanFormat fromName(String name) {
    for (PlanFormat f : values()) {
      if (f.name().equalsIgnoreCase(name) || (f == MARKDOWN && "md".equalsIgnoreCase(name))) {
        return f;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a format; valid formats: text, markdown, json");
  }

  /**
   * Renders a plan.
   *
   * @param plan the plan
   * @return the rendered plan
   */
  public String render(RescuePlan plan) {
    StringWriter out = new StringWriter();
    try {
      switch (this) {
        case TEXT -> text(plan, out);
        case MARKDOWN -> markdown(plan, out);
        case JSON -> json(plan, out);
        default -> throw new AssertionError(this);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void text(RescuePlan plan, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (plan.steps().isEmpty()) {
      sb.append("nothing to rescue: no failed, skipped or lost nodes\n");
    } else {
      sb.append("rescue plan: ").append(plan.steps().size()).append(" step").append(plan.steps().size() == 1 ? "" : "s")
          .append(", ").append(plan.intended().size()).append(" node").append(plan.intended().size() == 1 ? "" : "s")
          .append(" to rebuild").append(plan.verified() ? " (each selection verified)" : "").append('\n');
    }
    for (PlanStep s : plan.steps()) {
      sb.append('\n').append(s.number()).append(". [").append(s.kind().label()).append("] ").append(s.command())
          .append('\n');
      sb.append("   ").append(s.reason());
      if (!s.nodes().isEmpty()) {
        sb.append(" (").append(s.nodes().size()).append(" node").append(s.nodes().size() == 1 ? "" : "s").append(")");
      }
      sb.append('\n');
    }
    for (dev.dbttriage.decide.RefreshDecision d : plan.refreshDecisions()) {
      sb.append("\nfull refresh? ").append(d.toText().stripTrailing().replace("\n", "\n   ")).append('\n');
    }
    sb.append("\ndbt retry: ").append(plan.retry().recommended() ? "yes" : "no").append('\n');
    for (String r : plan.retry().reasons()) {
      sb.append("   ").append(r).append('\n');
    }
    if (!plan.contention().isEmpty()) {
      sb.append("\ncontention with scheduled runs:\n");
      for (Contention c : plan.contention()) {
        sb.append("   step ").append(c.step()).append(" and '").append(c.scheduledSelection()).append("' both write ")
            .append(c.overlap().size()).append(" table(s): ").append(abbreviate(c.overlap())).append('\n');
      }
    }
    if (!plan.checks().isEmpty()) {
      sb.append("\nafter the run, check:\n");
      for (PostRunCheck c : plan.checks()) {
        sb.append("   - ").append(c.kind().label()).append(' ').append(c.target()).append(": ").append(c.detail())
            .append('\n');
      }
    }
    for (String p : plan.problems()) {
      sb.append("\nwarning: ").append(p);
    }
    if (!plan.problems().isEmpty()) {
      sb.append('\n');
    }
    out.write(sb.toString());
  }

  private static void markdown(RescuePlan plan, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder("# Rescue plan\n\n");
    sb.append(plan.intended().size()).append(" node(s) to rebuild in ").append(plan.steps().size())
        .append(" step(s)").append(plan.verified() ? ", each selection verified by dbt-triage's selector" : "")
        .append(".\n\n");
    for (PlanStep s : plan.steps()) {
      sb.append(s.number()).append(". **").append(s.kind().label()).append("**: ").append(s.reason()).append("\n\n");
      sb.append("   ```sh\n   ").append(s.command()).append("\n   ```\n\n");
    }
    for (dev.dbttriage.decide.RefreshDecision d : plan.refreshDecisions()) {
      sb.append("## Full refresh? `").append(d.uniqueId()).append("`: ").append(d.kind().name().toLowerCase(Locale.ROOT)
          .replace('_', ' ')).append("\n\n");
      d.reasons().forEach(r -> sb.append("- ").append(r).append('\n'));
      d.commands().forEach(c -> sb.append("\n```sh\n").append(c).append("\n```\n"));
      d.warnings().forEach(w -> sb.append("- **warning**: ").append(w).append('\n'));
      sb.append('\n');
    }
    sb.append("## dbt retry: ").append(plan.retry().recommended() ? "yes" : "no").append("\n\n");
    for (String r : plan.retry().reasons()) {
      sb.append("- ").append(r).append('\n');
    }
    if (!plan.contention().isEmpty()) {
      sb.append("\n## Contention\n\n");
      for (Contention c : plan.contention()) {
        sb.append("- step ").append(c.step()).append(" and `").append(c.scheduledSelection()).append("`: ")
            .append(abbreviate(c.overlap())).append('\n');
      }
    }
    if (!plan.checks().isEmpty()) {
      sb.append("\n## After the run\n\n");
      for (PostRunCheck c : plan.checks()) {
        sb.append("- [ ] ").append(c.kind().label()).append(" `").append(c.target()).append("`: ").append(c.detail())
            .append('\n');
      }
    }
    if (!plan.problems().isEmpty()) {
      sb.append("\n## Warnings\n\n");
      for (String p : plan.problems()) {
        sb.append("- ").append(p).append('\n');
      }
    }
    out.write(sb.toString());
  }

  private static void json(RescuePlan plan, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", "dbt-triage/rescue-plan/v1");
      g.writeStringField("command", plan.command());
      g.writeBooleanField("verified", plan.verified());
      strings(g, "intended", plan.intended());
      g.writeArrayFieldStart("steps");
      for (PlanStep s : plan.steps()) {
        g.writeStartObject();
        g.writeNumberField("number", s.number());
        g.writeStringField("kind", s.kind().label());
        g.writeStringField("command", s.command());
        strings(g, "select", s.select());
        strings(g, "exclude", s.exclude());
        g.writeBooleanField("full_refresh", s.fullRefresh());
        strings(g, "nodes", s.nodes());
        g.writeBooleanField("verified", s.verified());
        g.writeStringField("reason", s.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("retry");
      g.writeBooleanField("recommended", plan.retry().recommended());
      strings(g, "reasons", plan.retry().reasons());
      g.writeEndObject();
      g.writeArrayFieldStart("contention");
      for (Contention c : plan.contention()) {
        g.writeStartObject();
        g.writeNumberField("step", c.step());
        g.writeStringField("scheduled_selection", c.scheduledSelection());
        strings(g, "overlap", c.overlap());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("checks");
      for (PostRunCheck c : plan.checks()) {
        g.writeStartObject();
        g.writeStringField("kind", c.kind().label());
        g.writeStringField("target", c.target());
        g.writeStringField("detail", c.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("refresh_decisions");
      for (dev.dbttriage.decide.RefreshDecision d : plan.refreshDecisions()) {
        g.writeStartObject();
        g.writeStringField("unique_id", d.uniqueId());
        g.writeStringField("kind", d.kind().name().toLowerCase(Locale.ROOT));
        strings(g, "reasons", d.reasons());
        strings(g, "commands", d.commands());
        if (d.cost().isPresent()) {
          g.writeObjectFieldStart("cost");
          g.writeStringField("basis", d.cost().get().basis());
          g.writeBooleanField("heavy", d.cost().get().heavy());
          g.writeEndObject();
        } else {
          g.writeNullField("cost");
        }
        strings(g, "warnings", d.warnings());
        g.writeBooleanField("guard_must_be_lifted", d.guardMustBeLifted());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "problems", plan.problems());
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 5 ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + ", … (" + (ids.size() - 5) + " more)";
  }

  /** Returns the lower-case name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
