package dev.dbttriage.classify;

import java.util.Optional;

/**
 * One classification rule: a descriptor and a pure function from a {@link RuleContext} to an optional
 * {@link RuleMatch}.
 *
 * <p>Implementations must be immutable and thread-safe: one instance is shared by every thread that uses a
 * {@link Classifier}. A rule returns {@link Optional#empty()} when it does not apply. A rule should not throw;
 * if it does, the classifier ignores it for that message and records a warning.
 *
 * <p>Rules found by {@link Classifier.Builder#discoverRules()} through {@link java.util.ServiceLoader} need a
 * public no-argument constructor (or a public static {@code provider()} method in a named module).
 */
public interface Rule {
  /**
   * Returns the rule's stable identity and ordering.
   *
   * @return the descriptor, never null
   */
  RuleDescriptor descriptor();

  /**
   * Decides whether this rule explains the failure in {@code context}.
   *
   * @param context what is known about the failure
   * @return the match, or empty when the rule does not apply
   */
  Optional<RuleMatch> evaluate(RuleContext context);
}
