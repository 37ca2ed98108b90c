package dev.dbttriage.triage;

/** The runbook's resolution kinds. */
public enum ResolutionKind {
  /** Fix the model's code, refs or config. */
  CODE_FIX("Code fix"),
  /** Rebuild an incremental model with {@code --full-refresh}. */
  FULL_REFRESH("Full refresh"),
  /** Grant the service account what it lacks. */
  PERMISSIONS("Permissions"),
  /** Fix the upstream data or pipeline, not dbt. */
  UPSTREAM("Upstream"),
  /** Re-run as-is: the failure was transient. */
  RETRY("Retry"),
  /** Hand over to the platform or warehouse owners. */
  ESCALATE("Escalate");

  private final String label;

  ResolutionKind(String label) {
    this.label = label;
  }

  /** Returns the runbook's label, such as {@code Full refresh}. */
  public String label() {
    return label;
  }
}
