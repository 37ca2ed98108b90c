package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * How AssertJ prints dbt-triage values in failure messages: a node as its unique id, a manifest as its project and
 * size, instead of their full record {@code toString()}, which runs to pages for a manifest.
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
    return super.fallbackToStringOf(object);
  }
}
