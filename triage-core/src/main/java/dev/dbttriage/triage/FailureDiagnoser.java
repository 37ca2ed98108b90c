package dev.dbttriage.triage;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.RuleContext;
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

  /**
   * Returns a diagnoser backed by a classifier: the message, the result, the node (resource type,
   * materialization, {@code test_metadata}), the adapter and the compiled code go into its rule context.
   *
   * @param classifier the classifier, such as {@code BuiltInRules.classifier()}
   * @return the diagnoser
   */
  static FailureDiagnoser of(Classifier classifier) {
    java.util.Objects.requireNonNull(classifier, "classifier");
    return (message, result, node, adapterType) -> {
      RuleContext.Builder ctx = RuleContext.builder().message(message);
      result.ifPresent(ctx::result);
      node.ifPresent(ctx::node);
      adapterType.ifPresent(ctx::adapter);
      result.flatMap(RunResult::compiledCode).or(() -> node.flatMap(Node::compiledCode))
          .ifPresent(ctx::compiledCode);
      return Diagnosis.of(classifier.classify(ctx.build()));
    };
  }
}
