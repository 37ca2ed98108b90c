package dev.dbttriage.artifact;

import java.util.List;

/**
 * A microbatch model's {@code batch_results}: the batches that succeeded and those that failed, each as a
 * {@code [start, end]} pair of timestamps as written.
 *
 * @param successful the successful batches
 * @param failed the failed batches
 */
public record BatchResults(List<List<String>> successful, List<List<String>> failed) {
  /** Copies the components. */
  public BatchResults {
    successful = successful.stream().map(List::copyOf).toList();
    failed = failed.stream().map(List::copyOf).toList();
  }
}
