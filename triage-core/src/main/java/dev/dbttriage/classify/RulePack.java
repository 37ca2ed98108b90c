package dev.dbttriage.classify;

import java.util.List;

/**
 * A named group of rules offered as one {@link java.util.ServiceLoader} service, for packs whose rules are
 * table entries rather than one class each. {@link Classifier.Builder#discoverRules()} loads both
 * {@link Rule} and {@code RulePack} services.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface RulePack {
  /**
   * Returns the pack's name, such as {@code snowflake}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the rules of the pack.
   *
   * @return the rules, possibly empty
   */
  List<Rule> rules();
}
