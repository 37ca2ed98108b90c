package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Glob matching that stays fast on hostile patterns, and paths that climb out of the project (issues 14, 15). */
class PathGlobTest {
  /** A project of 484 files in nested folders, as in the report. */
  private static List<String> files() {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 484; i++) {
      files.add("models/d" + (i % 11) + "/e" + (i % 7) + "/m" + i + ".sql");
    }
    return files;
  }

  @Test
  void repeatedDoubleStarIsLinearAndSelectsWhatOneDoubleStarSelects() {
    PathGlob glob = new PathGlob(files());
    String hostile = "**/".repeat(160) + "*.sql";
    long start = System.nanoTime();
    var hostileMatches = glob.glob(hostile);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(hostileMatches).hasSize(484).isEqualTo(glob.glob("**/*.sql"));
    assertThat(millis).as("97 s before the fix").isLessThan(2_000);
  }

  @Test
  void alternatingDoubleStarsAndNamesAreBounded() {
    PathGlob glob = new PathGlob(files());
    String hostile = "models/" + "**/d1/**/".repeat(40) + "*.sql";
    long start = System.nanoTime();
    assertThat(glob.glob(hostile)).isEmpty(); // d1 never nests in d1
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThat(glob.glob("models/**/d1/**/*.sql")).hasSize(44);
  }

  @Test
  void manyStarsInOneNameDoNotBacktrackExponentially() {
    String name = "a".repeat(60);
    String pattern = "*a".repeat(30) + "*b";
    long start = System.nanoTime();
    assertThat(Fnmatch.matches(name, pattern)).isFalse();
    assertThat(Fnmatch.matches(name + "b", pattern)).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }

  @Test
  void fnmatchKeepsPythonSemantics() {
    assertThat(Fnmatch.matches("orders.sql", "*.sql")).isTrue();
    assertThat(Fnmatch.matches("orders.sql", "order?.sql")).isTrue();
    assertThat(Fnmatch.matches("orders.sql", "[a-o]rders.sql")).isTrue();
    assertThat(Fnmatch.matches("orders.sql", "[!o]rders.sql")).isFalse();
    assertThat(Fnmatch.matches("[x", "[x")).isTrue(); // an unclosed bracket is a literal
    assertThat(Fnmatch.matches("a]b", "a[]]b")).isTrue(); // ']' first in a class is a member
    assertThat(Fnmatch.matches("a\nb", "a*b")).isTrue(); // '*' crosses newlines (re.DOTALL)
    assertThat(Fnmatch.matches("ab", "a*b*")).isTrue();
    assertThat(Fnmatch.matches("a", "a**")).isTrue();
    assertThat(Fnmatch.matches("", "*")).isTrue();
    assertThat(Fnmatch.matches("", "?")).isFalse();
    assertThat(Fnmatch.matches("z-", "z[a-]")).isTrue();
  }

  @Test
  void literalDotDotClimbsOutAsRecordedButWildcardsDoNot() {
    PathGlob glob = new PathGlob(List.of("../seeds/x.csv", "models/a.sql"));
    assertThat(glob.glob("../seeds/x.csv")).containsExactly("../seeds/x.csv");
    assertThat(glob.glob("../seeds")).containsExactly("../seeds");
    assertThat(glob.glob("../seeds/*.csv")).containsExactly("../seeds/x.csv");
    assertThat(glob.glob("*/seeds/x.csv")).isEmpty(); // a directory listing never holds ".."
    assertThat(glob.glob("**/*.csv")).isEmpty();
    assertThat(glob.glob("models/../seeds/x.csv")).isEmpty(); // dbt compares without normalising ".."
  }

  @Test
  void pathSelectorMatchesSeedsOutsideTheProjectAsDbtDoes() {
    // dbt's integration-test projects set seed-paths: ["../seeds"]; dbt ls --select path:../seeds/x.csv
    // globs the file on disk and compares "../seeds/x.csv" with the seed's original_file_path.
    TestManifest t = new TestManifest("test");
    t.model("a");
    t.add(Node.builder("seed.test.x", ResourceType.SEED).packageName("test").fqn(List.of("test", "x"))
        .originalFilePath("../seeds/x.csv").build());
    SelectorEngine e = SelectorEngine.of(t.build());
    SelectionRequest.Builder req = SelectionRequest.builder().indirectSelection(IndirectSelection.EMPTY);
    assertThat(e.select(req.select("path:../seeds/x.csv").build()).ids()).containsExactly("seed.test.x");
    assertThat(e.select(SelectionRequest.builder().select("path:../seeds").build()).ids())
        .containsExactly("seed.test.x");
    assertThat(e.select(SelectionRequest.builder().select("path:*/x.csv").build()).ids()).isEmpty();
  }
}
