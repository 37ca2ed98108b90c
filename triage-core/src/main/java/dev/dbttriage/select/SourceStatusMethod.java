package dev.dbttriage.select;

import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.select.Spec.Criterion;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code source_status:fresher}: sources loaded later in the current sources.json than in the previous one. */
final class SourceStatusMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    SelectorEngine e = evaluation.engine();
    String v = criterion.value;
    SourceFreshness previous = e.context.previousSources().orElseThrow(() -> new SelectorSyntaxException(
        "No previous state comparison freshness results in sources.json", "source_status:" + v, -1));
    SourceFreshness current = e.context.currentSources().orElseThrow(() -> new SelectorSyntaxException(
        "No current state comparison freshness results in sources.json", "source_status:" + v, -1));
    if (!v.equals("fresher")) {
      return;
    }
    Map<String, String> prev = new HashMap<>();
    for (FreshnessResult r : previous.results()) {
      r.maxLoadedAt().ifPresent(t -> prev.put(r.uniqueId(), t));
    }
    Map<String, String> cur = new HashMap<>();
    for (FreshnessResult r : current.results()) {
      r.maxLoadedAt().ifPresent(t -> cur.put(r.uniqueId(), t));
    }
    for (Map.Entry<String, String> entry : cur.entrySet()) {
      String before = prev.get(entry.getKey());
      if (before == null || later(entry.getValue(), before)) {
        int i = e.graph.indexOf(entry.getKey());
        if (i >= 0) {
          out.set(i);
        }
      }
    }
  }

  private static boolean later(String now, String before) {
    Optional<OffsetDateTime> a = Py.timestamp(now);
    Optional<OffsetDateTime> b = Py.timestamp(before);
    if (a.isPresent() && b.isPresent()) {
      return a.get().isAfter(b.get());
    }
    return now.compareTo(before) > 0;
  }
}
