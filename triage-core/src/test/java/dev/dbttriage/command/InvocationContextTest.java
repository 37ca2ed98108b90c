package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvocationContextTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  private static Optional<DbtVersion> v(String s) {
    return Optional.of(DbtVersion.parse(s));
  }

  private static RunResults corpus(String dir) {
    Path file = ARTIFACTS.resolve(dir).resolve("run_results.json");
    assumeTrue(Files.isRegularFile(file), "fixture corpus not present");
    return Artifacts.readRunResults(file);
  }

  private static String rerun(InvocationContext ctx, DbtSubcommand sub, String... select) {
    return DbtCommand.builder(sub).select(select).withContext(ctx).build().renderFor(ctx.dbtVersion());
  }

  @Test
  void reproducesWhatChangesWhatIsBuiltOrWhere() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", "build");
    args.put("target", "prod");
    args.put("profile", "shop");
    args.put("vars", Map.of("run_date", "2024-01-01"));
    args.put("defer", true);
    args.put("state", "prod-run-artifacts");
    args.put("favor_state", true);
    args.put("full_refresh", true);
    args.put("fail_fast", true);
    args.put("threads", 8);
    args.put("profiles_dir", "/workspace");
    args.put("log_format", "json");
    InvocationContext ctx = InvocationContext.fromArgs(args, v("1.9.4"));

    assertThat(rerun(ctx, DbtSubcommand.BUILD, "orders+")).isEqualTo("dbt build --select orders+ --full-refresh "
        + "--target prod --profile shop --vars '{\"run_date\": \"2024-01-01\"}' --defer --state prod-run-artifacts "
        + "--favor-state");
    // dbt test takes no --full-refresh; fail-fast is recorded, not reproduced
    assertThat(rerun(ctx, DbtSubcommand.TEST, "orders")).isEqualTo("dbt test --select orders --target prod "
        + "--profile shop --vars '{\"run_date\": \"2024-01-01\"}' --defer --state prod-run-artifacts --favor-state");
    assertThat(ctx.failFast()).isTrue();
    // dbt retry replays the original arguments itself
    assertThat(DbtCommand.builder(DbtSubcommand.RETRY).withContext(ctx).build().render()).isEqualTo("dbt retry");
    assertThat(ctx.droppedArgs()).containsExactly("log_format", "profiles_dir", "threads");
    assertThat(ctx.originalCommand().orElseThrow().render()).isEqualTo("dbt build --full-refresh --fail-fast "
        + "--target prod --profile shop --vars '{\"run_date\": \"2024-01-01\"}' --defer --state prod-run-artifacts "
        + "--favor-state");
  }

  @Test
  void flagsTheRunsVersionLacksForASubcommandAreNotAdded() {
    Map<String, Object> args = Map.of("which", "build", "empty", true, "full_refresh", true);
    InvocationContext ctx = InvocationContext.fromArgs(args, v("1.10.0"));
    // dbt seed takes --empty only from 1.12
    assertThat(rerun(ctx, DbtSubcommand.SEED, "countries")).isEqualTo("dbt seed --select countries --full-refresh");
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders")).isEqualTo("dbt run --select orders --full-refresh --empty");
    assertThat(rerun(ctx, DbtSubcommand.SNAPSHOT, "snap")).isEqualTo("dbt snapshot --select snap --empty");
  }

  @Test
  void stateAndFavorStateOnlyWithDefer() {
    InvocationContext ctx = InvocationContext.fromArgs(Map.of("which", "run", "state", "prod", "favor_state", true),
        v("1.7.0"));
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders")).isEqualTo("dbt run --select orders");
    assertThat(ctx.state()).contains("prod");
  }

  @Test
  void selectionFlagsFollowTheOriginalSubcommand() {
    Map<String, Object> args = Map.of("which", "build", "resource_types", List.of("model", "seed"),
        "indirect_selection", "cautious", "select", List.of("tag:daily"), "exclude", "legacy old");
    InvocationContext ctx = InvocationContext.fromArgs(args, v("1.8.0"));
    assertThat(ctx.select()).containsExactly("tag:daily");
    assertThat(ctx.exclude()).containsExactly("legacy", "old");
    assertThat(rerun(ctx, DbtSubcommand.BUILD, "orders+"))
        .isEqualTo("dbt build --select orders+ --resource-type model seed --indirect-selection cautious");
    assertThat(rerun(ctx, DbtSubcommand.TEST, "orders")).isEqualTo("dbt test --select orders --indirect-selection "
        + "cautious");
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders")).isEqualTo("dbt run --select orders");
  }

  @Test
  void olderAndFusionKeys() {
    InvocationContext old = InvocationContext.fromArgs(Map.of("which", "run", "models", List.of(List.of("a", "b")),
        "vars", "{}\n", "selector_name", "nightly"), v("0.20.2"));
    assertThat(old.select()).containsExactly("a", "b");
    assertThat(old.vars()).isEmpty();
    assertThat(old.selector()).contains("nightly");
    InvocationContext fusion = InvocationContext.fromArgs(Map.of("command", "build",
        "__other__", Map.of("command", "build", "static_analysis", "Strict")), v("2.0.0-preview.154"));
    assertThat(fusion.subcommand()).contains(DbtSubcommand.BUILD);
    assertThat(fusion.droppedArgs()).containsExactly("static_analysis");
    InvocationContext state = InvocationContext.fromArgs(Map.of("which", "run", "defer", true, "defer_state",
        "/prod", "state", "/other"), v("1.7.0"));
    assertThat(state.state()).contains("/prod");
    assertThat(InvocationContext.NONE.subcommand()).isEmpty();
    assertThat(InvocationContext.NONE.originalCommand()).isEmpty();
  }

  @Test
  void secretsInVarsAreMasked() {
    InvocationContext ctx = InvocationContext.fromArgs(Map.of("which", "run",
        "vars", "{\"api_token\": \"s3cr3t-value\", \"day\": \"2024-01-01\"}"), v("1.9.0"));
    assertThat(ctx.vars()).contains("{\"api_token\": \"***\", \"day\": \"2024-01-01\"}");
    assertThat(ctx.varsRedacted()).isTrue();
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders")).doesNotContain("s3cr3t");
  }

  // ---- real run_results of several dbt versions ----

  @Test
  void dbt0191FullRefreshRunReproducesFullRefreshWithModels() {
    InvocationContext ctx = InvocationContext.of(corpus("Supratim-mukherjee98_demo_dbt/0.19.1_73e6e26"));
    assertThat(ctx.dbtVersion()).isEqualTo(v("0.19.1"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.RUN);
    assertThat(ctx.fullRefresh()).isTrue();
    assertThat(ctx.vars()).isEmpty(); // recorded as the string "{}\n"
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders+")).isEqualTo("dbt run --models orders+ --full-refresh");
  }

  @Test
  void dbt175DocsGenerateWithDeferKeepsTargetProfileAndState() {
    InvocationContext ctx = InvocationContext.of(corpus("code-dot-org_analytics/1.7.5_13ab776"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.DOCS_GENERATE);
    assertThat(ctx.target()).contains("default");
    assertThat(ctx.profile()).contains("user");
    assertThat(rerun(ctx, DbtSubcommand.RUN, "orders")).isEqualTo("dbt run --select orders --target default "
        + "--profile user --defer --state /tmp/defer-artifacts");
    assertThat(ctx.droppedArgs()).contains("profiles_dir", "project_dir", "log_format", "printer_width", "debug")
        .doesNotContain("target", "defer", "state");
  }

  @Test
  void dbt168RunOperationReplaysTheMacro() {
    InvocationContext ctx = InvocationContext.of(corpus("WillaneJaures_snow_dbt/1.6.8_1f30815"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.RUN_OPERATION);
    assertThat(ctx.macro()).contains("check_schema");
    assertThat(ctx.originalCommand().orElseThrow().render()).isEqualTo("dbt run-operation check_schema");
  }

  @Test
  void dbt194BuildWithASelection() {
    InvocationContext ctx = InvocationContext.of(corpus("Anas-REBAI_football-data-pipeline-Dagster/1.9.4_85cbdc6"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.BUILD);
    assertThat(ctx.select()).hasSize(5).first().isEqualTo("football_statsbomb.intermediate.int_shots");
    assertThat(ctx.droppedArgs()).contains("target_path", "log_path", "invocation_command");
    assertThat(ctx.originalCommand().orElseThrow().render()).startsWith(
        "dbt build --select football_statsbomb.intermediate.int_shots football_statsbomb.intermediate.int_possessions");
  }

  @Test
  void dbt11017BuildOnATarget() {
    InvocationContext ctx = InvocationContext.of(corpus("Mrx112426_dbt_course_practice/1.10.17_8ccce77"));
    assertThat(rerun(ctx, DbtSubcommand.BUILD, "stg_flights__bookings+"))
        .isEqualTo("dbt build --select stg_flights__bookings+ --target dev");
  }

  @Test
  void fusionPreview() {
    InvocationContext ctx = InvocationContext.of(corpus("angy255_dbt_fundamentals/2.0.0-preview.154_ba997b7"));
    assertThat(ctx.dbtVersion()).isEqualTo(v("2.0.0-preview.154"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.BUILD);
    assertThat(DbtCommand.builder(DbtSubcommand.RETRY).build().unsupportedReason(ctx.dbtVersion().orElseThrow()))
        .isEmpty();
  }

  @Test
  void dbt0202SeedRecordsVarsAsAString() {
    InvocationContext ctx = InvocationContext.of(corpus("DIY9_dbt/0.20.2_c7fa9be"));
    assertThat(ctx.subcommand()).contains(DbtSubcommand.SEED);
    assertThat(ctx.vars()).isEmpty();
    assertThat(DbtCommand.builder(DbtSubcommand.BUILD).build().unsupportedReason(ctx.dbtVersion().orElseThrow()))
        .contains("dbt build exists from dbt 0.21.0; this run used dbt 0.20.2");
  }
}
