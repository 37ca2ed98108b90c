package dev.dbttriage.bench;

import dev.dbttriage.log.DbtLog;
import dev.dbttriage.log.LogInvocation;
import dev.dbttriage.log.LogReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading 50 MB dbt logs: median seconds, MB/s, the heap's peak while reading and what the result retains. Run by
 * the {@code bench} profile in a JVM capped at {@code -Xmx100m}: finishing is itself the proof that a read
 * stays under 100 MB of heap. Two logs are made in the bench data directory when absent: {@code log50_many.log},
 * the dev logs of {@code ../shared/fixtures/logs} appended until 50 MB (many invocations of every format), and
 * {@code log50_one.log}, one dbt 1.7 build of 20,000 nodes with their SQL in the debug lines (one huge
 * invocation).
 */
public class LogBench {
  static final long TARGET = 50L << 20;

  public static void main(String[] a) throws IOException {
    Path data = Path.of(a[0]);
    Path logs = Path.of(a[1]);
    Files.createDirectories(data);
    Path many = data.resolve("log50_many.log");
    Path one = data.resolve("log50_one.log");
    if (!Files.exists(many)) {
      makeMany(logs, many);
    }
    if (!Files.exists(one)) {
      makeOne(one);
    }
    for (Path p : List.of(many, one)) {
      measure(p);
    }
  }

  static void measure(Path p) throws IOException {
    int warmup = Integer.getInteger("bench.warmup", 3);
    int runs = Integer.getInteger("bench.runs", 5);
    double mb = Files.size(p) / 1048576.0;
    long[] ms = new long[runs];
    DbtLog log = null;
    for (int i = 0; i < warmup + runs; i++) {
      resetPeaks();
      long t0 = System.nanoTime();
      log = LogReader.read(p);
      long t1 = System.nanoTime();
      if (i >= warmup) {
        ms[i - warmup] = (t1 - t0) / 1_000_000;
      }
    }
    long peak = peakHeap();
    System.gc();
    long retained = usedHeap();
    Arrays.sort(ms);
    int nodes = log.invocations().stream().mapToInt(inv -> inv.nodes().size()).sum();
    LogInvocation incident = log.incident().orElseThrow();
    System.out.printf("%s: %.1f MB, %d invocations, %d nodes (incident #%d: %d nodes, killed=%s)%n",
        p.getFileName(), mb, log.invocations().size(), nodes, incident.index(), incident.nodes().size(),
        incident.killed());
    System.out.printf("  read median %d ms (%.0f MB/s, min %d ms); heap peak %d MB of max %d MB; retained %d MB%n",
        ms[runs / 2], mb * 1000 / Math.max(1, ms[runs / 2]), ms[0], peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, retained >> 20);
    if (log.invocations().isEmpty()) {
      throw new IllegalStateException("nothing read");
    }
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The heap's peak: the sum of the heap pools' peaks, an upper bound of the peak of their sum. */
  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static void makeMany(Path logs, Path out) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(logs)) {
      s.filter(f -> f.toString().endsWith(".log")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no logs in " + logs);
    }
    try (var o = Files.newOutputStream(out)) {
      long written = 0;
      while (written < TARGET) {
        for (Path f : files) {
          byte[] b = Files.readAllBytes(f);
          o.write(b);
          written += b.length;
          if (written >= TARGET) {
            break;
          }
        }
      }
    }
  }

  static void makeOne(Path out) throws IOException {
    int n = 20_000;
    String id = "7f0ce1f0-7f34-497e-b440-6bff70d4d451";
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("\u001b[0m04:00:00.000001 [debug] [MainThread]: Sending event: {'category': 'dbt', 'action': "
          + "'invocation', 'label': 'start', 'context': []}\n\n\n");
      w.write("============================== 04:00:00.000001 | " + id + " ==============================\n");
      w.write("\u001b[0m04:00:00.000100 [info ] [MainThread]: Running with dbt=1.7.4\n");
      w.write("\u001b[0m04:00:00.000200 [debug] [MainThread]: running dbt with arguments {'invocation_command': "
          + "'dbt build', 'which': 'build'}\n");
      w.write("\u001b[0m04:00:01.000000 [info ] [MainThread]: Registered adapter: snowflake=1.7.1\n");
      long size = 0;
      for (int i = 1; i <= n && size < TARGET; i++) {
        String t = "Thread-" + (i % 8 + 1) + " (";
        String node = "model.bench.model_" + i;
        StringBuilder b = new StringBuilder();
        b.append("\u001b[0m04:00:02.000000 [debug] [").append(t).append("]: Began running node ").append(node).append('\n');
        b.append("\u001b[0m04:00:02.000001 [info ] [").append(t).append("]: ").append(i).append(" of ").append(n)
            .append(" START sql table model analytics.model_").append(i).append(" ............ [RUN]\n");
        b.append("\u001b[0m04:00:02.000002 [debug] [").append(t).append("]: On ").append(node)
            .append(": /* {\"app\": \"dbt\", \"node_id\": \"").append(node).append("\"} */\n");
        b.append("create or replace transient table analytics.model_").append(i).append(" as (\n");
        for (int k = 0; k < 30; k++) {
          b.append("    select col_").append(k).append(", sum(amount_").append(k)
              .append(") as total from analytics.model_").append(Math.max(1, i - 1)).append(" group by 1\n");
        }
        b.append(");\n");
        if (i % 50 == 0) {
          b.append("\u001b[0m04:00:03.000000 [debug] [").append(t).append("]: Database Error in model model_")
              .append(i).append(" (models/model_").append(i).append(".sql)\n  002003 (42S02): SQL compilation error:\n")
              .append("  Object 'ANALYTICS.RAW.SRC_").append(i).append("' does not exist or not authorized.\n");
          b.append("\u001b[0m04:00:03.000001 [error] [").append(t).append("]: ").append(i).append(" of ").append(n)
              .append(" ERROR creating sql table model analytics.model_").append(i).append(" .... [ERROR in 0.40s]\n");
        } else {
          b.append("\u001b[0m04:00:03.000001 [info ] [").append(t).append("]: ").append(i).append(" of ").append(n)
              .append(" OK created sql table model analytics.model_").append(i).append(" ....... [SUCCESS 1 in 0.40s]\n");
        }
        b.append("\u001b[0m04:00:03.000002 [debug] [").append(t).append("]: Finished running node ").append(node).append('\n');
        w.write(b.toString());
        size += b.length();
      }
    }
  }
}
