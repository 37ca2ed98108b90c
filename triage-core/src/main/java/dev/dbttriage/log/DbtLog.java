package dev.dbttriage.log;

import dev.dbttriage.artifact.ArtifactWarning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dbt log, split into invocations.
 *
 * @param source the file name or stream description it was read from
 * @param invocations the invocations, in log order
 * @param warnings what the reader was lenient about (undecodable JSON lines, cut-off lines, lines it could not
 *     place), to reach every report built on this log
 */
public record DbtLog(String source, List<LogInvocation> invocations, List<ArtifactWarning> warnings) {

  /** Validates and copies the components. */
  public DbtLog {
    Objects.requireNonNull(source, "source");
    invocations = List.copyOf(invocations);
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns the invocation an incident is about: the last invocation that ran nodes.
   *
   * @return the invocation, or empty when no invocation of the log ran nodes
   */
  public Optional<LogInvocation> incident() {
    for (int i = invocations.size() - 1; i >= 0; i--) {
      if (invocations.get(i).ranNodes()) {
        return Optional.of(invocations.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the invocation an incident is about, preferring the one with a given invocation id (the id in the
   * manifest or run results of the same {@code target/}): that invocation when the log names it, else the last
   * invocation that ran nodes.
   *
   * @param invocationId the id to prefer, if any
   * @return the invocation, or empty when neither exists
   */
  public Optional<LogInvocation> incident(Optional<String> invocationId) {
    if (invocationId.isPresent()) {
      for (int i = invocations.size() - 1; i >= 0; i--) {
        LogInvocation inv = invocations.get(i);
        if (inv.invocationId().equals(invocationId) && inv.ranNodes()) {
          return Optional.of(inv);
        }
      }
    }
    return incident();
  }

  /**
   * Returns the invocation with an id, whatever it ran.
   *
   * @param invocationId the id
   * @return the invocation, if the log names it
   */
  public Optional<LogInvocation> invocation(String invocationId) {
    return invocations.stream().filter(i -> i.invocationId().filter(invocationId::equals).isPresent())
        .reduce((a, b) -> b);
  }
}
