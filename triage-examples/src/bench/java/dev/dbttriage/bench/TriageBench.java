package dev.dbttriage.bench;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.rules.BuiltInRules;
import dev.dbttriage.select.SelectionContext;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * In-process benchmark of what happens after loading, run by the {@code bench} Maven profile (never by
 * {@code mvn verify}): typical selections on a generated manifest, and a whole triage (with the built-in
 * classifier) and rescue plan of a generated run. Arguments: target directories made by
 * {@code gen_manifest.py} (manifest.json + run_results.json). Prints median wall and CPU milliseconds.
 */
public final class TriageBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int warmup = Integer.getInteger("bench.warmup", 3);
    int runs = Integer.getInteger("bench.runs", 5);
    for (String a : args) {
      Path dir = Path.of(a);
      if (!Files.isRegularFile(dir.resolve("manifest.json")) || !Files.isRegularFile(dir.resolve("run_results.json"))) {
        System.out.println("bench: skipping " + dir + " (needs manifest.json and run_results.json)");
        continue;
      }
      TargetArtifacts target = Artifacts.readTarget(dir);
      int failures = 0;
      for (var r : target.runResults().orElseThrow().results()) {
        failures += r.status() == RunStatus.ERROR || r.status() == RunStatus.FAIL ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%s: %d nodes, %d results, %d failures%n", dir,
          target.manifest().nodes().size(), target.runResults().get().results().size(), failures);

      long t0 = System.nanoTime();
      SelectorEngine selector = SelectorEngine.of(target.manifest(),
          SelectionContext.builder().previousManifest(target.manifest()).build());
      System.out.printf(Locale.ROOT, "  selector engine built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      String model = target.manifest().models().stream().filter(n -> n.name().startsWith("int_")).map(Node::name)
          .findFirst().orElse(target.manifest().models().get(0).name());
      String tag = target.manifest().models().stream().flatMap(n -> n.tags().stream()).findFirst().orElse("daily");
      for (String expr : List.of("+" + model + "+", "tag:" + tag + "+", "state:modified+",
          "path:models/staging,config.materialized:incremental")) {
        measure("select " + expr, warmup, runs, () -> selector.select(expr).size());
      }

      TriageEngine engine = TriageEngine.builder().classifier(BuiltInRules.classifier()).build();
      TriageInput input = TriageInput.of(target);
      TriageReport report = engine.triage(input);
      measure("triage (" + report.failures().size() + " roots, " + report.skippedBy().size() + " skipped)",
          warmup, runs, () -> engine.triage(input).roots().size());
      RescuePlanner planner = RescuePlanner.builder().evaluator(selector::evaluate).build();
      RescuePlan plan = planner.plan(report, target.manifest());
      measure("plan (" + plan.steps().size() + " steps, verified=" + plan.verified() + ")", warmup, runs,
          () -> planner.plan(report, target.manifest()).steps().size());
    }
  }

  private static void measure(String what, int warmup, int runs, Supplier<Object> task) {
    for (int i = 0; i < warmup; i++) {
      task.get();
    }
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      task.get();
      wall.add((System.nanoTime() - w) / 1e6);
      cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
    }
    wall.sort(null);
    cpu.sort(null);
    System.out.printf(Locale.ROOT, "  %-62s %9.2f ms wall %9.2f ms cpu%n", what, wall.get(runs / 2),
        cpu.get(runs / 2));
  }
}
