package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage plan}. */
final class PlanCommand implements CliCommand {
  @Override
  public String name() {
    return "plan";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage plan\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage plan: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
