package dev.dbttriage.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * A small test kit for rule authors: checks that a rule matches real messages with the expected class and
 * subclass, stays silent on others, and survives hostile input. Failures are {@link AssertionError}s whose
 * message says what was expected and what was found, so it works with any test framework.
 *
 * <pre>{@code
 * RuleTester.of(new MyWarehouseRule())
 *     .matches("ERROR 4711: quota of warehouse X exhausted", ErrorClass.DATABASE, Subclass.RESOURCE_EXHAUSTED)
 *     .doesNotMatch("Got 3 results, configured to fail if != 0")
 *     .survivesHostileInput();
 * }</pre>
 *
 * <p>Not thread-safe; create one per test.
 */
public final class RuleTester {
  private final Rule rule;
  private final String id;

  private RuleTester(Rule rule) {
    this.rule = rule;
    RuleDescriptor d = rule.descriptor();
    if (d == null) {
      throw new AssertionError("rule " + rule.getClass().getName() + " returned no descriptor");
    }
    this.id = d.id();
  }

  /**
   * Starts testing a rule; checks that it has a descriptor.
   *
   * @param rule the rule
   * @return the tester
   * @throws NullPointerException if {@code rule} is null
   * @throws AssertionError if the rule has no descriptor
   */
  public static RuleTester of(Rule rule) {
    return new RuleTester(Objects.requireNonNull(rule, "rule"));
  }

  /**
   * Checks that the rule matches a message with this class and subclass.
   *
   * @param message the real message
   * @param errorClass the expected class
   * @param subclass the expected subclass
   * @return this tester
   * @throws AssertionError if the rule does not match or answers something else
   */
  public RuleTester matches(String message, ErrorClass errorClass, Subclass subclass) {
    return matches(RuleContext.ofMessage(message), errorClass, subclass);
  }

  /**
   * Checks that the rule matches a context with this class and subclass.
   *
   * @param context the context
   * @param errorClass the expected class
   * @param subclass the expected subclass
   * @return this tester
   * @throws AssertionError if the rule does not match or answers something else
   */
  public RuleTester matches(RuleContext context, ErrorClass errorClass, Subclass subclass) {
    Optional<RuleMatch> m = rule.evaluate(context);
    if (m == null || m.isEmpty()) {
      throw new AssertionError("expected rule '" + id + "' to match but it did not; message: "
          + abbreviate(context.message()));
    }
    if (m.get().errorClass() != errorClass || m.get().subclass() != subclass) {
      throw new AssertionError("expected rule '" + id + "' to answer " + errorClass + "/" + subclass
          + " but it answered " + m.get().errorClass() + "/" + m.get().subclass() + "; message: "
          + abbreviate(context.message()));
    }
    return this;
  }

  /**
   * Checks that the rule does not match a message.
   *
   * @param message the message
   * @return this tester
   * @throws AssertionError if the rule matches
   */
  public RuleTester doesNotMatch(String message) {
    Optional<RuleMatch> m = rule.evaluate(RuleContext.ofMessage(message));
    if (m != null && m.isPresent()) {
      throw new AssertionError("expected rule '" + id + "' not to match but it answered "
          + m.get().errorClass() + "/" + m.get().subclass() + "; message: " + abbreviate(message));
    }
    return this;
  }

  /**
   * Checks that the rule neither throws nor takes more than two seconds on empty, binary, unbalanced and very
   * long input.
   *
   * @return this tester
   * @throws AssertionError if the rule throws or is too slow
   */
  public RuleTester survivesHostileInput() {
    String[] inputs = {"", "\u0000\u001b[31m\uD800", "'\"`([{".repeat(5_000),
        "Database Error in model m (models/m.sql)\n" + "x ".repeat(200_000), "\n".repeat(50_000)};
    for (String input : inputs) {
      long start = System.nanoTime();
      try {
        rule.evaluate(RuleContext.ofMessage(input));
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("rule '" + id + "' threw " + e + " on input of " + input.length() + " chars", e);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (ms > 2_000) {
        throw new AssertionError("rule '" + id + "' took " + ms + " ms on input of " + input.length() + " chars");
      }
    }
    return this;
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }
}
