package dev.dbttriage.plan;

import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.triage.RootCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a failed target is heavy enough to be rebuilt in layers (alone, then its downstream): a normal
 * runtime above a threshold, or an incremental model with many models downstream. Immutable.
 */
final class Heaviness {
  private final double heavySeconds;
  private final int heavyDownstream;
  private final List<RunResults> history;

  Heaviness(double heavySeconds, int heavyDownstream, List<RunResults> history) {
    this.heavySeconds = heavySeconds;
    this.heavyDownstream = heavyDownstream;
    this.history = history;
  }

  /** Why the root is heavy ("normal runtime 900 s, incremental with 60 downstream models"); empty when not. */
  String of(RootCause root) {
    List<String> why = new ArrayList<>();
    double normal = normalRuntime(root.uniqueId());
    if (normal > heavySeconds) {
      why.add(String.format(Locale.ROOT, "normal runtime %.0f s", normal));
    }
    boolean incremental = root.node().map(n -> n.config().isIncremental()).orElse(false);
    if (incremental && root.blastRadius().models() > heavyDownstream) {
      why.add("incremental with " + root.blastRadius().models() + " downstream models");
    }
    return String.join(", ", why);
  }

  /** The median runtime of the node's successful runs in the history; 0 without one. */
  private double normalRuntime(String id) {
    List<Double> times = new ArrayList<>();
    for (RunResults run : history) {
      run.result(id).filter(r -> r.status() == RunStatus.SUCCESS).ifPresent(r -> times.add(r.executionTime()));
    }
    if (times.isEmpty()) {
      return 0;
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }
}
