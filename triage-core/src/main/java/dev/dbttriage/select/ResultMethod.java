package dev.dbttriage.select;

import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code result:}: resources whose status in the comparison run results equals the value. */
final class ResultMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    SelectorEngine e = evaluation.engine();
    String v = criterion.value;
    RunResults results = e.context.previousRunResults().orElseThrow(() ->
        new SelectorSyntaxException("No comparison run_results", "result:" + v, -1));
    for (RunResult r : results.results()) {
      if (r.rawStatus().equals(v)) {
        int i = e.graph.indexOf(r.uniqueId());
        if (i >= 0) {
          out.set(i);
        }
      }
    }
  }
}
