package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A target's run results share the compiled SQL its manifest holds instead of keeping a second copy (a 1 GB
 * manifest's run keeps 85 MB less), and the text is unchanged.
 */
class CompiledCodeSharingTest {
  @Test
  void runResultsShareTheManifestsCompiledCode() {
    Path dir = Path.of(System.getProperty("dbttriage.shared", "../shared"),
        "fixtures/artifacts/0xlong_across-analytics/1.10.15_12e543b");
    assumeTrue(Files.isDirectory(dir), "fixture corpus absent: " + dir);
    TargetArtifacts target = Artifacts.readTarget(dir);
    RunResults alone = Artifacts.readRunResults(dir.resolve("run_results.json"));
    int shared = 0;
    for (RunResult r : target.runResults().orElseThrow().results()) {
      RunResult same = alone.result(r.uniqueId()).orElseThrow();
      assertThat(r.compiledCode()).isEqualTo(same.compiledCode());
      String inManifest = target.manifest().node(r.uniqueId()).flatMap(Node::compiledCode).orElse(null);
      if (r.compiledCode().isPresent() && r.compiledCode().get().equals(inManifest)) {
        assertThat(r.compiledCode().get()).isSameAs(inManifest);
        shared++;
      }
    }
    assertThat(shared).isEqualTo(27); // every result of this dbt 1.10.15 run, as the files say
  }
}
