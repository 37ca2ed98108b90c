package dev.dbttriage.deploy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One way to undo the deploy on the project's adapter, with its expected recovery time. Instances are
 * immutable and thread-safe.
 *
 * @param kind the strategy
 * @param adapter the adapter the commands are written for
 * @param expectedRecovery the expected recovery time, in words ({@code seconds to tens of seconds})
 * @param estimatedSeconds an estimate in seconds from run history, when history was given (rebuilds only)
 * @param prerequisites what must be true for the strategy to work
 * @param commands the commands to paste, with placeholders in angle brackets where the artifacts cannot know
 *     the value
 */
public record RollbackStrategy(
    RollbackKind kind,
    String adapter,
    String expectedRecovery,
    OptionalDouble estimatedSeconds,
    String prerequisites,
    List<String> commands) {
  /** Validates and copies the components. */
  public RollbackStrategy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(expectedRecovery, "expectedRecovery");
    Objects.requireNonNull(estimatedSeconds, "estimatedSeconds");
    Objects.requireNonNull(prerequisites, "prerequisites");
    commands = List.copyOf(commands);
  }
}
