package dev.dbttriage.decide;

import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One model's run history: normal incremental time, last full refresh, repeated failures, cadence. */
final class History {
  private record Entry(RunStatus status, double seconds, boolean fullRefresh, Optional<Instant> at) {}

  private final List<Entry> entries;

  private History(List<Entry> entries) {
    this.entries = entries;
  }

  static History of(Optional<RunState> state, String id, Optional<RunResult> latest) {
    List<Entry> entries = new ArrayList<>();
    RunResult last = null;
    if (state.isPresent()) {
      for (RunResults run : state.get().runs()) {
        Optional<RunResult> r = run.result(id);
        if (r.isPresent()) {
          entries.add(new Entry(r.get().status(), r.get().executionTime(), run.args().fullRefresh(),
              run.metadata().generatedAt().flatMap(History::parse)));
          last = r.get();
        }
      }
    }
    if (latest.isPresent() && !latest.get().equals(last)) {
      entries.add(new Entry(latest.get().status(), latest.get().executionTime(), false, Optional.empty()));
    }
    return new History(List.copyOf(entries));
  }

  /** The median execution time of successful incremental (not full-refresh) runs. */
  OptionalDouble normalSeconds() {
    List<Double> times = new ArrayList<>();
    for (Entry e : entries) {
      if (e.status == RunStatus.SUCCESS && !e.fullRefresh && e.seconds > 0) {
        times.add(e.seconds);
      }
    }
    return median(times);
  }

  int successfulIncrementalRuns() {
    return (int) entries.stream().filter(e -> e.status == RunStatus.SUCCESS && !e.fullRefresh && e.seconds > 0)
        .count();
  }

  /** The execution time of the latest successful full refresh, if the history has one. */
  OptionalDouble lastFullRefreshSeconds() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.status == RunStatus.SUCCESS && e.fullRefresh && e.seconds > 0) {
        return OptionalDouble.of(e.seconds);
      }
    }
    return OptionalDouble.empty();
  }

  /** How many of the latest results in a row are failures. */
  int consecutiveFailures() {
    int n = 0;
    for (int i = entries.size() - 1; i >= 0 && entries.get(i).status.isFailure(); i--) {
      n++;
    }
    return n;
  }

  /** The median interval between the runs that reported the model, when at least two carry a timestamp. */
  Optional<Duration> cadence() {
    List<Instant> times = new ArrayList<>();
    entries.forEach(e -> e.at.ifPresent(times::add));
    times.sort(null);
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add((double) Duration.between(times.get(i - 1), times.get(i)).getSeconds());
    }
    OptionalDouble m = median(gaps);
    return m.isPresent() && m.getAsDouble() > 0
        ? Optional.of(Duration.ofSeconds((long) m.getAsDouble())) : Optional.empty();
  }

  /** The time of the latest successful run, if recorded. */
  Optional<Instant> lastSuccessAt() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.status == RunStatus.SUCCESS && e.at.isPresent()) {
        return e.at;
      }
    }
    return Optional.empty();
  }

  /** The time of the latest run that reported the model, if recorded. */
  Optional<Instant> lastRunAt() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).at.isPresent()) {
        return entries.get(i).at;
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> parse(String text) {
    String t = text.trim();
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(java.time.LocalDateTime.parse(t.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        try {
          return Optional.of(java.time.LocalDate.parse(t).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e3) {
          return Optional.empty();
        }
      }
    }
  }

  private static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }
}
