package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage inspect}. */
final class InspectCommand implements CliCommand {
  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage inspect\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage inspect: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
