package dev.dbttriage.classify;

/** Whether re-running the same thing, unchanged, can succeed. */
public enum Transience {
  /** A retry can succeed without a change (a timeout on a busy warehouse, a lock, a network blip). */
  TRANSIENT,
  /** Something must change first (code, grants, data, configuration). */
  PERSISTENT,
  /** The message does not say. */
  UNKNOWN
}
