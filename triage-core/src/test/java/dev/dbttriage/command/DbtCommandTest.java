package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbtCommandTest {

  private static DbtVersion v(String s) {
    return DbtVersion.parse(s);
  }

  @Test
  void selectionSyntaxStaysUnquoted() {
    DbtCommand c = DbtCommand.builder(DbtSubcommand.BUILD)
        .select("+orders", "tag:daily+", "2+stg_customers+1", "@source:raw.events", "config.materialized:incremental",
            "path:models/staging", "orders.v2", "state:modified,tag:nightly", "result:error+")
        .exclude("orders")
        .build();
    assertThat(c.render()).isEqualTo("dbt build --select +orders tag:daily+ 2+stg_customers+1 @source:raw.events "
        + "config.materialized:incremental path:models/staging orders.v2 state:modified,tag:nightly result:error+ "
        + "--exclude orders");
  }

  @Test
  void whatAShellWouldExpandIsSingleQuoted() {
    DbtCommand c = DbtCommand.builder(DbtSubcommand.RUN)
        .select("tag:*", "path:models/my folder", "fqn:shop.*", "it's", "~home", "a&b", "x;rm", "$HOME")
        .build();
    assertThat(c.render()).isEqualTo("dbt run --select 'tag:*' 'path:models/my folder' 'fqn:shop.*' 'it'\\''s' "
        + "'~home' 'a&b' 'x;rm' '$HOME'");
  }

  @Test
  void varsAndArgsAreAlwaysQuoted() {
    DbtCommand run = DbtCommand.builder(DbtSubcommand.RUN).select("orders")
        .vars("{\"run_date\": \"2024-01-01\", \"note\": \"it's\"}").target("prod").build();
    assertThat(run.render()).isEqualTo(
        "dbt run --select orders --target prod --vars '{\"run_date\": \"2024-01-01\", \"note\": \"it'\\''s\"}'");
    DbtCommand op = DbtCommand.builder(DbtSubcommand.RUN_OPERATION).macro("grant_select")
        .macroArgs("{role: reporter}").build();
    assertThat(op.render()).isEqualTo("dbt run-operation grant_select --args '{role: reporter}'");
    assertThat(DbtCommand.builder(DbtSubcommand.RUN).vars("simple").build().render())
        .isEqualTo("dbt run --vars 'simple'");
  }

  @Test
  void everyFlagInPrintingOrder() {
    DbtCommand c = DbtCommand.builder(DbtSubcommand.BUILD).select("orders+").exclude("orders")
        .resourceTypes(List.of("model", "seed")).excludeResourceTypes(List.of("unit_test"))
        .indirectSelection("cautious").fullRefresh(true).storeFailures(true).empty(true)
        .eventTime("2024-09-01", "2024-09-02").failFast(true).target("prod").profile("shop")
        .vars("{day: 1}").defer(true).state("prod-artifacts").favorState(true).build();
    assertThat(c.render()).isEqualTo("dbt build --select orders+ --exclude orders --resource-type model seed "
        + "--exclude-resource-type unit_test --indirect-selection cautious --full-refresh --store-failures --empty "
        + "--event-time-start 2024-09-01 --event-time-end 2024-09-02 --fail-fast --target prod --profile shop "
        + "--vars '{day: 1}' --defer --state prod-artifacts --favor-state");
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c).hasToString(c.render());
  }

  @Test
  void beforeDbt021RunAndTestTookModels() {
    DbtCommand run = DbtCommand.of(DbtSubcommand.RUN, "orders+");
    assertThat(run.render(v("0.20.2"))).isEqualTo("dbt run --models orders+");
    assertThat(run.render(v("0.21.0"))).isEqualTo("dbt run --select orders+");
    assertThat(DbtCommand.of(DbtSubcommand.TEST, "orders").render(v("0.19.1"))).isEqualTo("dbt test --models orders");
    // seed and snapshot always took --select
    assertThat(DbtCommand.of(DbtSubcommand.SEED, "countries").render(v("0.19.1")))
        .isEqualTo("dbt seed --select countries");
    assertThat(DbtCommand.of(DbtSubcommand.SNAPSHOT, "orders_snapshot").render(v("0.19.1")))
        .isEqualTo("dbt snapshot --select orders_snapshot");
  }

  @Test
  void sourceFreshnessWasSnapshotFreshnessBefore021() {
    DbtCommand c = DbtCommand.of(DbtSubcommand.SOURCE_FRESHNESS, "source:raw.events");
    assertThat(c.render()).isEqualTo("dbt source freshness --select source:raw.events");
    assertThat(c.render(v("0.21.0"))).isEqualTo("dbt source freshness --select source:raw.events");
    assertThat(c.render(v("0.20.2"))).isEqualTo("dbt source snapshot-freshness --select raw.events");
    DbtCommand graph = DbtCommand.of(DbtSubcommand.SOURCE_FRESHNESS, "source:raw+");
    assertThat(graph.unsupportedReason(v("0.20.2"))).contains("dbt source snapshot-freshness selects sources by "
        + "name only before dbt 0.21 ('source:raw+' is not source:<source>[.<table>]); this run used dbt 0.20.2");
  }

  @Test
  void retryDoesNotExistBefore16() {
    DbtCommand retry = DbtCommand.builder(DbtSubcommand.RETRY).build();
    assertThat(retry.render()).isEqualTo("dbt retry");
    assertThat(retry.unsupportedReason(v("1.5.2")))
        .contains("dbt retry exists from dbt 1.6.0; this run used dbt 1.5.2");
    assertThatThrownBy(() -> retry.render(v("1.5.2"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("dbt retry exists from dbt 1.6.0; this run used dbt 1.5.2");
    assertThat(retry.render(v("1.6.0"))).isEqualTo("dbt retry");
    assertThat(retry.renderFor(Optional.empty())).isEqualTo("dbt retry");
  }

  @Test
  void buildFlagsAndSelectorsByVersion() {
    assertThat(DbtCommand.of(DbtSubcommand.BUILD, "orders+").unsupportedReason(v("0.20.2")))
        .contains("dbt build exists from dbt 0.21.0; this run used dbt 0.20.2");
    DbtCommand favor = DbtCommand.builder(DbtSubcommand.RUN).select("orders").defer(true).state("prod")
        .favorState(true).build();
    assertThat(favor.unsupportedReasons(v("1.3.0")))
        .containsExactly("--favor-state on dbt run exists from dbt 1.4.0; this run used dbt 1.3.0");
    assertThat(DbtCommand.builder(DbtSubcommand.TEST).select("orders").defer(true).build()
        .unsupportedReason(v("0.18.1")))
        .contains("--defer on dbt test exists from dbt 0.19.0; this run used dbt 0.18.1");
    assertThat(DbtCommand.of(DbtSubcommand.RUN, "result:error+").unsupportedReason(v("0.21.1")))
        .contains("result: selector method exists from dbt 1.0.0; this run used dbt 0.21.1");
    assertThat(DbtCommand.of(DbtSubcommand.RUN, "source_status:fresher+").unsupportedReason(v("1.0.8")))
        .contains("source_status: selector method exists from dbt 1.1.0; this run used dbt 1.0.8");
    assertThat(DbtCommand.of(DbtSubcommand.TEST, "unit_test:test_orders").unsupportedReason(v("1.7.14")))
        .contains("unit tests and the unit_test: selector method exists from dbt 1.8.0; this run used dbt 1.7.14");
    assertThat(DbtCommand.of(DbtSubcommand.RUN, "2+orders").unsupportedReason(v("0.17.2")))
        .contains("the n+ / +n depth graph operators exists from dbt 0.18.0; this run used dbt 0.17.2");
    assertThat(DbtCommand.builder(DbtSubcommand.RUN).select("orders").empty(true).build()
        .unsupportedReason(v("1.7.3"))).contains("--empty on dbt run exists from dbt 1.8.0; this run used dbt 1.7.3");
    assertThat(DbtCommand.builder(DbtSubcommand.BUILD).indirectSelection("buildable").build()
        .unsupportedReason(v("1.3.4"))).contains("--indirect-selection buildable exists from dbt 1.4.0; this run used "
        + "dbt 1.3.4");
    assertThat(DbtCommand.of(DbtSubcommand.RUN, "+orders", "tag:daily").unsupportedReasons(v("0.19.1"))).isEmpty();
  }

  @Test
  void flagsASubcommandNeverTakesAreRejected() {
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.TEST).select("orders").fullRefresh(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dbt test takes no --full-refresh");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.RUN).storeFailures(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dbt run takes no --store-failures");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.RUN_OPERATION).macro("m").select("x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dbt run-operation takes no --select");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.RUN_OPERATION).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dbt run-operation needs a macro name");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.RUN).macro("m").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("only dbt run-operation takes a macro name");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.SNAPSHOT).fullRefresh(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dbt snapshot takes no --full-refresh");
    assertThatThrownBy(() -> DbtCommand.builder(DbtSubcommand.BUILD).indirectSelection("greedy").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'greedy' is not an indirect selection mode; valid modes: eager, cautious, buildable, empty");
    assertThatThrownBy(() -> DbtCommand.of(DbtSubcommand.RUN, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a select token is blank");
  }

  @Test
  void subcommandsFromRecordedWhich() {
    assertThat(DbtSubcommand.fromWhich("build")).contains(DbtSubcommand.BUILD);
    assertThat(DbtSubcommand.fromWhich("source-freshness")).contains(DbtSubcommand.SOURCE_FRESHNESS);
    assertThat(DbtSubcommand.fromWhich("freshness")).contains(DbtSubcommand.SOURCE_FRESHNESS);
    assertThat(DbtSubcommand.fromWhich("snapshot-freshness")).contains(DbtSubcommand.SOURCE_FRESHNESS);
    assertThat(DbtSubcommand.fromWhich("generate")).contains(DbtSubcommand.DOCS_GENERATE);
    assertThat(DbtSubcommand.fromWhich("list")).contains(DbtSubcommand.LS);
    assertThat(DbtSubcommand.fromWhich("run-operation")).contains(DbtSubcommand.RUN_OPERATION);
    assertThat(DbtSubcommand.fromWhich("rpc")).isEmpty();
    assertThat(DbtSubcommand.fromWhich(null)).isEmpty();
    assertThat(DbtSubcommand.DOCS_GENERATE).hasToString("docs generate");
  }

  @Test
  void chainsRunOneAfterTheOther() {
    List<DbtCommand> steps = List.of(DbtCommand.of(DbtSubcommand.SEED, "countries"),
        DbtCommand.of(DbtSubcommand.RUN, "countries+"));
    assertThat(DbtCommand.renderAll(steps, Optional.empty()))
        .isEqualTo("dbt seed --select countries && dbt run --select countries+");
    assertThat(DbtCommand.renderAll(steps, Optional.of(v("0.20.2"))))
        .isEqualTo("dbt seed --select countries && dbt run --models countries+");
    assertThatThrownBy(() -> DbtCommand.renderAll(List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no command to render");
  }

  /**
   * The command lines the engines build by hand today (TriageEngine, RescuePlanner, Decider), each from one value;
   * the only textual difference is the event-time bounds, single-quoted (or bare) instead of double-quoted.
   */
  @Test
  void rendersTheCommandsTheEnginesPrintToday() {
    assertThat(DbtCommand.of(DbtSubcommand.SOURCE_FRESHNESS, "source:raw.events").render())
        .isEqualTo("dbt source freshness --select source:raw.events");
    assertThat(DbtCommand.builder(DbtSubcommand.TEST).select("not_null_orders_id").storeFailures(true).build()
        .render()).isEqualTo("dbt test --select not_null_orders_id --store-failures");
    assertThat(DbtCommand.renderAll(List.of(
        DbtCommand.builder(DbtSubcommand.BUILD).select("orders").fullRefresh(true).build(),
        DbtCommand.builder(DbtSubcommand.BUILD).select("orders+").exclude("orders").build()), Optional.empty()))
        .isEqualTo("dbt build --select orders --full-refresh && dbt build --select orders+ --exclude orders");
    assertThat(DbtCommand.builder(DbtSubcommand.BUILD).selector("nightly").exclude("stg_a", "stg_b").build()
        .render()).isEqualTo("dbt build --selector nightly --exclude stg_a stg_b");
    assertThat(DbtCommand.builder(DbtSubcommand.RUN_OPERATION).macro("grant_select").build().render())
        .isEqualTo("dbt run-operation grant_select");
    assertThat(DbtCommand.of(DbtSubcommand.DOCS_GENERATE, "orders", "+orders").render())
        .isEqualTo("dbt docs generate --select orders +orders");
    assertThat(DbtCommand.of(DbtSubcommand.COMPILE, "+orders").render()).isEqualTo("dbt compile --select +orders");
    assertThat(DbtCommand.builder(DbtSubcommand.RUN).select("events").eventTime("2024-09-01 00:00:00",
        "2024-09-02T00:00:00").build().render()).isEqualTo(
        "dbt run --select events --event-time-start '2024-09-01 00:00:00' --event-time-end 2024-09-02T00:00:00");
    assertThat(DbtCommand.builder(DbtSubcommand.RUN).select("events")
        .vars("{\"backfill_start\": \"2024-09-01\", \"backfill_end\": \"2024-09-02\"}").build().render())
        .isEqualTo("dbt run --select events --vars '{\"backfill_start\": \"2024-09-01\", \"backfill_end\": "
            + "\"2024-09-02\"}'");
  }

  @Test
  void deferOnCompileFrom13AndFavorStateFrom14() {
    DbtCommand compile = DbtCommand.builder(DbtSubcommand.COMPILE).select("+orders").defer(true).state("prod")
        .build();
    assertThat(compile.unsupportedReasons(v("1.2.4"))).containsExactly(
        "--defer on dbt compile exists from dbt 1.3.0; this run used dbt 1.2.4");
    assertThat(compile.unsupportedReasons(v("1.3.0"))).isEmpty();
    assertThat(DbtCommand.builder(DbtSubcommand.SEED).defer(true).build().unsupportedReason(v("1.4.9")))
        .contains("--defer on dbt seed exists from dbt 1.5.0; this run used dbt 1.4.9");
  }
}
