package dev.dbttriage.decide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the evidence found about one model, as the decision table reads it. Not thread-safe; one per decision. */
final class Findings {
  /** Reasons that decide: a change that makes existing rows wrong. */
  final List<String> deciding = new ArrayList<>();
  /** Context that does not decide. */
  final List<String> info = new ArrayList<>();
  /** What the caller should know before acting. */
  final List<String> warnings = new ArrayList<>();
  /** Columns the model now has that the table lacks. */
  final Set<String> newColumns = new LinkedHashSet<>();
  /** A change of the table's structure (key, partitioning, types) that a backfill of a window cannot fix. */
  boolean structural;
  /** A change whose damage a targeted backfill of a time window can repair. */
  boolean windowable;
  /** Removed columns that on_schema_change: sync_all_columns handles. */
  boolean removedHandled;
  /** The relation moved (database, schema or alias), so the next run builds a new table in full. */
  boolean relationMoved;
}
