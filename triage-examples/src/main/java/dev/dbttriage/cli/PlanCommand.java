package dev.dbttriage.cli;

import dev.dbttriage.plan.PlanFormat;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbt-triage plan}: the smallest correct rescue of a failed run, as dbt commands. */
@Command(name = "plan", header = "ordered dbt commands that rebuild every failed, skipped and lost node once",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Triages the run in TARGET_DIR and plans its rescue: one run for one root or an outage, lineage groups "
            + "above --max-roots, a resume that excludes what already succeeded when nodes never ran, "
            + "--full-refresh scoped to the models that need it, heavy targets in layers. Each command is "
            + "verified with dbt-triage's own selector to execute exactly the nodes it intends; the plan also "
            + "says whether `dbt retry` is exactly right, which scheduled runs contend, and what to check after.",
        "Without TARGET_DIR it reads ./target as dbt finds it and fails with exit code 2 when there is none; "
            + "--sample plans the bundled sample failing run. A log (the project's logs/dbt.log, or --log FILE) "
            + "stands in for a missing or stale run_results.json, as for triage: a killed run's plan resumes what "
            + "was running and what never started."},
    footerHeading = "%n", footer = "Exit codes: 0 a plan was made, 2 bad usage or input.")
final class PlanCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin RunOptions run = new RunOptions();

  @Option(names = "--scheduled", paramLabel = "SELECTION",
      description = "the selection of a scheduled run, to report contention; repeat for more (quote each one)")
  List<String> scheduled = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), markdown or json (docs/cli.md)")
  String format;

  @Option(names = "--max-roots", paramLabel = "N", defaultValue = "50",
      description = "roots one rescue run may take before the outage is split (default 50)")
  int maxRoots;

  @Option(names = "--heavy-seconds", paramLabel = "S", defaultValue = "300",
      description = "normal runtime above which a target is rebuilt in layers (default 300)")
  String heavySeconds;

  @Option(names = "--full-refresh", paramLabel = "MODEL_ID",
      description = "a model that needs --full-refresh, besides those the decision engine finds; repeat for more")
  List<String> fullRefresh = new ArrayList<>();

  @Option(names = "--upstream-fixed", paramLabel = "MODEL_ID",
      description = "a root whose upstream was fixed: rebuild its upstream first; repeat for more")
  List<String> upstreamFixed = new ArrayList<>();

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PlanFormat planFormat;
    try {
      planFormat = PlanFormat.fromName(format);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
    if (maxRoots < 1) {
      throw new CliUsageException("--max-roots expects a positive integer but got '" + maxRoots + "'");
    }
    double heavy;
    try {
      heavy = Double.parseDouble(heavySeconds);
      if (!(heavy >= 0) || Double.isInfinite(heavy)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new CliUsageException("--heavy-seconds expects a non-negative number of seconds but got '"
          + heavySeconds + "'");
    }
    TriageInput input = run.input(context);
    TriageReport report = Wiring.triageEngine(2, 50).triage(input);
    RescuePlanner.Builder builder = Wiring.planner(report, context)
        .maxRootsPerRun(maxRoots)
        .heavySeconds(heavy)
        .history(input.previousRuns())
        .fullRefresh(fullRefresh)
        .upstreamFixed(upstreamFixed);
    for (String s : scheduled) {
      builder.scheduled(s);
    }
    RescuePlan plan = builder.build().plan(report);
    context.out().print(planFormat.render(plan));
    context.out().flush();
    return ExitCodes.OK;
  }
}
