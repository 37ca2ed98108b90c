package dev.dbttriage.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, in one line at the end of a test run, where the fixture corpus was looked for and how many tests
 * skipped themselves (corpus tests skip when {@code ../shared/fixtures} is absent), so a green build on a clone
 * without the corpus does not pass for a full one. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class CorpusReport implements TestExecutionListener {
  private final AtomicInteger run = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();

  /** Creates the listener; JUnit's launcher does, through the service file. */
  public CorpusReport() {}

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      run.incrementAndGet();
      skipped.incrementAndGet();
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest()) {
      run.incrementAndGet();
      if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
        skipped.incrementAndGet();
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (run.get() == 0 && skipped.get() == 0) {
      return;
    }
    Path corpus = Path.of(System.getProperty("dbttriage.shared", "../shared")).resolve("fixtures")
        .toAbsolutePath().normalize();
    String where = Files.isDirectory(corpus) ? "fixture corpus found at " + corpus
        : "fixture corpus NOT found at " + corpus + " (put shared/ beside the clone or pass -Ddbttriage.shared=DIR)";
    System.out.println("dbt-triage tests: " + where + "; " + skipped.get() + " of " + run.get()
        + " tests skipped");
  }
}
