package dev.dbttriage.cli;

import java.util.List;

/** {@code dbt-triage ls}. */
final class LsCommand implements CliCommand {
  @Override
  public String name() {
    return "ls";
  }

  @Override
  public String summary() {
    return "(not built yet)";
  }

  @Override
  public String help() {
    return "usage: dbt-triage ls\n";
  }

  @Override
  public int run(List<String> args, CliContext context) {
    context.err().println("dbt-triage ls: not built yet");
    return ExitCodes.USAGE_OR_INPUT;
  }
}
