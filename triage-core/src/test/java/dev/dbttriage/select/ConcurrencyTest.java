package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine, many threads: lazily built indexes (paths, config columns, state) give the same answers. */
class ConcurrencyTest {
  @Test
  void concurrentSelectionsAgreeWithSequentialOnes() throws Exception {
    TestManifest t = TestManifest.expansionProject();
    SelectorEngine engine = SelectorEngine.of(t.build(), SelectionContext.builder()
        .previousManifest(TestManifest.expansionProject().build()).build());
    List<String> selections = List.of("path:models", "config.materialized:view+", "state:unmodified", "model_a",
        "tag:x", "+model_a", "test_type:singular");
    SelectorEngine fresh = SelectorEngine.of(t.build(), SelectionContext.builder()
        .previousManifest(TestManifest.expansionProject().build()).build());
    List<Set<String>> expected = new ArrayList<>();
    for (String s : selections) {
      expected.add(fresh.select(s));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int k = 0; k < 200; k++) {
        int idx = k % selections.size();
        futures.add(pool.submit(() -> engine.select(selections.get(idx)).equals(expected.get(idx))));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.get(0)).contains("model.test.model_a", "model.test.model_b");
  }
}
