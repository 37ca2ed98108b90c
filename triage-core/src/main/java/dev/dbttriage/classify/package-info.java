/**
 * Failure classification: a small rule SPI ({@link dev.dbttriage.classify.Rule},
 * {@link dev.dbttriage.classify.RuleDescriptor}, {@link dev.dbttriage.classify.RuleContext},
 * {@link dev.dbttriage.classify.RuleMatch}) and an immutable engine ({@link dev.dbttriage.classify.Classifier})
 * that turns a dbt error message, and what is known about its node and adapter, into a
 * {@link dev.dbttriage.classify.Classification}: the error class, the subclass that decides the recovery path,
 * where the fix lives, whether a retry can help, the objects the message names, advice, and the evidence.
 *
 * <p>The built-in rule packs live in the {@code dev.dbttriage.rules} module ({@code BuiltInRules}).
 */
package dev.dbttriage.classify;
