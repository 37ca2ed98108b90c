package dev.dbttriage.artifact;

import java.util.Objects;
import java.util.Optional;

/**
 * One phase of a node's execution ({@code compile} or {@code execute}) from {@code timing}.
 *
 * @param name the phase name
 * @param startedAt the start timestamp as written, if any
 * @param completedAt the completion timestamp as written, if any
 */
public record Timing(String name, Optional<String> startedAt, Optional<String> completedAt) {
  /** Validates the components. */
  public Timing {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
