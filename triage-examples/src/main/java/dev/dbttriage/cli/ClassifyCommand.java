package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage classify}. */
final class ClassifyCommand implements CliCommand {
  @Override
  public String name() {
    return "classify";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage classify\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage classify: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
