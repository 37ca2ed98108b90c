package dev.dbttriage.triage;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import java.util.Optional;

/**
 * Turns one failure into a {@link Diagnosis}. The triage engine calls it once per root cause; implementations
 * must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface FailureDiagnoser {
  /**
   * Diagnoses a failure.
   *
   * @param message the error message (empty for a freshness verdict or a node with no message)
   * @param result the node's result, if it has one
   * @param node the node, if the manifest has it
   * @param adapterType the manifest's adapter type, if recorded
   * @return the diagnosis
   */
  Diagnosis diagnose(String message, Optional<RunResult> result, Optional<Node> node, Optional<String> adapterType);
}
