package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.deploy.DeployCheck;
import dev.dbttriage.deploy.DeployReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dbt-triage deploy-check --state PROD_DIR [TARGET_DIR] [--format text|json]}: compares production's
 * artifacts with a candidate's and says whether the deploy is backward compatible, what slim CI builds, and how
 * to roll back. Exit code 1 when a change is not backward compatible.
 */
final class DeployCheckCommand implements CliCommand {
  @Override
  public String name() {
    return "deploy-check";
  }

  @Override
  public String summary() {
    return "compare production and candidate artifacts: breaking changes, slim CI, rollback";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: dbt-triage deploy-check --state PROD_DIR [TARGET_DIR] [--format text|json]",
        "",
        "Compares the production artifacts (PROD_DIR, dbt's --state) with the candidate's (TARGET_DIR, default",
        "./target): the changed resources, the slim-CI selection state:modified+, the changes that are not",
        "backward compatible (dropped, renamed or retyped columns, a removed contract or constraint, a removed or",
        "disabled model others read, a moved relation, a changed unique_key or latest_version, narrowed access)",
        "versus safe ones, and the rollback strategies that fit the adapter with their recovery time.",
        "Reads manifest.json from both directories (required) and catalog.json (warehouse columns, when both",
        "have one) and PROD_DIR/run_results.json (rebuild time) when present.",
        "",
        "options:",
        "  --state PROD_DIR       the production artifacts (required)",
        "  --format text|json     output format (default text)",
        "",
        "exit codes: 0 safe, 1 breaking changes found, 2 bad usage or input",
        "");
  }

  @Override
  public int run(List<String> args, CliContext context) {
    String state = null;
    String format = "text";
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--state") || a.equals("--format")) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new CliUsageException(a + " needs a value");
        }
        String v = args.get(++i);
        if (a.equals("--state")) {
          state = v;
        } else {
          format = v;
        }
      } else if (a.startsWith("--state=")) {
        state = a.substring("--state=".length());
      } else if (a.startsWith("--format=")) {
        format = a.substring("--format=".length());
      } else if (a.startsWith("-")) {
        throw new CliUsageException("'" + a + "' is not an option; valid options: --state, --format");
      } else {
        positional.add(a);
      }
    }
    if (state == null || state.isBlank()) {
      throw new CliUsageException("--state PROD_DIR is required (the production artifacts to compare with)");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new CliUsageException("'" + format + "' is not a format; valid formats: text, json");
    }
    if (positional.size() > 1) {
      throw new CliUsageException("expected at most one TARGET_DIR but got " + positional.size() + ": "
          + String.join(" ", positional));
    }
    Path prodDir = context.workingDirectory().resolve(state);
    Path targetDir = context.workingDirectory().resolve(positional.isEmpty() ? "target" : positional.get(0));
    context.progress("reading " + prodDir + " and " + targetDir);
    TargetArtifacts production = Loading.readTarget(prodDir, context);
    TargetArtifacts candidate = Loading.readTarget(targetDir, context);
    production.warnings().forEach(w -> context.err().println("warning: " + w));
    candidate.warnings().forEach(w -> context.err().println("warning: " + w));
    DeployReport report = DeployCheck.builder().stateDirectory(state).build().check(production, candidate);
    context.out().print(format.equals("json") ? report.toJson() : report.toText());
    context.out().flush();
    return report.hasBreakingChanges() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
