package dev.dbttriage.examples;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.TriageReport;
import java.io.PrintStream;
import java.nio.file.Path;

/** The README's first example: triage a run and print each root cause with its re-run command. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Triages {@code args[0]} (a {@code target/} directory), or the bundled sample without arguments.
   *
   * @param args an optional target directory
   */
  public static void main(String[] args) {
    TargetArtifacts target = args.length > 0 ? Triage.readTarget(Path.of(args[0])) : SampleRun.load();
    print(target, System.out);
  }

  /**
   * Prints the root causes of a run.
   *
   * @param target the artifacts of the run
   * @param out where to print
   */
  public static void print(TargetArtifacts target, PrintStream out) {
    TriageReport report = Triage.triage(target);
    for (RootCause root : report.failures()) {
      out.printf("%-8s %-32s %s/%s, %d downstream%n         %s%n", root.severity(), root.name(),
          root.diagnosis().errorClass(), root.diagnosis().subclass(), root.blastRadius().size(),
          root.record().recoveryCommand());
    }
  }
}
