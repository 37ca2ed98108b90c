package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.decide.FullRefreshAdvisor;
import dev.dbttriage.plan.PlanFormat;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code dbt-triage plan}: the smallest correct rescue of a failed run, as dbt commands. */
final class PlanCommand implements CliCommand {
  private static final Set<String> SINGLE = Set.of("--format", "--max-roots", "--heavy-seconds");
  private static final Set<String> MULTI =
      Set.of("--previous", "--run-results", "--scheduled", "--full-refresh", "--upstream-fixed");

  @Override
  public String name() {
    return "plan";
  }

  @Override
  public String summary() {
    return "ordered dbt commands that rebuild every failed, skipped and lost node once";
  }

  @Override
  public String help() {
    return """
        usage: dbt-triage plan [TARGET_DIR] [--previous DIR...] [--scheduled SELECTION...]
                               [--format text|markdown|json] [--max-roots N] [--heavy-seconds S]
                               [--full-refresh MODEL_ID...] [--upstream-fixed MODEL_ID...]
                               [--run-results FILE...]

        Triages the run in TARGET_DIR (the bundled sample without it) and plans its rescue: one run for one
        root or an outage, lineage groups above --max-roots, a resume that excludes what already succeeded
        when nodes never ran, --full-refresh scoped to the models that need it, heavy targets in layers. Each
        command is verified with dbt-triage's own selector to execute exactly the nodes it intends; the plan
        also says whether `dbt retry` is exactly right, which scheduled runs contend, and what to check after.

        options:
          --previous DIR...        older target/ directories: run history (normal runtimes) and, for the
                                   first one with a manifest.json, the manifest the full-refresh decision
                                   compares against
          --scheduled SELECTION... selections of scheduled runs, to report contention (quote each one)
          --format FORMAT          text (default), markdown or json (docs/cli.md)
          --max-roots N            roots one rescue run may take before the outage is split (default 50)
          --heavy-seconds S        normal runtime above which a target is rebuilt in layers (default 300)
          --full-refresh ID...     models that need --full-refresh, in addition to those the decision
                                   engine finds
          --upstream-fixed ID...   roots whose upstream was fixed: rebuild their upstream first
          --run-results FILE...    more run_results.json of the same incident, merged

        exit codes: 0 a plan was made, 2 bad usage or input
        """;
  }

  private static int maxRoots(CliArgs a) {
    int n = a.intValue("--max-roots", 50);
    if (n < 1) {
      throw new CliUsageException("--max-roots expects a positive integer but got '" + n + "'");
    }
    return n;
  }

  @Override
  public int run(List<String> args, CliContext context) {
    CliArgs a = CliArgs.parse(args, SINGLE, MULTI, Set.of());
    if (a.positionals().size() > 1) {
      throw new CliUsageException("expected at most one TARGET_DIR but got " + a.positionals());
    }
    PlanFormat format;
    try {
      format = PlanFormat.fromName(a.value("--format").orElse("text"));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
    TriageInput input = TriageCommand.input(a, context, a.positionals().isEmpty());
    TriageReport report = Wiring.triageEngine(2, 50).triage(input);
    double heavy;
    try {
      heavy = Double.parseDouble(a.value("--heavy-seconds").orElse("300"));
      if (!(heavy >= 0) || Double.isInfinite(heavy)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new CliUsageException("--heavy-seconds expects a non-negative number of seconds but got '" + a.value("--heavy-seconds").get()
          + "'");
    }
    RescuePlanner.Builder builder = Wiring.planner(report, context)
        .maxRootsPerRun(maxRoots(a))
        .heavySeconds(heavy)
        .history(input.previousRuns())
        .fullRefresh(a.values("--full-refresh"))
        .upstreamFixed(a.values("--upstream-fixed"));
    for (String s : a.values("--scheduled")) {
      builder.scheduled(s);
    }
    RescuePlan plan = builder.build().plan(report);
    context.out().print(format.render(plan));
    context.out().flush();
    return ExitCodes.OK;
  }
}
