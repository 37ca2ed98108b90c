package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state of a project after several invocations: a run, then {@code dbt retry}s, or the steps of one
 * job. The newest result per node wins, and each node's history stays readable.
 *
 * <p>Runs are ordered by their {@code generated_at} when every run records one (ISO-8601 timestamps compare as
 * text), otherwise in the order given, oldest first. Instances are immutable and thread-safe.
 */
public final class RunState {
  private final List<RunResults> runs;
  private final Map<String, RunResult> current;
  private final Map<String, List<RunResult>> history;

  private RunState(List<RunResults> runs) {
    this.runs = runs;
    Map<String, RunResult> cur = new LinkedHashMap<>();
    Map<String, List<RunResult>> hist = new LinkedHashMap<>();
    for (RunResults run : runs) {
      for (RunResult r : run.results()) {
        cur.remove(r.uniqueId());
        cur.put(r.uniqueId(), r);
        hist.computeIfAbsent(r.uniqueId(), k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, List<RunResult>> frozen = new LinkedHashMap<>();
    hist.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.current = Collections.unmodifiableMap(cur);
    this.history = Collections.unmodifiableMap(frozen);
  }

  /**
   * Merges runs into one state.
   *
   * @param runs the runs, oldest first when they do not all record {@code generated_at}
   * @return the merged state
   */
  public static RunState of(List<RunResults> runs) {
    Objects.requireNonNull(runs, "runs");
    List<RunResults> ordered = new ArrayList<>(runs);
    boolean allTimed = ordered.stream().allMatch(r -> r.metadata().generatedAt().isPresent());
    if (allTimed) {
      ordered.sort(Comparator.comparing(r -> r.metadata().generatedAt().orElseThrow()));
    }
    return new RunState(List.copyOf(ordered));
  }

  /** Returns the runs, oldest first. */
  public List<RunResults> runs() {
    return runs;
  }

  /** Returns the newest run, if any. */
  public Optional<RunResults> latestRun() {
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /** Returns the newest result of every node that has one, in the order nodes were last reported. */
  public Map<String, RunResult> current() {
    return current;
  }

  /** Returns the newest result of a node, if any run reported it. */
  public Optional<RunResult> result(String uniqueId) {
    return Optional.ofNullable(current.get(uniqueId));
  }

  /** Returns every result of a node, oldest first; empty when no run reported it. */
  public List<RunResult> history(String uniqueId) {
    return history.getOrDefault(uniqueId, List.of());
  }
}
