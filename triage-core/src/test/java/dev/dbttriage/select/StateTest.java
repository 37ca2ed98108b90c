package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Checksum;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.SourceFreshness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** state:, result: and source_status: (section 6). */
class StateTest {
  private static TestManifest base() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("a").unrenderedConfig(Map.of("materialized", "table")).build());
    t.add(t.modelBuilder("b", "a").dependsOnMacros(List.of("macro.test.helper")).build());
    t.add(Node.builder("seed.test.s", ResourceType.SEED).packageName("test").fqn(List.of("test", "s"))
        .checksum(new Checksum("sha256", "abc")).build());
    t.source("raw", "orders");
    t.macros.put("macro.test.helper", new Macro("macro.test.helper", "helper", "test", "macros/h.sql",
        "{% macro helper() %}1{% endmacro %}", List.of("macro.test.inner")));
    t.macros.put("macro.test.inner", new Macro("macro.test.inner", "inner", "test", "macros/h.sql",
        "{% macro inner() %}1{% endmacro %}", List.of()));
    return t;
  }

  private static List<String> ls(Manifest current, Manifest previous, String select) {
    SelectionContext ctx = SelectionContext.builder().previousManifest(previous).build();
    return SelectorEngine.of(current, ctx).select(SelectionRequest.builder().select(select)
        .indirectSelection(IndirectSelection.EMPTY).build()).ids();
  }

  @Test
  void unchangedProjectHasNothingModified() {
    assertThat(ls(base().build(), base().build(), "state:modified")).isEmpty();
    assertThat(ls(base().build(), base().build(), "state:unmodified")).hasSize(4);
    assertThat(ls(base().build(), base().build(), "state:old")).hasSize(4);
  }

  @Test
  void bodyChangeIsModifiedAndPropagatesWithPlus() {
    TestManifest now = base();
    now.add(now.modelBuilder("a").rawCode("select 2").unrenderedConfig(Map.of("materialized", "table")).build());
    assertThat(ls(now.build(), base().build(), "state:modified")).containsExactly("model.test.a");
    assertThat(ls(now.build(), base().build(), "state:modified+")).containsExactly("model.test.a", "model.test.b");
    assertThat(ls(now.build(), base().build(), "state:modified.body")).containsExactly("model.test.a");
    assertThat(ls(now.build(), base().build(), "state:modified.configs")).isEmpty();
  }

  @Test
  void newModelsAreModifiedButNewSourcesAreNot() {
    TestManifest now = base();
    now.model("c");
    now.source("raw", "payments");
    Manifest current = now.build();
    Manifest previous = base().build();
    assertThat(ls(current, previous, "state:new")).containsExactly("model.test.c", "source.test.raw.payments");
    assertThat(ls(current, previous, "state:modified")).containsExactly("model.test.c");
    assertThat(ls(current, previous, "state:unmodified")).contains("source.test.raw.payments");
    assertThat(ls(current, previous, "state:modified.body")).containsExactly("model.test.c");
    assertThat(ls(current, previous, "state:modified.configs")).containsExactly("model.test.c",
        "source.test.raw.payments");
    assertThat(ls(current, previous, "state:modified.contract")).containsExactly("model.test.c");
    assertThat(ls(current, previous, "state:modified.macros")).isEmpty();
  }

  @Test
  void explicitDefaultConfigIsAChangeButTagsAreNot() {
    TestManifest now = base();
    now.add(now.modelBuilder("a").unrenderedConfig(Map.of("materialized", "table", "tags", List.of("x"))).build());
    assertThat(ls(now.build(), base().build(), "state:modified")).isEmpty();
    TestManifest explicit = base();
    explicit.add(explicit.modelBuilder("b", "a").dependsOnMacros(List.of("macro.test.helper"))
        .unrenderedConfig(Map.of("materialized", "view")).build());
    assertThat(ls(explicit.build(), base().build(), "state:modified.configs")).containsExactly("model.test.b");
  }

  @Test
  void metricGroupIsNotAConfigChangeButMeta() {
    TestManifest before = base();
    before.add(Node.builder("metric.test.rev", ResourceType.METRIC).packageName("test")
        .unrenderedConfig(Map.of("group", "a")).build());
    TestManifest after = base();
    after.add(Node.builder("metric.test.rev", ResourceType.METRIC).packageName("test")
        .unrenderedConfig(Map.of("group", "b")).build());
    assertThat(ls(after.build(), before.build(), "state:modified.configs")).isEmpty();
    TestManifest meta = base();
    meta.add(Node.builder("metric.test.rev", ResourceType.METRIC).packageName("test")
        .unrenderedConfig(Map.of("group", "a", "meta", Map.of("k", 1))).build());
    assertThat(ls(meta.build(), before.build(), "state:modified.configs")).containsExactly("metric.test.rev");
    assertThat(ls(meta.build(), before.build(), "state:modified")).containsExactly("metric.test.rev");
  }

  @Test
  void relationChangesCompareUnrenderedSchema() {
    TestManifest now = base();
    now.add(now.modelBuilder("a").unrenderedConfig(Map.of("materialized", "table", "schema", "x")).build());
    assertThat(ls(now.build(), base().build(), "state:modified.relation")).containsExactly("model.test.a");
    assertThat(ls(now.build(), base().build(), "state:modified.configs")).isEmpty();
  }

  @Test
  void transitiveMacroChangeMarksNodes() {
    TestManifest now = base();
    now.macros.put("macro.test.inner", new Macro("macro.test.inner", "inner", "test", "macros/h.sql",
        "{% macro inner() %}2{% endmacro %}", List.of()));
    assertThat(ls(now.build(), base().build(), "state:modified.macros")).containsExactly("model.test.b");
    assertThat(ls(now.build(), base().build(), "state:modified")).containsExactly("model.test.b");
  }

  @Test
  void addingAnUnusedMacroChangesNothing() {
    TestManifest now = base();
    now.macros.put("macro.test.unused", new Macro("macro.test.unused", "unused", "test", "macros/u.sql", "x",
        List.of()));
    assertThat(ls(now.build(), base().build(), "state:modified")).isEmpty();
  }

  @Test
  void seedBodyIsItsChecksum() {
    TestManifest now = base();
    now.add(Node.builder("seed.test.s", ResourceType.SEED).packageName("test").fqn(List.of("test", "s"))
        .checksum(new Checksum("sha256", "def")).build());
    assertThat(ls(now.build(), base().build(), "state:modified.body")).containsExactly("seed.test.s");
  }

  @Test
  void contractEnforcementTurnedOnIsModified() {
    TestManifest now = base();
    now.add(now.modelBuilder("a").unrenderedConfig(Map.of("materialized", "table"))
        .attributes(Map.of("contract", Map.of("enforced", true, "checksum", "c1"))).build());
    assertThat(ls(now.build(), base().build(), "state:modified.contract")).containsExactly("model.test.a");
  }

  @Test
  void invalidStateValueAndMissingManifest() {
    assertThatThrownBy(() -> ls(base().build(), base().build(), "state:changed")).hasMessage(
        "Got an invalid selector \"changed\", expected one of \"['new', 'old', 'modified', 'unmodified', "
            + "'modified.body', 'modified.configs', 'modified.persisted_descriptions', 'modified.relation', "
            + "'modified.macros', 'modified.contract']\"");
    assertThatThrownBy(() -> SelectorEngine.of(base().build()).select("state:modified"))
        .hasMessage("Got a state selector method, but no comparison manifest");
  }

  private static ArtifactMetadata meta(ArtifactKind kind) {
    return new ArtifactMetadata(kind, 6, "", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void resultSelectsByPreviousStatusAndReachesChildren() {
    RunResults rr = new RunResults(meta(ArtifactKind.RUN_RESULTS), InvocationArgs.NONE, OptionalDouble.empty(),
        List.of(RunResult.of("model.test.a", RunStatus.ERROR, "boom"),
            RunResult.of("model.test.b", RunStatus.SKIPPED, null)), List.of());
    SelectorEngine e = SelectorEngine.of(base().build(), SelectionContext.builder().previousRunResults(rr).build());
    assertThat(e.select("result:error")).containsExactly("model.test.a");
    assertThat(e.select("result:error+")).containsExactly("model.test.a", "model.test.b");
    assertThat(e.select("result:bogus")).isEmpty();
    assertThatThrownBy(() -> SelectorEngine.of(base().build()).select("result:error"))
        .hasMessage("No comparison run_results");
  }

  private static FreshnessResult fresh(String id, String maxLoadedAt) {
    return new FreshnessResult(id, FreshnessStatus.PASS, "pass", Optional.ofNullable(maxLoadedAt), Optional.empty(),
        OptionalDouble.empty(), Map.of(), Optional.empty(), 0);
  }

  @Test
  void sourceStatusFresherComparesTimestamps() {
    TestManifest t = base();
    t.source("raw", "customers");
    t.add(t.modelBuilder("c", "source.test.raw.orders").build());
    SourceFreshness before = new SourceFreshness(meta(ArtifactKind.SOURCES), OptionalDouble.empty(), List.of(
        fresh("source.test.raw.orders", "2024-01-01T00:00:00Z"),
        fresh("source.test.raw.customers", "2024-01-02T00:00:00+00:00")), List.of());
    SourceFreshness now = new SourceFreshness(meta(ArtifactKind.SOURCES), OptionalDouble.empty(), List.of(
        fresh("source.test.raw.orders", "2024-01-01T01:00:00+01:00"),
        fresh("source.test.raw.customers", "2024-01-02T00:00:01Z")), List.of());
    SelectorEngine e = SelectorEngine.of(t.build(), SelectionContext.builder().previousSources(before)
        .currentSources(now).build());
    // 01:00+01:00 is the same instant as before: not fresher
    assertThat(e.select("source_status:fresher")).containsExactly("source.test.raw.customers");
    assertThat(e.select("source_status:stale")).isEmpty();
    assertThatThrownBy(() -> SelectorEngine.of(t.build()).select("source_status:fresher"))
        .hasMessage("No previous state comparison freshness results in sources.json");
  }
}
