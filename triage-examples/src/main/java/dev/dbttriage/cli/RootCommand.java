package dev.dbttriage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code dbt-triage} with no command: triages the bundled sample failing run (the README's demo) and says so.
 */
@Command(name = "dbt-triage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    usageHelpAutoWidth = true,
    description = {
        "Reads the artifacts a dbt run left in target/ and says what broke, why, and what to re-run.",
        "Without a command, triages the sample failing run bundled with dbt-triage (a demo: never your run)."},
    footerHeading = "%n",
    footer = {"Run 'dbt-triage COMMAND --help' for a command's options. Shell completion: "
        + "source <(dbt-triage generate-completion)",
        "Exit codes: 0 ok, 1 findings at or above the chosen severity, 2 bad usage or input."})
final class RootCommand implements Callable<Integer> {
  private final CliContext context;

  RootCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TriageCommand demo = new TriageCommand(context);
    demo.run.sample = true;
    demo.format = "text";
    demo.majorThreshold = 50;
    demo.minorThreshold = 2;
    return demo.call();
  }
}
