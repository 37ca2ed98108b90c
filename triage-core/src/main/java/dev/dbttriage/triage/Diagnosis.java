package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Classification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the classifier said about a root cause, in the triage report's terms.
 *
 * @param errorClass the class
 * @param subclass the subclass, such as {@link Subclass#PERMISSION_DENIED}
 * @param fixLayer where the fix lives
 * @param retryable whether re-running as-is may succeed (a transient failure)
 * @param advice what to do
 * @param rules the ids of the rules that matched, in order, the deciding one first
 * @param classification the classifier's full answer (objects named, evidence), when a classifier ran
 */
public record Diagnosis(
    ErrorClass errorClass,
    Subclass subclass,
    FixLayer fixLayer,
    boolean retryable,
    String advice,
    List<String> rules,
    Optional<Classification> classification) {
  /** Validates and copies the components. */
  public Diagnosis {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(fixLayer, "fixLayer");
    Objects.requireNonNull(advice, "advice");
    rules = List.copyOf(rules);
    Objects.requireNonNull(classification, "classification");
  }

  /**
   * Returns the diagnosis a classifier's answer gives.
   *
   * @param c the classification
   * @return the diagnosis
   */
  public static Diagnosis of(Classification c) {
    List<String> rules = c.evidence().stream().map(dev.dbttriage.classify.Evidence::ruleId).toList();
    return new Diagnosis(c.errorClass(), c.subclass(), c.fixLayer(), c.retryable(),
        c.advice(), rules, Optional.of(c));
  }

  /** Returns where the fix lives, in the runbook's words ("your code", "the upstream data pipeline", ...). */
  public String fixLayerText() {
    return switch (fixLayer) {
      case YOUR_CODE -> "your code";
      case YOUR_SQL_OR_PERMISSIONS -> "your SQL or your permissions";
      case REFS_OR_DELETED_UPSTREAM -> "your refs or a deleted upstream";
      case UPSTREAM_DATA_PIPELINE -> "the upstream data pipeline";
      case DATA_QUALITY -> "data quality";
      case WAREHOUSE_OR_INFRASTRUCTURE -> "warehouse / infrastructure";
      case ENVIRONMENT -> "the dbt environment (profiles, credentials, installation)";
      case ORCHESTRATION -> "the run's orchestration";
    };
  }
}
