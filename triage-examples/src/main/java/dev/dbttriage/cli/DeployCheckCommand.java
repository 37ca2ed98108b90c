package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage deploy-check}. */
final class DeployCheckCommand implements CliCommand {
  @Override
  public String name() {
    return "deploy-check";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage deploy-check\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage deploy-check: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
