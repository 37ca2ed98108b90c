package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.deploy.DeployCheck;
import dev.dbttriage.deploy.DeployReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dbt-triage deploy-check --state PROD_DIR [TARGET_DIR] [--format text|json]}: compares production's
 * artifacts with a candidate's and says whether the deploy is backward compatible, what slim CI builds, and how
 * to roll back. Exit code 1 when a change is not backward compatible.
 */
@Command(name = "deploy-check", header = "compare production and candidate artifacts: breaking changes, slim CI, rollback",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Compares the production artifacts (PROD_DIR, dbt's --state) with the candidate's (TARGET_DIR, default "
            + "./target as dbt finds it): the changed resources, the slim-CI selection state:modified+, the "
            + "changes that are not backward compatible (dropped, renamed or retyped columns, a removed contract "
            + "or constraint, a removed or disabled model others read, a moved relation, a changed unique_key or "
            + "latest_version, narrowed access) versus safe ones, and the rollback strategies that fit the "
            + "adapter with their recovery time.",
        "Reads manifest.json from both directories (required) and catalog.json (warehouse columns, when both "
            + "have one) and PROD_DIR/run_results.json (rebuild time) when present."},
    footerHeading = "%n", footer = "exit codes: 0 safe, 1 breaking changes found, 2 bad usage or input")
final class DeployCheckCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(arity = "0..1", paramLabel = "TARGET_DIR", description = "the candidate's target/ directory")
  String target;

  @Option(names = "--state", paramLabel = "PROD_DIR", description = "the production artifacts (required)")
  String state;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "output format (default text)")
  String format;

  @Option(names = "--target-path", paramLabel = "DIR", description = "dbt's target path (default: "
      + "DBT_TARGET_PATH, else target)")
  String targetPath;

  @Option(names = "--project-dir", paramLabel = "DIR", description = "the dbt project (default: DBT_PROJECT_DIR, "
      + "else the nearest directory up with a dbt_project.yml, else the working directory)")
  String projectDir;

  DeployCheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (state == null || state.isBlank()) {
      throw new CliUsageException("--state PROD_DIR is required (the production artifacts to compare with)");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new CliUsageException("'" + format + "' is not a format; valid formats: text, json");
    }
    Path prodDir = context.workingDirectory().resolve(state);
    context.progress("reading " + prodDir);
    TargetArtifacts production = Loading.readTarget(prodDir, context);
    Path targetDir = TargetDir.resolve(target, targetPath, projectDir, context);
    TargetArtifacts candidate = Loading.readTarget(targetDir, context);
    production.warnings().forEach(w -> context.err().println("warning: " + w));
    candidate.warnings().forEach(w -> context.err().println("warning: " + w));
    DeployReport report = DeployCheck.builder().stateDirectory(state).build().check(production, candidate);
    context.out().print(format.equals("json") ? report.toJson() : report.toText());
    context.out().flush();
    return report.hasBreakingChanges() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
