package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one comparison of two manifests (dbt's state: rules) and its macro rule. */
class ManifestComparisonTest {
  private static TestManifest project(boolean withInner) {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("a").unrenderedConfig(Map.of("materialized", "table")).build());
    t.add(t.modelBuilder("b", "a").dependsOnMacros(List.of("macro.test.helper")).build());
    t.macros.put("macro.test.helper", new Macro("macro.test.helper", "helper", "test", "macros/h.sql",
        "{% macro helper() %}{{ inner() }}{% endmacro %}", List.of("macro.test.inner")));
    if (withInner) {
      t.macros.put("macro.test.inner", new Macro("macro.test.inner", "inner", "test", "macros/i.sql",
          "{% macro inner() %}1{% endmacro %}", List.of()));
    }
    return t;
  }

  /**
   * dbt-core's StateSelectorMethod._macros_modified appends every uid of the old manifest's macros that the new
   * one lacks, so a resource reaching a removed macro is modified; ManifestDiff used to skip removed macros.
   */
  @Test
  void removedMacroCountsAsModified() {
    Manifest previous = project(true).build();
    Manifest current = project(false).build();
    ManifestComparison c = ManifestComparison.of(previous, current);
    Node b = current.node("model.test.b").orElseThrow();
    assertThat(c.modifiedMacros()).containsExactly("macro.test.inner");
    assertThat(c.changedMacro(b)).contains("macro.test.helper");
    assertThat(c.matches("modified.macros", b)).isTrue();
    assertThat(c.matches("modified", b)).isTrue();
    assertThat(c.matches("modified", current.node("model.test.a").orElseThrow())).isFalse();
    SelectorEngine engine = SelectorEngine.of(current, SelectionContext.builder().previousManifest(previous).build());
    assertThat(engine.select("state:modified")).containsExactly("model.test.b");
  }

  @Test
  void unchangedMacrosModifyNothing() {
    ManifestComparison c = ManifestComparison.of(project(true).build(), project(true).build());
    assertThat(c.modifiedMacros()).isEmpty();
    assertThat(c.changedMacro(project(true).build().node("model.test.b").orElseThrow())).isEmpty();
  }

  @Test
  void newResourceIsNewAndModified() {
    TestManifest now = project(true);
    now.add(now.modelBuilder("c", "a").build());
    Manifest current = now.build();
    ManifestComparison c = ManifestComparison.of(project(true).build(), current);
    Node added = current.node("model.test.c").orElseThrow();
    assertThat(c.previousVersion("model.test.c")).isEmpty();
    assertThat(c.matches("new", added)).isTrue();
    assertThat(c.matches("modified", added)).isTrue();
    assertThat(c.matches("modified.macros", added)).isFalse();
    assertThat(ManifestComparison.modified(Optional.empty(), added)).isTrue();
  }

  @Test
  void unknownStateValueNamesTheValidOnes() {
    Manifest m = project(true).build();
    assertThatThrownBy(() -> ManifestComparison.of(m, m).matches("changed", m.node("model.test.a").orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'changed' is not a state: value; valid values: new, old, modified, unmodified, modified.body,"
            + " modified.configs, modified.persisted_descriptions, modified.relation, modified.macros,"
            + " modified.contract");
  }
}
