package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.ErrorClass;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several root causes that look like one problem: the same class and subclass, against the same schema or
 * dataset when the messages name relations (seventeen staging models failing with "table not found" in one
 * {@code raw} dataset are one missing dataset, not seventeen bugs).
 *
 * @param errorClass the shared class
 * @param subclass the shared subclass
 * @param scope the shared schema or dataset the messages name (the relation name less its last part), if any
 * @param roots the unique ids of the roots, sorted
 * @param summary one sentence for a person
 */
public record CommonCause(ErrorClass errorClass, Subclass subclass, Optional<String> scope, List<String> roots,
    String summary) {
  /** Validates and copies the components. */
  public CommonCause {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(scope, "scope");
    roots = List.copyOf(roots);
    Objects.requireNonNull(summary, "summary");
  }
}
