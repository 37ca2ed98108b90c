package dev.dbttriage.bench;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.rules.BuiltInRules;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Triage and a verified rescue plan of one generated failing run, together, as a platform calls them: median wall
 * milliseconds and the bytes allocated on every thread (the triage diagnoses roots on a pool). Run by the
 * {@code bench} profile; data from {@code gen_manifest.py --model-error 0.1}.
 */
public class TriagePlanBench {
  static long allocated() {
    com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = t.getAllThreadIds();
    return Arrays.stream(t.getThreadAllocatedBytes(ids)).filter(x -> x > 0).sum();
  }
  public static void main(String[] a) {
    TargetArtifacts target = Artifacts.readTarget(Path.of(a[0]));
    TriageEngine engine = TriageEngine.builder().classifier(BuiltInRules.classifier()).build();
    int warmup = Integer.getInteger("bench.warmup", 3);
    int runs = Integer.getInteger("bench.runs", 5);
    long[] ms = new long[runs];
    long[] mb = new long[runs];
    for (int i = 0; i < runs + warmup; i++) {
      long a0 = allocated();
      long t0 = System.nanoTime();
      TriageReport r = engine.triage(TriageInput.of(target));
      var plan = Triage.plan(r, target.manifest());
      long t1 = System.nanoTime();
      long a1 = allocated();
      if (i >= warmup) {
        ms[i - warmup] = (t1 - t0) / 1_000_000;
        mb[i - warmup] = (a1 - a0) >> 20;
      }
      if (i == 0) {
        System.out.println("roots=" + r.roots().size() + " steps=" + plan.steps().size() + " verified=" + plan.verified());
      }
    }
    Arrays.sort(ms);
    Arrays.sort(mb);
    System.out.println("triage+plan median " + ms[runs / 2] + " ms, allocated " + mb[runs / 2] + " MB (min " + ms[0] + " ms)");
  }
}
