package dev.dbttriage.triage;

import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node's history across the previous runs and the current ones: new, persistent or flaky. Each run is indexed
 * once. Immutable after construction; thread-safe.
 */
final class RunHistory {
  private final boolean enabled;
  private final List<RunResults> runs;
  private final List<Map<String, RunResult>> byId;
  /** How many of {@link #runs} are previous runs (they come first). */
  private final int previous;

  RunHistory(TriageInput input) {
    this.enabled = !input.previousRuns().isEmpty();
    if (!enabled) {
      runs = List.of();
      byId = List.of();
      previous = 0;
      return;
    }
    // Previous runs are older by definition: ordered among themselves (RunState sorts by generated_at), then
    // the current ones; a previous run that is also a current one counts once, as current.
    Set<String> seen = new HashSet<>();
    input.current().runs().forEach(r -> seen.add(invocationKey(r)));
    List<RunResults> all = new ArrayList<>();
    for (RunResults run : RunState.of(input.previousRuns()).runs()) {
      if (seen.add(invocationKey(run))) {
        all.add(run);
      }
    }
    previous = all.size();
    all.addAll(input.current().runs());
    runs = List.copyOf(all);
    List<Map<String, RunResult>> maps = new ArrayList<>();
    for (RunResults run : runs) {
      Map<String, RunResult> m = new HashMap<>();
      // the last one when a file lists an id twice
      run.results().forEach(r -> m.put(r.uniqueId(), r));
      maps.add(m);
    }
    byId = List.copyOf(maps);
  }

  private static String invocationKey(RunResults run) {
    return run.metadata().invocationId().orElse("") + "|" + run.metadata().generatedAt().orElse("") + "|"
        + run.results().size();
  }

  /** Returns the history of a node, or empty when no previous runs were given. */
  Optional<FailureHistory> of(String id) {
    if (!enabled) {
      return Optional.empty();
    }
    List<Boolean> failed = new ArrayList<>();
    List<Optional<String>> when = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      RunResult r = byId.get(k).get(id);
      if (r != null && r.status() != RunStatus.SKIPPED) {
        failed.add(SkipAttribution.NODE_FAILURES.contains(r.status()));
        when.add(runs.get(k).metadata().generatedAt());
      }
    }
    int observed = failed.size();
    int failures = (int) failed.stream().filter(b -> b).count();
    int streak = 0;
    for (int k = observed - 1; k >= 0 && failed.get(k); k--) {
      streak++;
    }
    int transitions = 0;
    for (int k = 1; k < observed; k++) {
      if (!failed.get(k).equals(failed.get(k - 1))) {
        transitions++;
      }
    }
    HistoryPattern pattern;
    if (failures >= 2 && transitions >= 2) {
      pattern = HistoryPattern.FLAKY;
    } else if (streak >= 2) {
      pattern = HistoryPattern.PERSISTENT;
    } else {
      pattern = HistoryPattern.NEW;
    }
    Optional<String> firstSeen = streak > 0 ? when.get(observed - streak) : Optional.empty();
    return Optional.of(new FailureHistory(observed, failures, streak, firstSeen, pattern, normalTime(id)));
  }

  /** The median execution time of a node over the previous runs in which it succeeded or passed. */
  private java.util.OptionalDouble normalTime(String id) {
    List<Double> times = new ArrayList<>();
    for (int k = 0; k < previous; k++) {
      RunResult r = byId.get(k).get(id);
      if (r != null && (r.status() == RunStatus.SUCCESS || r.status() == RunStatus.PASS) && r.executionTime() > 0) {
        times.add(r.executionTime());
      }
    }
    if (times.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    times.sort(null);
    int m = times.size() / 2;
    return java.util.OptionalDouble.of(times.size() % 2 == 1 ? times.get(m) : (times.get(m - 1) + times.get(m)) / 2);
  }
}
