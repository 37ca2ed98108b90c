package dev.dbttriage.plan;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.triage.ExposureImpact;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The checks a person runs after the plan: tests of what was rebuilt, row counts, dashboards. Stateless. */
final class PostRunChecks {
  private PostRunChecks() {}

  /**
   * What to check once the plan ran: the rebuilt nodes' tests, each rebuilt failed model's row count and
   * latest date, and every exposure the failures reached.
   *
   * @param report the triaged run
   * @param steps the plan's steps
   * @param command the run's subcommand ({@code build} runs the tests of what it rebuilds)
   * @param typeOf the resource type of a unique id
   * @param testCommand the {@code dbt test} command of some rebuilt nodes, in the run's syntax
   * @return the checks
   */
  static List<PostRunCheck> of(TriageReport report, List<PlanStep> steps, String command,
      Function<String, ResourceType> typeOf, Function<List<String>, String> testCommand) {
    List<PostRunCheck> out = new ArrayList<>();
    Set<String> rebuilt = new LinkedHashSet<>();
    for (PlanStep s : steps) {
      if (s.kind() != StepKind.FRESHNESS_CHECK && s.kind() != StepKind.DEPS) {
        rebuilt.addAll(s.nodes());
      }
    }
    List<String> rebuiltModels = new ArrayList<>();
    for (String id : rebuilt) {
      ResourceType type = typeOf.apply(id);
      if (type == ResourceType.MODEL || type == ResourceType.SNAPSHOT || type == ResourceType.SEED) {
        rebuiltModels.add(id);
      }
    }
    if (!rebuiltModels.isEmpty()) {
      String detail = command.equals("build")
          ? "dbt build ran the tests of every rebuilt node: confirm none failed in its run_results.json"
          : testCommand.apply(rebuiltModels);
      out.add(new PostRunCheck(PostRunCheck.Kind.TESTS_PASSED, "rebuilt nodes", detail));
    }
    for (RootCause root : report.failures()) {
      Optional<Node> node = root.node();
      if (node.isEmpty() || node.get().resourceType() != ResourceType.MODEL || !rebuilt.contains(root.uniqueId())) {
        continue;
      }
      Node n = node.get();
      String relation = n.relationName().orElse(n.schema().map(s -> s + ".").orElse("") + n.alias().orElse(n.name()));
      Optional<String> dateColumn = dateColumn(n);
      String sql = "select count(*) as row_count"
          + dateColumn.map(c -> ", max(" + c + ") as max_date").orElse("") + " from " + relation;
      out.add(new PostRunCheck(PostRunCheck.Kind.ROW_COUNT_AND_MAX_DATE, root.uniqueId(), sql));
    }
    Set<String> exposures = new LinkedHashSet<>();
    for (RootCause root : report.failures()) {
      for (ExposureImpact e : root.blastRadius().exposures()) {
        if (exposures.add(e.uniqueId())) {
          out.add(new PostRunCheck(PostRunCheck.Kind.EXPOSURE, e.uniqueId(),
              "open " + e.name() + e.url().map(u -> " (" + u + ")").orElse("")
                  + " and confirm it shows fresh, correct data" + e.owner().map(o -> "; owner " + o).orElse("")));
        }
      }
    }
    return out;
  }

  private static Optional<String> dateColumn(Node n) {
    Optional<String> eventTime = n.config().string("event_time");
    if (eventTime.isPresent()) {
      return eventTime;
    }
    for (String col : n.columns().keySet()) {
      String c = col.toLowerCase(Locale.ROOT);
      if (c.endsWith("_at") || c.endsWith("_date") || c.endsWith("_ts") || c.equals("date")) {
        return Optional.of(col);
      }
    }
    return Optional.empty();
  }
}
