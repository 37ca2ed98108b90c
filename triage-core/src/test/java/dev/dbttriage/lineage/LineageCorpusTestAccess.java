package dev.dbttriage.lineage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Shares the corpus listing of {@link LineageCorpusTest} with other test packages. */
public final class LineageCorpusTestAccess {
  private LineageCorpusTestAccess() {}

  /** Returns the corpus directory, or skips the test when absent. */
  public static Path corpus() {
    return LineageCorpusTest.corpus();
  }

  /** Returns the corpus manifests whose maps were not trimmed by hand. */
  public static List<Path> manifests(Path dir) throws IOException {
    return LineageCorpusTest.manifests(dir);
  }
}
