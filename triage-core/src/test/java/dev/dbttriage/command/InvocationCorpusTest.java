package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real run_results.json of the corpus: its invocation, replayed as a command, exists in the dbt version
 * that ran it (dbt did run it), which checks the version tables of {@link DbtFeature} and the flag table against
 * real invocations from 0.19 to Fusion.
 */
class InvocationCorpusTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  @Test
  void eachRecordedInvocationReplaysInItsOwnDbtVersion() throws IOException {
    assumeTrue(Files.isDirectory(ARTIFACTS), "fixture corpus not present");
    List<Path> files;
    try (Stream<Path> s = Files.walk(ARTIFACTS)) {
      files = s.filter(p -> p.getFileName().toString().equals("run_results.json")).sorted().toList();
    }
    int replayed = 0;
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      RunResults r = Artifacts.readRunResults(f);
      InvocationContext ctx = InvocationContext.of(r);
      Optional<DbtCommand> original = ctx.originalCommand();
      if (original.isEmpty() || ctx.dbtVersion().isEmpty()) {
        continue;
      }
      replayed++;
      List<String> reasons = original.get().unsupportedReasons(ctx.dbtVersion().get());
      if (!reasons.isEmpty()) {
        problems.add(ARTIFACTS.relativize(f) + ": " + original.get().render() + " -> " + reasons);
      }
      assertThat(original.get().renderFor(ctx.dbtVersion())).startsWith("dbt ");
    }
    assertThat(problems).isEmpty();
    // 97 files carry a dbt version and args; 3 record the rpc server (`which: rpc`), which has no command line
    assertThat(replayed).isEqualTo(94);
  }
}
