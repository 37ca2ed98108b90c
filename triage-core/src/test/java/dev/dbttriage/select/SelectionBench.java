package dev.dbttriage.select;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small timing harness (not a test): loads a manifest, builds one engine and times typical selections.
 * Run: {@code java -cp <test classpath> dev.dbttriage.select.SelectionBench MANIFEST [PREVIOUS_MANIFEST]}.
 */
final class SelectionBench {
  private SelectionBench() {}

  /** A layered DAG of {@code n} models (each reading up to three earlier ones) with one test per model. */
  static Manifest synthetic(int n) {
    TestManifest t = new TestManifest("bench");
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < n; i++) {
      List<String> deps = new java.util.ArrayList<>();
      for (int k = 0; k < 3 && i > 0; k++) {
        deps.add("model.bench.m" + random.nextInt(i));
      }
      String folder = i % 3 == 0 ? "staging" : "marts";
      t.add(t.modelBuilder("m" + i).dependsOnNodes(deps.stream().distinct().toList())
          .fqn(List.of("bench", folder, "m" + i)).originalFilePath("models/" + folder + "/m" + i + ".sql")
          .tags(List.of("t" + (i % 50))).config(java.util.Map.of("materialized", i % 7 == 0 ? "incremental" : "view"))
          .build());
      t.genericTest("not_null_m" + i, "not_null", "model.bench.m" + i);
    }
    return t.build();
  }

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Manifest manifest = args[0].startsWith("synthetic:")
        ? synthetic(Integer.parseInt(args[0].substring("synthetic:".length())))
        : Artifacts.readManifest(Path.of(args[0]));
    long t1 = System.nanoTime();
    Manifest previous = args.length > 1 ? Artifacts.readManifest(Path.of(args[1])) : manifest;
    t1 = System.nanoTime();
    SelectorEngine engine = SelectorEngine.of(manifest, SelectionContext.builder().previousManifest(previous)
        .build());
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "read/generate %.0f ms, engine %.0f ms, %d vertices%n", (t1 - t0) / 1e6,
        (t2 - t1) / 1e6, engine.lineage().size());
    String hub = manifest.models().get(manifest.models().size() / 2).name();
    String tag = manifest.models().stream().flatMap(n -> n.tags().stream()).findFirst().orElse("none");
    engine.select(SelectionRequest.builder().select("state:modified path:x").build());
    List<String> selections = List.of("+" + hub + "+", "tag:" + tag + "+", "state:modified+",
        "path:models/staging,config.materialized:incremental", "fqn:*", "@" + hub,
        "path:models/staging", "config.materialized:incremental", hub, "staging");
    for (String s : selections) {
      SelectionRequest request = SelectionRequest.builder().select(s).build();
      long first = System.nanoTime();
      int size = engine.select(request).size();
      long firstMs = System.nanoTime() - first;
      int runs = 50;
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = mx.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        engine.select(request);
      }
      double avg = (System.nanoTime() - start) / 1e6 / runs;
      double cpuAvg = (mx.getCurrentThreadCpuTime() - cpu) / 1e6 / runs;
      System.out.printf(Locale.ROOT, "%-55s %7d ids  first %6.1f ms  warm %6.2f ms wall, %6.2f ms cpu%n", s, size,
          firstMs / 1e6, avg, cpuAvg);
    }
  }
}
