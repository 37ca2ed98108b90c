package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage triage}. */
final class TriageCommand implements CliCommand {
  @Override
  public String name() {
    return "triage";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage triage\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage triage: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
