package dev.dbttriage.triage;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fallback diagnoser used when no classifier is configured: the runbook's first-line table only. The
 * built-in rule packs (triage-rules) classify by cause and are what users should plug in.
 */
final class HeaderDiagnoser implements FailureDiagnoser {
  static final HeaderDiagnoser INSTANCE = new HeaderDiagnoser();

  @Override
  public Diagnosis diagnose(
      String message, Optional<RunResult> result, Optional<Node> node, Optional<String> adapterType) {
    String text = message == null ? "" : message;
    String lower = text.toLowerCase(Locale.ROOT);
    String head = TriageEngine.firstLine(text).toLowerCase(Locale.ROOT);
    boolean test = node.map(n -> n.resourceType() == ResourceType.TEST || n.resourceType() == ResourceType.UNIT_TEST)
        .orElse(false);
    if (lower.contains("depends on a node named") || lower.contains("depends on a source named")) {
      return of("DEPENDENCY", "REF_NOT_FOUND", "your refs or a deleted upstream", false,
          "Fix the ref or restore the upstream node; `dbt compile --select +<model>` catches this before SQL runs.");
    }
    if (head.startsWith("database error")) {
      return of("DATABASE", "OTHER", "your SQL or your permissions", false,
          "Read the compiled SQL under target/run and the warehouse's error.");
    }
    if (head.startsWith("compilation error") || head.contains("compilation error in")) {
      return of("COMPILATION", "OTHER", "your code", false,
          "Run `dbt compile --select <model>` locally, read the expanded Jinja error, patch and re-push.");
    }
    if (lower.contains("freshness")) {
      return of("FRESHNESS", "FRESHNESS_ERROR", "the upstream data pipeline", false,
          "The upstream ingestion is late: fix the pipeline, not dbt.");
    }
    if (lower.contains("database error")) {
      return of("DATABASE", "OTHER", "your SQL or your permissions", false,
          "Read the compiled SQL under target/run and the warehouse's error.");
    }
    if (test || lower.contains("failure in test") || lower.matches("(?s).*got \\d+ results?, configured to.*")) {
      return of("TEST", "OTHER", "data quality", false,
          "Capture the failing rows with `dbt test --select <test> --store-failures`; never disable the test.");
    }
    return of("RUNTIME", "OTHER", "warehouse / infrastructure", false, "Run `dbt debug` to check the connection.");
  }

  private static Diagnosis of(String cls, String sub, String layer, boolean retry, String advice) {
    return new Diagnosis(cls, sub, layer, retry, advice, List.of("fallback.header"), Optional.empty());
  }
}
