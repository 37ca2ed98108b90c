package dev.dbttriage.triage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The ways a {@link TriageReport} can be written: plain text for a terminal, Markdown for an incident ticket,
 * JSON for machines (a documented, stable shape: see {@code docs/cli.md}), and JUnit XML of the run's results so
 * CI systems show dbt failures as test failures. Rendering is thread-safe.
 */
public enum ReportFormat {
  /** Plain text for a terminal. */
  TEXT,
  /** Markdown for an incident ticket: the runbook's triage template per root cause. */
  MARKDOWN,
  /** JSON, schema {@code dbt-triage/triage-report/v2}. */
  JSON,
  /** JUnit XML of every result of the run, skipped nodes naming the root they were skipped because of. */
  JUNIT;

  /**
   * Returns the format named {@code name} ({@code text}, {@code markdown}, {@code json}, {@code junit}).
   *
   * @param name the name, in any case
   * @return the format
   * @throws IllegalArgumentException if no format has that name
   */
  public static ReportFormat fromName(String name) {
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(name) || (f == MARKDOWN && "md".equalsIgnoreCase(name))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a format; valid formats: text, markdown, json, junit");
  }

  /** Returns the lower-case name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Renders a report to a string.
   *
   * @param report the report
   * @return the rendered report
   */
  public String render(TriageReport report) {
    StringWriter out = new StringWriter();
    write(report, out);
    return out.toString();
  }

  /**
   * Writes a report to a writer, which is flushed but not closed.
   *
   * @param report the report
   * @param out the writer
   * @throws UncheckedIOException if the writer fails
   */
  public void write(TriageReport report, Writer out) {
    try {
      switch (this) {
        case TEXT -> Renderers.text(report, out);
        case MARKDOWN -> Renderers.markdown(report, out);
        case JSON -> Renderers.json(report, out);
        case JUNIT -> Renderers.junit(report, out);
        default -> throw new AssertionError(this);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
