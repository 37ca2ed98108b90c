package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeCommandsTest {
  private static final InvocationContext RUN = InvocationContext.fromArgs(
      Map.of("which", "run", "target", "prod"), Optional.of(DbtVersion.parse("1.8.5")));
  private static final InvocationContext BUILD = InvocationContext.fromArgs(
      Map.of("which", "build"), Optional.of(DbtVersion.parse("1.8.5")));

  private static Node node(String id, ResourceType type, String name) {
    return Node.builder(id, type).name(name).rawCode("select 1").build();
  }

  private static String rerun(Node n, InvocationContext ctx) {
    return NodeCommands.rerun(n, ctx).orElseThrow().build().render();
  }

  @Test
  void eachResourceTypeAsDbtRunsIt() {
    assertThat(rerun(node("model.shop.orders", ResourceType.MODEL, "orders"), RUN))
        .isEqualTo("dbt run --select orders --target prod");
    assertThat(rerun(node("seed.shop.countries", ResourceType.SEED, "countries"), RUN))
        .isEqualTo("dbt seed --select countries --target prod");
    assertThat(rerun(node("snapshot.shop.orders_snap", ResourceType.SNAPSHOT, "orders_snap"), RUN))
        .isEqualTo("dbt snapshot --select orders_snap --target prod");
    assertThat(rerun(node("test.shop.not_null_orders_id.1a2b", ResourceType.TEST, "not_null_orders_id"), RUN))
        .isEqualTo("dbt test --select not_null_orders_id --target prod");
    assertThat(rerun(node("unit_test.shop.orders.test_totals", ResourceType.UNIT_TEST, "test_totals"), RUN))
        .isEqualTo("dbt test --select unit_test:test_totals --target prod");
    Node source = Node.builder("source.shop.raw.events", ResourceType.SOURCE).name("events").sourceName("raw").build();
    assertThat(rerun(source, RUN)).isEqualTo("dbt source freshness --select source:raw.events --target prod");
    assertThat(rerun(node("analysis.shop.a", ResourceType.ANALYSIS, "a"), RUN))
        .isEqualTo("dbt compile --select a --target prod");
    assertThat(NodeCommands.rerun(node("exposure.shop.dash", ResourceType.EXPOSURE, "dash"), RUN)).isEmpty();
  }

  @Test
  void aBuildReRunsWithBuild() {
    assertThat(rerun(node("seed.shop.countries", ResourceType.SEED, "countries"), BUILD))
        .isEqualTo("dbt build --select countries");
    assertThat(rerun(node("test.shop.t", ResourceType.TEST, "t"), BUILD)).isEqualTo("dbt build --select t");
    Node source = Node.builder("source.shop.raw.events", ResourceType.SOURCE).name("events").sourceName("raw").build();
    assertThat(rerun(source, BUILD)).isEqualTo("dbt source freshness --select source:raw.events");
  }

  @Test
  void unitTestsNeedDbt18() {
    DbtCommand c = NodeCommands.rerun(node("unit_test.shop.orders.t", ResourceType.UNIT_TEST, "t"), RUN)
        .orElseThrow().build();
    assertThat(c.unsupportedReason(DbtVersion.parse("1.7.14")))
        .contains("unit tests and the unit_test: selector method exists from dbt 1.8.0; this run used dbt 1.7.14");
  }

  @Test
  void hooksReRunWithTheInvocationThatCarriesThem() {
    InvocationContext ctx = InvocationContext.fromArgs(Map.of("which", "run", "select", List.of("tag:nightly"),
        "target", "prod"), Optional.of(DbtVersion.parse("1.9.0")));
    Node hook = node("operation.shop.shop-on-run-start-0", ResourceType.OPERATION, "shop-on-run-start-0");
    assertThat(rerun(hook, ctx)).isEqualTo("dbt run --select tag:nightly --target prod");
    assertThat(NodeCommands.rerun(hook, InvocationContext.NONE)).isEmpty();
  }

  @Test
  void aMacroReRunsWithRunOperationNeverAMacroSelector() {
    InvocationContext ctx = InvocationContext.fromArgs(Map.of("which", "run-operation", "macro", "grant_select",
        "args", "{role: reporter}"), Optional.of(DbtVersion.parse("1.6.8")));
    assertThat(NodeCommands.runOperation("macro.shop.grant_select", ctx).build().render())
        .isEqualTo("dbt run-operation grant_select --args '{role: reporter}'");
    assertThat(NodeCommands.runOperation("macro.shop.other", ctx).build().render())
        .isEqualTo("dbt run-operation other");
    assertThatThrownBy(() -> NodeCommands.runOperation(" ", ctx)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a run-operation needs a macro name");
  }

  @Test
  void theAdvisorsCommandsTakeTheRunsFlagsAndVersion() {
    InvocationContext prod = InvocationContext.fromArgs(
        Map.of("which", "build", "target", "prod", "vars", "{region: eu}"), Optional.of(DbtVersion.parse("1.9.4")));
    assertThat(NodeCommands.inContext("dbt run --select orders --full-refresh", prod))
        .isEqualTo("dbt run --select orders --full-refresh --target prod --vars '{region: eu}'");
    assertThat(NodeCommands.inContext("dbt run --select orders --vars '{\"backfill_start\": \"2026-01-01\"}'", prod))
        .isEqualTo("dbt run --select orders --target prod --vars '{region: eu, \"backfill_start\": \"2026-01-01\"}'");
    // dbt 0.20 had no --select on run: the run's own version decides the syntax
    InvocationContext old = InvocationContext.fromArgs(Map.of("which", "run"), Optional.of(DbtVersion.parse("0.20.2")));
    assertThat(NodeCommands.inContext("dbt run --select orders+", old)).isEqualTo("dbt run --models orders+");
    // what it cannot read is left as it is
    assertThat(NodeCommands.inContext("dbt run --select orders --threads 4", prod))
        .isEqualTo("dbt run --select orders --threads 4");
  }
}
