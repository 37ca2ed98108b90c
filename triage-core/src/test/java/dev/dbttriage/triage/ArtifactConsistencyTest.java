package dev.dbttriage.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.SourceFreshness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArtifactConsistencyTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  private static ArtifactMetadata meta(ArtifactKind kind, String invocation, String generatedAt) {
    return new ArtifactMetadata(kind, 1, "", Optional.of("1.9.4"), Optional.ofNullable(generatedAt),
        Optional.ofNullable(invocation), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static HandMadeRun shop() {
    return new HandMadeRun()
        .model("stg_orders")
        .model("orders", "stg_orders")
        .model("new_model", "orders")
        .model("ephemeral_helper", Map.of("materialized", "ephemeral"))
        .model("switched_off", Map.of("enabled", false))
        .source("raw", "orders")
        .result("model.shop.stg_orders", RunStatus.SUCCESS)
        .result("model.shop.orders", RunStatus.ERROR, "Database Error");
  }

  private static Manifest manifest(HandMadeRun run, String invocation, String generatedAt) {
    return new Manifest(meta(ArtifactKind.MANIFEST, invocation, generatedAt), run.nodes, run.sources,
        run.exposures, Map.of(), Map.of(), Map.of(), run.unitTests, Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), List.of());
  }

  private static RunResults results(HandMadeRun run, String invocation, String generatedAt) {
    return new RunResults(meta(ArtifactKind.RUN_RESULTS, invocation, generatedAt), InvocationArgs.NONE,
        OptionalDouble.empty(), run.results, List.of());
  }

  private static SourceFreshness sources(String generatedAt) {
    FreshnessResult r = new FreshnessResult("source.shop.raw.orders", FreshnessStatus.ERROR, "error",
        Optional.of("2024-01-01T00:00:00Z"), Optional.empty(), OptionalDouble.of(1e6), Map.of(), Optional.empty(), 0.2);
    return new SourceFreshness(meta(ArtifactKind.SOURCES, "f-1", generatedAt), OptionalDouble.empty(), List.of(r),
        List.of());
  }

  @Test
  void oneInvocationTellsOneStory() {
    HandMadeRun run = shop();
    Manifest m = manifest(run, "inv-1", "2025-12-22T11:47:00Z");
    RunResults r = results(run, "inv-1", "2025-12-22T11:47:28Z");
    assertThat(ArtifactConsistency.check(Optional.of(m), Optional.of(r), Optional.empty(), Optional.empty()))
        .isEmpty();
    assertThat(ArtifactConsistency.manifestNewerThanRun(m, r)).isFalse();
    assertThat(ArtifactConsistency.differentInvocations(m, r)).isFalse();
  }

  @Test
  void aManifestFromALaterInvocationListsTheNodesWithoutAResult() {
    HandMadeRun run = shop();
    Manifest m = manifest(run, "inv-compile", "2025-12-22T12:23:52Z");
    RunResults r = results(run, "inv-build", "2025-12-22T11:47:28Z");
    List<ReportWarning> w = ArtifactConsistency.check(Optional.of(m), Optional.of(r), Optional.empty(),
        Optional.empty());
    assertThat(w).containsExactly(new ReportWarning("INVOCATION_MISMATCH", "manifest.json (invocation inv-compile, "
        + "generated 2025-12-22T12:23:52Z) and run_results.json (invocation inv-build, generated "
        + "2025-12-22T11:47:28Z) come from different dbt invocations: the manifest is 36 min newer than the run, so "
        + "the 1 node(s) it lists without a result may not have existed at run time",
        List.of("model.shop.new_model")));
    assertThat(ArtifactConsistency.manifestNewerThanRun(m, r)).isTrue();
  }

  @Test
  void aRunNewerThanTheManifestNamesResultsTheManifestLacks() {
    HandMadeRun run = shop().result("model.shop.renamed", RunStatus.SUCCESS);
    Manifest m = manifest(run, "inv-old", "2025-12-20T10:00:00Z");
    RunResults r = results(run, "inv-new", "2025-12-22T10:00:00+00:00");
    List<ReportWarning> w = ArtifactConsistency.check(Optional.of(m), Optional.of(r), Optional.empty(),
        Optional.empty());
    assertThat(w).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(ReportWarning.INVOCATION_MISMATCH);
      assertThat(x.message()).endsWith(": the run is 2 days newer than the manifest, which may not describe what it "
          + "ran; 1 result(s) name nodes the manifest lacks");
      assertThat(x.nodes()).containsExactly("model.shop.renamed");
    });
    assertThat(ArtifactConsistency.manifestNewerThanRun(m, r)).isFalse();
  }

  @Test
  void withoutTimestampsItSaysItCannotTell() {
    HandMadeRun run = shop();
    List<ReportWarning> w = ArtifactConsistency.check(Optional.of(manifest(run, "a", null)),
        Optional.of(results(run, "b", null)), Optional.empty(), Optional.empty());
    assertThat(w).extracting(ReportWarning::message).containsExactly("manifest.json (invocation a) and "
        + "run_results.json (invocation b) come from different dbt invocations; without both timestamps it cannot "
        + "tell which is newer");
  }

  @Test
  void filesThatRecordNoInvocationAreNeverCalledMismatched() {
    HandMadeRun run = shop();
    assertThat(ArtifactConsistency.check(Optional.of(manifest(run, null, "2020-01-01T00:00:00Z")),
        Optional.of(results(run, null, "2020-03-01T00:00:00Z")), Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void sourcesMoreThanADayAwayFromTheRunAreStale() {
    HandMadeRun run = shop();
    Manifest m = manifest(run, "inv", "2025-03-30T19:00:00Z");
    RunResults r = results(run, "inv", "2025-03-30T19:03:31.761916Z");
    List<ReportWarning> w = ArtifactConsistency.check(Optional.of(m), Optional.of(r),
        Optional.of(sources("2024-12-01T08:00:00.000000Z")), Optional.empty());
    assertThat(w).containsExactly(new ReportWarning("STALE_SOURCES", "sources.json was generated 119 days before "
        + "the run (2024-12-01T08:00:00Z vs 2025-03-30T19:03:31.761916Z): its freshness results describe another "
        + "moment and are context, not this run's roots", List.of("source.shop.raw.orders")));
    assertThat(ArtifactConsistency.sourcesStale(sources("2024-12-01T08:00:00.000000Z"), r)).isTrue();
    assertThat(ArtifactConsistency.check(Optional.of(m), Optional.of(r),
        Optional.of(sources("2025-03-30T17:00:00Z")), Optional.empty())).isEmpty();
    assertThat(ArtifactConsistency.sourcesStale(sources("2025-03-30T17:00:00Z"), r)).isFalse();
  }

  @Test
  void aCatalogMoreThanADayAwayIsStale() {
    HandMadeRun run = shop();
    RunResults r = results(run, "inv", "2025-03-30T19:00:00Z");
    Catalog c = new Catalog(meta(ArtifactKind.CATALOG, "docs", "2025-04-02T19:00:00"), Map.of(), Map.of(),
        List.of(), List.of());
    assertThat(ArtifactConsistency.check(Optional.empty(), Optional.of(r), Optional.empty(), Optional.of(c)))
        .containsExactly(ReportWarning.of("STALE_CATALOG", "catalog.json was generated 3 days after the run "
            + "(2025-04-02T19:00:00Z vs 2025-03-30T19:00:00Z): the column types it records may have changed since"));
  }

  @Test
  void generatedAtShapes() {
    assertThat(ArtifactConsistency.generatedAt(meta(ArtifactKind.MANIFEST, "x", "2021-12-06T05:15:29.431168+00:00")))
        .contains(Instant.parse("2021-12-06T05:15:29.431168Z"));
    assertThat(ArtifactConsistency.generatedAt(meta(ArtifactKind.MANIFEST, "x", "2020-06-01T10:00:00")))
        .contains(Instant.parse("2020-06-01T10:00:00Z"));
    assertThat(ArtifactConsistency.generatedAt(meta(ArtifactKind.MANIFEST, "x", "yesterday"))).isEmpty();
    assertThat(ArtifactConsistency.human(Duration.ofSeconds(85))).isEqualTo("1 min");
  }

  @Test
  void warningCodesAreUpperSnake() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportWarning.of("stale-sources", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'stale-sources' is not an UPPER_SNAKE warning code");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportWarning.of("FAIL_FAST", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("warning FAIL_FAST has a blank message");
  }

  // ---- the real corpus ----

  @Test
  void theIssuesTwoExamplesHaveAManifestNewerThanTheRun() {
    Path mrx = ARTIFACTS.resolve("Mrx112426_dbt_course_practice/1.10.17_8ccce77");
    assumeTrue(Files.isDirectory(mrx), "fixture corpus not present");
    List<ReportWarning> w = ArtifactConsistency.check(Artifacts.readTarget(mrx));
    assertThat(w).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo("INVOCATION_MISMATCH");
      assertThat(x.message()).contains("invocation 565c297c-b29b-480b-b19e-c7135f57c1e8, generated "
          + "2025-12-22T12:23:52.005608Z").contains("the manifest is 36 min newer than the run");
      assertThat(x.nodes()).containsExactly("model.dbt_course_practice.stg_flights__bookings");
    });

    Path fid = ARTIFACTS.resolve("3fid_DBT-Hackathon-2024/1.7.14_931c268");
    Manifest m = Artifacts.readManifest(fid.resolve("manifest.json"));
    RunResults r = Artifacts.readRunResults(fid.resolve("run_results.json"));
    assertThat(ArtifactConsistency.manifestNewerThanRun(m, r)).isTrue();
    assertThat(ArtifactConsistency.check(Optional.of(m), Optional.of(r), Optional.empty(), Optional.empty()))
        .singleElement().satisfies(x -> assertThat(x.nodes()).containsExactly(
            "model.Revolt_BI_Hackathon.my_first_dbt_model", "model.Revolt_BI_Hackathon.my_second_dbt_model"));
  }

  @Test
  void thirteenOfTheCorpusEightyNineComparablePairsComeFromDifferentInvocations() throws IOException {
    assumeTrue(Files.isDirectory(ARTIFACTS), "fixture corpus not present");
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(ARTIFACTS)) {
      dirs = s.filter(p -> p.getFileName().toString().equals("manifest.json"))
          .map(Path::getParent)
          .filter(d -> Files.isRegularFile(d.resolve("run_results.json")))
          .sorted().toList();
    }
    int comparable = 0;
    List<String> mismatched = new ArrayList<>();
    int manifestNewer = 0;
    for (Path d : dirs) {
      Manifest m = Artifacts.readManifest(d.resolve("manifest.json"));
      RunResults r = Artifacts.readRunResults(d.resolve("run_results.json"));
      if (m.metadata().invocationId().isEmpty() || r.metadata().invocationId().isEmpty()) {
        continue;
      }
      comparable++;
      if (ArtifactConsistency.differentInvocations(m, r)) {
        mismatched.add(ARTIFACTS.relativize(d).toString().replace('\\', '/'));
        manifestNewer += ArtifactConsistency.manifestNewerThanRun(m, r) ? 1 : 0;
      }
    }
    assertThat(dirs).hasSize(94);
    assertThat(comparable).isEqualTo(89);
    assertThat(mismatched).hasSize(13).contains("Mrx112426_dbt_course_practice/1.10.17_8ccce77",
        "3fid_DBT-Hackathon-2024/1.7.14_931c268");
    // someone ran dbt compile, docs generate or parse after the failure in 10 of them; in 3 the run came later
    assertThat(manifestNewer).isEqualTo(10);
  }

  @Test
  void sixteenOfTheCorpusFortyThreeSourcesFilesAreMoreThanADayFromTheirRun() throws IOException {
    assumeTrue(Files.isDirectory(ARTIFACTS), "fixture corpus not present");
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(ARTIFACTS)) {
      dirs = s.filter(p -> p.getFileName().toString().equals("run_results.json")).map(Path::getParent).sorted()
          .toList();
    }
    int withSources = 0;
    int staleSources = 0;
    int withCatalog = 0;
    int staleCatalog = 0;
    for (Path d : dirs) {
      RunResults r = Artifacts.readRunResults(d.resolve("run_results.json"));
      Optional<SourceFreshness> sources = Files.isRegularFile(d.resolve("sources.json"))
          ? Optional.of(Artifacts.readSources(d.resolve("sources.json"))) : Optional.empty();
      Optional<Catalog> catalog = Files.isRegularFile(d.resolve("catalog.json"))
          ? Optional.of(Artifacts.readCatalog(d.resolve("catalog.json"))) : Optional.empty();
      List<ReportWarning> w = ArtifactConsistency.check(Optional.empty(), Optional.of(r), sources, catalog);
      withSources += sources.isPresent() ? 1 : 0;
      withCatalog += catalog.isPresent() ? 1 : 0;
      staleSources += (int) w.stream().filter(x -> x.code().equals(ReportWarning.STALE_SOURCES)).count();
      staleCatalog += (int) w.stream().filter(x -> x.code().equals(ReportWarning.STALE_CATALOG)).count();
    }
    assertThat(withSources).isEqualTo(43);
    assertThat(staleSources).isEqualTo(16);
    assertThat(withCatalog).isEqualTo(45);
    assertThat(staleCatalog).isEqualTo(13);

    Path tanmay = ARTIFACTS.resolve("Tanmay-developer_Historical-DBTvault/1.5.2_f62f1e7");
    assertThat(ArtifactConsistency.check(Artifacts.readTarget(tanmay)))
        .filteredOn(x -> x.code().equals(ReportWarning.STALE_SOURCES)).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("sources.json was generated 254 days before the run "
            + "(2023-09-11T20:14:11.899714Z vs 2024-05-23T15:53:12.273675Z)"));
  }
}
