package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.select.Selection;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.TriageReport;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * How AssertJ prints dbt-triage values in failure messages: a node or root cause as its unique id, a manifest as
 * its project and size, a report, selection or plan as its size, a classification as class/subclass, instead of their full record {@code toString()}, which runs to pages for a manifest.
 */
final class TriageRepresentation extends StandardRepresentation {
  static final TriageRepresentation INSTANCE = new TriageRepresentation();

  private TriageRepresentation() {}

  @Override
  protected String fallbackToStringOf(Object object) {
    if (object instanceof Node node) {
      return node.uniqueId();
    }
    if (object instanceof Manifest manifest) {
      return "manifest of " + manifest.projectName().orElse("an unnamed project") + " ("
          + manifest.nodes().size() + " nodes, schema " + manifest.metadata().schemaLabel() + ")";
    }
    if (object instanceof Selection selection) {
      return "selection of " + selection.size() + " nodes";
    }
    if (object instanceof RootCause root) {
      return root.uniqueId();
    }
    if (object instanceof TriageReport report) {
      return "triage report with " + report.roots().size() + " root causes";
    }
    if (object instanceof Classification c) {
      return c.errorClass() + "/" + c.subclass();
    }
    if (object instanceof RescuePlan plan) {
      return "rescue plan of " + plan.steps().size() + " steps";
    }
    return super.fallbackToStringOf(object);
  }
}
