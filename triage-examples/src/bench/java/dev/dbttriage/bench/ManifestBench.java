package dev.dbttriage.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * In-process benchmark of the manifest reader against a bare Jackson token scan of the same file, run by the
 * {@code bench} Maven profile (never by {@code mvn verify}). Arguments: manifest files or directories holding
 * {@code manifest.json} (searched one level deep). Prints, per file: median wall and CPU time of a bare
 * {@code nextToken()} scan, of a scan that also materialises every string, and of {@code Artifacts.readManifest};
 * load/scan ratios, MB/s, and the heap the loaded {@code Manifest} retains.
 */
public final class ManifestBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int warmup = Integer.getInteger("bench.warmup", 3);
    int runs = Integer.getInteger("bench.runs", 5);
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.sorted().forEach(d -> {
            if (Files.isRegularFile(d.resolve("manifest.json"))) {
              files.add(d.resolve("manifest.json"));
            } else if (d.getFileName().toString().equals("manifest.json")) {
              files.add(d);
            }
          });
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      }
    }
    if (files.isEmpty()) {
      System.out.println("bench: no manifests found in " + Arrays.toString(args)
          + "; generate one from the clone's root with: python3 ../shared/tools/gen_manifest.py --models 10000"
          + " --seed 1 --out ../bench-data/m10k (see docs/benchmarks.md)");
      return;
    }
    System.out.printf(Locale.ROOT, "bench: java %s, %d warm-up + %d measured runs each, max heap %d MB%n",
        System.getProperty("java.version"), warmup, runs, Runtime.getRuntime().maxMemory() >> 20);
    for (Path f : files) {
      bench(f, warmup, runs);
    }
  }

  private static void bench(Path file, int warmup, int runs) throws IOException {
    double mb = Files.size(file) / 1e6;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(200_000_000).build())
        .build();
    long[][] scan = new long[runs][];
    long[][] text = new long[runs][];
    long[][] load = new long[runs][];
    for (int i = 0; i < warmup + runs; i++) {
      long[] s = timed(() -> scan(factory, file, false));
      long[] t = timed(() -> scan(factory, file, true));
      long[] l = timed(() -> Artifacts.readManifest(file).nodes().size());
      if (i >= warmup) {
        scan[i - warmup] = s;
        text[i - warmup] = t;
        load[i - warmup] = l;
      }
    }
    long scanWall = median(scan, 0);
    long scanCpu = median(scan, 1);
    long textWall = median(text, 0);
    long loadWall = median(load, 0);
    long loadCpu = median(load, 1);
    long retained = retained(file);
    System.out.printf(Locale.ROOT, "%s (%.1f MB)%n", file, mb);
    System.out.printf(Locale.ROOT, "  token scan        %6d ms wall %6d ms cpu  %7.1f MB/s%n", scanWall / 1_000_000,
        scanCpu / 1_000_000, mb / (scanWall / 1e9));
    System.out.printf(Locale.ROOT, "  scan + getText    %6d ms wall               %7.1f MB/s%n",
        textWall / 1_000_000, mb / (textWall / 1e9));
    System.out.printf(Locale.ROOT, "  readManifest      %6d ms wall %6d ms cpu  %7.1f MB/s%n", loadWall / 1_000_000,
        loadCpu / 1_000_000, mb / (loadWall / 1e9));
    System.out.printf(Locale.ROOT, "  load / scan       %6.2fx wall %6.2fx cpu (target <= 1.20x)%n",
        (double) loadWall / scanWall, (double) loadCpu / scanCpu);
    System.out.printf(Locale.ROOT, "  retained heap     %6.1f MB = %.0f%% of the file (target < 40%%)%n",
        retained / 1e6, 100.0 * retained / Files.size(file));
  }

  interface Work {
    long run() throws IOException;
  }

  private static long sink;

  /** Returns {wall ns, thread cpu ns}. */
  private static long[] timed(Work work) throws IOException {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    sink += work.run();
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    return new long[] {t1 - t0, c1 - c0};
  }

  private static long scan(JsonFactory factory, Path file, boolean materialise) throws IOException {
    long n = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = factory.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        n++;
        if (materialise && t == JsonToken.VALUE_STRING) {
          n += p.getText().length();
        }
      }
    }
    return n;
  }

  private static long median(long[][] samples, int column) {
    long[] v = new long[samples.length];
    for (int i = 0; i < samples.length; i++) {
      v[i] = samples[i][column];
    }
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static long retained(Path file) {
    Runtime rt = Runtime.getRuntime();
    settle();
    long before = rt.totalMemory() - rt.freeMemory();
    Manifest held = Artifacts.readManifest(file);
    settle();
    long after = rt.totalMemory() - rt.freeMemory();
    sink += held.nodes().size();
    return after - before;
  }

  private static void settle() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
