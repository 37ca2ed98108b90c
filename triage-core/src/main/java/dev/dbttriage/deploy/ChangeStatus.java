package dev.dbttriage.deploy;

/** Whether a resource is new, modified, removed or disabled in the candidate manifest. */
public enum ChangeStatus {
  /** Only the candidate has it. */
  NEW,
  /** Both have it, and something differs. */
  MODIFIED,
  /** Only production has it. */
  REMOVED,
  /** Production has it enabled; the candidate lists it under {@code disabled}. */
  DISABLED
}
