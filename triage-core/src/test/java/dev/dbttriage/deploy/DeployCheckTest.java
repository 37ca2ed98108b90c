package dev.dbttriage.deploy;

import static dev.dbttriage.deploy.DeployFixtures.col;
import static dev.dbttriage.deploy.DeployFixtures.cols;
import static dev.dbttriage.deploy.DeployFixtures.exposure;
import static dev.dbttriage.deploy.DeployFixtures.manifest;
import static dev.dbttriage.deploy.DeployFixtures.model;
import static dev.dbttriage.deploy.DeployFixtures.test;
import static dev.dbttriage.deploy.DeployFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.CatalogColumn;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeployCheckTest {
  private static final String ORDERS = "model.shop.orders";
  private final DeployCheck check = DeployCheck.builder().stateDirectory("./prod_state").build();

  private static Node stg() {
    return model("stg_orders", "view", "select * from {{ source('app', 'orders') }}").build();
  }

  private static Node.Builder orders() {
    Map<String, Object> config = with(Map.of("materialized", "table"), "contract", Map.of("enforced", true));
    return model("orders", "table", "select order_id, amount, status from {{ ref('stg_orders') }}",
        "model.shop.stg_orders")
        .config(config)
        .columns(cols(col("order_id", "integer", "not_null"), col("amount", "numeric(18,2)"),
            col("status", "varchar")));
  }

  private static Node.Builder facts() {
    return model("order_facts", "incremental", "select * from {{ ref('orders') }}", ORDERS)
        .config(Map.of("materialized", "incremental", "unique_key", "order_id"))
        .unrenderedConfig(Map.of("materialized", "incremental", "unique_key", "order_id"));
  }

  private static List<Node> base(Node orders, Node facts) {
    return List.of(stg(), orders, facts, test("not_null_orders_order_id", ORDERS),
        exposure("revenue_dashboard", "model.shop.order_facts"));
  }

  private static Manifest prod() {
    return manifest("snowflake", base(orders().build(), facts().build()).toArray(new Node[0]));
  }

  private static Manifest candidate(Node orders, Node facts) {
    return manifest("snowflake", base(orders, facts).toArray(new Node[0]));
  }

  private static DeployFinding only(DeployReport r, FindingKind kind) {
    List<DeployFinding> f = r.findings().stream().filter(x -> x.kind() == kind).toList();
    assertThat(f).as(kind.name()).hasSize(1);
    return f.get(0);
  }

  @Nested
  class Breaking {
    @Test
    void droppedColumnUnderAContract() {
      Node o = orders().rawCode("select order_id, amount from {{ ref('stg_orders') }}")
          .checksum(new dev.dbttriage.artifact.Checksum("sha256", "new"))
          .columns(cols(col("order_id", "integer", "not_null"), col("amount", "numeric(18,2)"))).build();
      DeployReport r = check.check(prod(), candidate(o, facts().build()));
      DeployFinding f = only(r, FindingKind.COLUMN_REMOVED);
      assertThat(f.uniqueId()).isEqualTo(ORDERS);
      assertThat(f.detail()).isEqualTo("column status removed (was varchar) (declared, enforced contract)");
      assertThat(f.consumers()).containsExactly("model.shop.order_facts", "exposure.shop.revenue_dashboard");
      assertThat(r.hasBreakingChanges()).isTrue();
    }

    @Test
    void narrowedType() {
      Node o = orders().columns(cols(col("order_id", "integer", "not_null"), col("amount", "numeric(10,2)"),
          col("status", "varchar"))).build();
      DeployFinding f = only(check.check(prod(), candidate(o, facts().build())), FindingKind.COLUMN_TYPE_CHANGED);
      assertThat(f.detail()).isEqualTo("column amount: numeric(18,2) -> numeric(10,2) (narrowed) (declared,"
          + " enforced contract)");
    }

    @Test
    void renamedColumn() {
      Node o = orders().columns(cols(col("order_id", "integer", "not_null"), col("amount", "numeric(18,2)"),
          col("order_status", "varchar"))).build();
      DeployReport r = check.check(prod(), candidate(o, facts().build()));
      assertThat(only(r, FindingKind.COLUMN_RENAMED).detail())
          .isEqualTo("column status looks renamed to order_status (declared)");
      assertThat(r.findings()).noneMatch(x -> x.kind() == FindingKind.COLUMN_REMOVED);
    }

    @Test
    void contractRemovedAndConstraintRemoved() {
      Node off = orders().config(Map.of("materialized", "table", "contract", Map.of("enforced", false))).build();
      assertThat(only(check.check(prod(), candidate(off, facts().build())), FindingKind.CONTRACT_REMOVED).detail())
          .startsWith("contract no longer enforced");
      Node noConstraint = orders().columns(cols(col("order_id", "integer"), col("amount", "numeric(18,2)"),
          col("status", "varchar"))).build();
      assertThat(only(check.check(prod(), candidate(noConstraint, facts().build())), FindingKind.CONTRACT_CHANGED)
          .detail()).isEqualTo("column order_id: constraint not_null removed (declared, enforced contract)");
    }

    @Test
    void removedModelThatSomethingReads() {
      Node legacy = model("legacy_report", "table", "select 1").build();
      Manifest p = manifest("snowflake", stg(), legacy, exposure("legacy_dash", "model.shop.legacy_report"));
      Manifest c = manifest("snowflake", stg());
      DeployReport r = check.check(p, c);
      DeployFinding f = only(r, FindingKind.MODEL_REMOVED);
      assertThat(f.detail()).isEqualTo("model removed while 1 resource(s) read it in production");
      assertThat(f.consumers()).containsExactly("exposure.shop.legacy_dash");
    }

    @Test
    void disabledModelThatSomethingReads() {
      Node o = orders().build();
      Manifest c = manifest("snowflake", List.of(stg(), facts().build()), List.of(o), List.of());
      DeployReport r = check.check(prod(), c);
      assertThat(only(r, FindingKind.MODEL_DISABLED).consumers())
          .containsExactly("model.shop.order_facts", "exposure.shop.revenue_dashboard");
      assertThat(r.changes()).anyMatch(ch -> ch.uniqueId().equals(ORDERS) && ch.status() == ChangeStatus.DISABLED);
    }

    @Test
    void uniqueKeyChanged() {
      Node f = facts().config(Map.of("materialized", "incremental", "unique_key", List.of("order_id", "day")))
          .unrenderedConfig(Map.of("materialized", "incremental", "unique_key", List.of("order_id", "day"))).build();
      assertThat(only(check.check(prod(), candidate(orders().build(), f)), FindingKind.UNIQUE_KEY_CHANGED).detail())
          .isEqualTo("unique_key [order_id] -> [order_id, day]: the grain changes; deploy with dbt run --select"
              + " order_facts --full-refresh");
    }

    @Test
    void latestVersionMoved() {
      Node v1 = model("dim_customers", "table", "select 1").version("1").latestVersion("1").build();
      Node v1b = Node.builder("model.shop.dim_customers.v1", dev.dbttriage.artifact.ResourceType.MODEL)
          .name("dim_customers").version("1").latestVersion("1").build();
      Node v2b = Node.builder("model.shop.dim_customers.v2", dev.dbttriage.artifact.ResourceType.MODEL)
          .name("dim_customers").version("2").latestVersion("1").build();
      Node user = model("churn", "table", "select 1", "model.shop.dim_customers.v2").build();
      Manifest p = manifest("snowflake", v1b, v2b, user);
      Manifest c = manifest("snowflake", v1b.toBuilder().latestVersion("2").build(),
          v2b.toBuilder().latestVersion("2").build(), user);
      DeployReport r = check.check(p, c);
      DeployFinding f = only(r, FindingKind.LATEST_VERSION_CHANGED);
      assertThat(f.detail()).isEqualTo("latest_version of dim_customers 1 -> 2: unpinned ref('dim_customers') now"
          + " resolves to v2");
      assertThat(v1.version()).contains("1");
    }

    @Test
    void accessNarrowed() {
      Node pub = orders().access("public").build();
      Node priv = orders().access("private").build();
      Manifest p = candidate(pub, facts().build());
      DeployReport r = check.check(p, candidate(priv, facts().build()));
      assertThat(only(r, FindingKind.ACCESS_NARROWED).detail())
          .isEqualTo("access public -> private: refs from outside the group stop compiling");
    }

    @Test
    void relationMovedToAnotherSchema() {
      Node moved = orders().unrenderedConfig(Map.of("materialized", "table", "schema", "marts")).build();
      assertThat(only(check.check(prod(), candidate(moved, facts().build())), FindingKind.RELATION_CHANGED).detail())
          .isEqualTo("relation: schema (unset) -> marts: readers of the old name see a stale relation");
    }

    @Test
    void warehouseColumnDroppedWithoutYaml() {
      Node undocumented = model("stg_orders", "view", "select id from raw").build();
      Node undocumented2 = model("stg_orders", "view", "select id, amount from raw").build();
      Catalog before = catalog(new CatalogColumn("ID", "NUMBER(38,0)", 1, Optional.empty()),
          new CatalogColumn("NOTE", "TEXT", 2, Optional.empty()));
      Catalog after = catalog(new CatalogColumn("ID", "NUMBER(38,0)", 1, Optional.empty()),
          new CatalogColumn("AMOUNT", "NUMBER(18,2)", 2, Optional.empty()));
      DeployReport r = check.check(
          new TargetArtifacts(Optional.empty(), manifest("snowflake", undocumented), Optional.empty(),
              Optional.empty(), Optional.of(before)),
          new TargetArtifacts(Optional.empty(), manifest("snowflake", undocumented2), Optional.empty(),
              Optional.empty(), Optional.of(after)));
      assertThat(r.findings()).extracting(DeployFinding::kind).containsExactly(FindingKind.COLUMN_REMOVED,
          FindingKind.COLUMN_ADDED);
      assertThat(r.breaking().get(0).detail()).isEqualTo("column NOTE removed (was TEXT) (catalog)");
    }
  }

  @Nested
  class Safe {
    @Test
    void addedColumnAndNewModelAreSafe() {
      Node o = orders().rawCode("select order_id, amount, status, channel from {{ ref('stg_orders') }}")
          .checksum(new dev.dbttriage.artifact.Checksum("sha256", "new"))
          .columns(cols(col("order_id", "integer", "not_null"), col("amount", "numeric(18,2)"),
              col("status", "varchar"), col("channel", "varchar"))).build();
      Node fresh = model("customers", "table", "select 1", "model.shop.stg_orders").build();
      List<Node> nodes = new java.util.ArrayList<>(base(o, facts().build()));
      nodes.add(fresh);
      DeployReport r = check.check(prod(), manifest("snowflake", nodes.toArray(new Node[0])));
      assertThat(r.hasBreakingChanges()).isFalse();
      assertThat(r.safe()).extracting(DeployFinding::kind)
          .containsExactlyInAnyOrder(FindingKind.COLUMN_ADDED, FindingKind.MODEL_ADDED);
      assertThat(r.toText()).contains("verdict: SAFE (no backward-incompatible change)");
    }

    @Test
    void descriptionOnlyIsSafeAndNotStateModified() {
      Node o = orders().description("All orders, one row each.").build();
      DeployReport r = check.check(prod(), candidate(o, facts().build()));
      assertThat(only(r, FindingKind.DESCRIPTION_CHANGED).breaking()).isFalse();
      assertThat(r.selection().selected()).isEmpty();
      assertThat(r.changes().get(0).selectedByStateModified()).isFalse();
    }

    @Test
    void yamlOnlyColumnEditWithoutContractIsDocumentation() {
      Node before = model("stg_orders", "view", "select * from raw")
          .columns(cols(col("id", "integer"), col("note", "text"))).build();
      Node after = model("stg_orders", "view", "select * from raw").columns(cols(col("id", "integer"))).build();
      DeployReport r = check.check(manifest("postgres", before), manifest("postgres", after));
      assertThat(r.hasBreakingChanges()).isFalse();
      assertThat(only(r, FindingKind.DESCRIPTION_CHANGED).detail()).isEqualTo("YAML columns changed without an"
          + " enforced contract or SQL change (documentation only): column note removed (was text)");
    }

    @Test
    void removedUnusedModel() {
      Node scratch = model("scratch", "view", "select 1").build();
      DeployReport r = check.check(manifest("snowflake", stg(), scratch), manifest("snowflake", stg()));
      assertThat(r.hasBreakingChanges()).isFalse();
      assertThat(only(r, FindingKind.UNUSED_MODEL_REMOVED).detail()).startsWith("model removed; nothing in the"
          + " project read it");
    }
  }

  @Nested
  class SlimCi {
    @Test
    void stateModifiedPlusComesFromTheSelector() {
      Node s = model("stg_orders", "view", "select * from {{ source('app', 'orders_v2') }}").build();
      List<Node> nodes = new java.util.ArrayList<>(base(orders().build(), facts().build()));
      nodes.set(0, s);
      DeployReport r = check.check(prod(), manifest("snowflake", nodes.toArray(new Node[0])));
      assertThat(r.selection().command()).isEqualTo("dbt build --select state:modified+ --defer --state ./prod_state");
      assertThat(r.selection().evaluatedBy()).isEqualTo("selector");
      assertThat(r.selection().selected()).containsExactly("model.shop.stg_orders", ORDERS, "model.shop.order_facts",
          "test.shop.not_null_orders_order_id", "exposure.shop.revenue_dashboard");
    }

    @Test
    void selectorHookIsUsedWhenGiven() {
      DeployCheck hooked = DeployCheck.builder()
          .selectionEvaluator(expr -> expr.equals("state:modified+") ? Set.of("model.shop.order_facts", ORDERS)
              : Set.of())
          .build();
      DeployReport r = hooked.check(prod(), prod());
      assertThat(r.selection().evaluatedBy()).isEqualTo("selector");
      assertThat(r.selection().selected()).containsExactly(ORDERS, "model.shop.order_facts");
    }

    @Test
    void changedMacroSelectsItsCallers() {
      Macro m1 = new Macro("macro.shop.cents", "cents", "shop", "macros/cents.sql", "{{ x }} / 100", List.of());
      Macro m2 = new Macro("macro.shop.cents", "cents", "shop", "macros/cents.sql", "{{ x }} / 100.0", List.of());
      Node o = orders().dependsOnMacros(List.of("macro.shop.cents")).build();
      Manifest p = manifest("snowflake", base(o, facts().build()), List.of(), List.of(m1));
      Manifest c = manifest("snowflake", base(o, facts().build()), List.of(), List.of(m2));
      DeployReport r = check.check(p, c);
      assertThat(r.changes()).singleElement().satisfies(ch -> {
        assertThat(ch.aspects()).containsExactly(ChangeAspect.MACROS);
        assertThat(ch.details()).containsExactly("macro changed: macro.shop.cents");
      });
      assertThat(r.selection().selected()).contains(ORDERS, "model.shop.order_facts");
    }
    /**
     * dbt-core's _macros_modified counts a macro present only in the state manifest as modified; ManifestDiff
     * used to ignore it while the selector's state:modified selected the caller: one comparison now answers both.
     */
    @Test
    void removedMacroModifiesItsCallersInTheDiffAndTheSelection() {
      Macro cents = new Macro("macro.shop.cents", "cents", "shop", "macros/cents.sql", "{{ x }} / 100", List.of());
      Node o = orders().dependsOnMacros(List.of("macro.shop.cents")).build();
      Manifest p = manifest("snowflake", base(o, facts().build()), List.of(), List.of(cents));
      Manifest c = manifest("snowflake", base(o, facts().build()), List.of(), List.of());
      DeployReport r = check.check(p, c);
      assertThat(r.changes()).singleElement().satisfies(ch -> {
        assertThat(ch.uniqueId()).isEqualTo(ORDERS);
        assertThat(ch.aspects()).containsExactly(ChangeAspect.MACROS);
        assertThat(ch.details()).containsExactly("macro changed: macro.shop.cents");
        assertThat(ch.selectedByStateModified()).isTrue();
      });
      assertThat(r.selection().selected()).containsExactly(ORDERS, "model.shop.order_facts",
          "test.shop.not_null_orders_order_id", "exposure.shop.revenue_dashboard");
    }

    /** dbt's same_contents compares a model's latest_version, so state:modified selects it. */
    @Test
    void latestVersionMoveIsStateModified() {
      Node v1 = Node.builder("model.shop.dim_customers.v1", dev.dbttriage.artifact.ResourceType.MODEL)
          .name("dim_customers").rawCode("select 1").version("1").latestVersion("1").build();
      Node v2 = Node.builder("model.shop.dim_customers.v2", dev.dbttriage.artifact.ResourceType.MODEL)
          .name("dim_customers").rawCode("select 2").version("2").latestVersion("1").build();
      Manifest p = manifest("snowflake", v1, v2);
      Manifest c = manifest("snowflake", v1.toBuilder().latestVersion("2").build(),
          v2.toBuilder().latestVersion("2").build());
      DeployReport r = check.check(p, c);
      assertThat(r.changes()).allSatisfy(ch -> assertThat(ch.selectedByStateModified()).isTrue());
      assertThat(r.selection().selected()).containsExactly("model.shop.dim_customers.v1",
          "model.shop.dim_customers.v2");
    }

    /**
     * A source's config change is state:modified, but dbt build runs no source: the selection (now the
     * selector's) lists its readers only, where the old depends_on walk listed the source too.
     */
    @Test
    void modifiedSourceIsNotBuiltButItsReadersAre() {
      Node before = DeployFixtures.source("app", "orders", Map.of("enabled", true));
      Node after = DeployFixtures.source("app", "orders", Map.of("enabled", true, "loaded_at_field", "_synced"));
      Node reader = model("stg_orders", "view", "select * from {{ source('app', 'orders') }}",
          "source.shop.app.orders").build();
      DeployReport r = check.check(manifest("snowflake", before, reader), manifest("snowflake", after, reader));
      assertThat(r.changes()).singleElement().satisfies(ch -> {
        assertThat(ch.uniqueId()).isEqualTo("source.shop.app.orders");
        assertThat(ch.selectedByStateModified()).isTrue();
      });
      assertThat(r.selection().selected()).containsExactly("model.shop.stg_orders");
    }

    /** A dependency on an id the manifest lacks: LineageGraph refuses the graph, the check warns instead. */
    @Test
    void danglingDependencyWarnsInsteadOfFailing() {
      Node broken = model("orders", "table", "select 1", "model.shop.gone").build();
      Manifest c = manifest("snowflake", stg(), broken);
      DeployReport r = check.check(manifest("snowflake", stg()), c);
      assertThat(r.selection().evaluatedBy()).isEqualTo("none");
      assertThat(r.selection().selected()).isEmpty();
      assertThat(only(r, FindingKind.MODEL_ADDED).consumers()).isEmpty();
      assertThat(r.warnings()).contains("the candidate manifest's lineage graph cannot be built (manifest.json:"
          + " 'model.shop.orders' depends on 'model.shop.gone', which is not a node, source, metric, semantic model"
          + " or function of the manifest): consumers of its changes and the slim-CI selection are not computed");
    }
  }

  @Nested
  class Rollback {
    private DeployReport breakingOn(String adapter) {
      Node o = orders().config(Map.of("materialized", "table", "contract", Map.of("enforced", false))).build();
      Manifest p = manifest(adapter, base(orders().build(), facts().build()).toArray(new Node[0]));
      Manifest c = manifest(adapter, base(o, facts().build()).toArray(new Node[0]));
      return check.check(p, c);
    }

    @Test
    void snowflakeSwapsClonesOrRebuilds() {
      DeployReport r = breakingOn("snowflake");
      assertThat(r.rollback()).extracting(RollbackStrategy::kind).containsExactly(RollbackKind.BLUE_GREEN_SWAP,
          RollbackKind.CLONE_TIME_TRAVEL, RollbackKind.REBUILD_LAST_GREEN);
      assertThat(r.rollback().get(0).commands())
          .containsExactly("ALTER TABLE analytics.prod.orders SWAP WITH analytics.prod_blue.orders;");
      assertThat(r.rollback().get(0).expectedRecovery()).isEqualTo("seconds to tens of seconds");
      assertThat(r.rollback().get(1).commands()).containsExactly(
          "CREATE OR REPLACE TABLE analytics.prod.orders_restored CLONE analytics.prod.orders AT (TIMESTAMP =>"
              + " '2024-06-01T02:00:00Z'::TIMESTAMP_LTZ);",
          "ALTER TABLE analytics.prod.orders SWAP WITH analytics.prod.orders_restored;");
      assertThat(r.rollback().get(2).commands()).containsExactly("LAST_GREEN_SHA=<saved release SHA>",
          "git checkout \"$LAST_GREEN_SHA\"", "dbt deps", "dbt build --select orders+ --target prod --fail-fast");
      assertThat(r.rollback().get(2).expectedRecovery()).isEqualTo("minutes to tens of minutes");
    }

    @Test
    void rebuildRewritesIncrementalModelsItRollsBack() {
      Node f = facts().config(Map.of("materialized", "incremental", "unique_key", "id"))
          .unrenderedConfig(Map.of("materialized", "incremental", "unique_key", "id")).build();
      DeployReport r = check.check(prod(), candidate(orders().build(), f));
      RollbackStrategy rebuild = r.rollback().get(2);
      assertThat(rebuild.commands()).containsExactly("LAST_GREEN_SHA=<saved release SHA>",
          "git checkout \"$LAST_GREEN_SHA\"", "dbt deps", "dbt run --select order_facts --full-refresh --target prod",
          "dbt build --select order_facts+ --target prod --fail-fast");
      assertThat(rebuild.prerequisites()).endsWith("the incremental models are rebuilt with --full-refresh, or rows"
          + " the failed deploy wrote stay");
    }

    @Test
    void databricksRestoresDeltaTables() {
      RollbackStrategy tt = breakingOn("databricks").rollback().get(1);
      assertThat(tt.kind()).isEqualTo(RollbackKind.CLONE_TIME_TRAVEL);
      assertThat(tt.commands()).containsExactly("DESCRIBE HISTORY analytics.prod.orders;",
          "RESTORE TABLE analytics.prod.orders TO TIMESTAMP AS OF '2024-06-01T02:00:00Z';",
          "-- or: RESTORE TABLE analytics.prod.orders TO VERSION AS OF <version before the deploy, from DESCRIBE"
              + " HISTORY>;");
    }

    @Test
    void bigqueryUsesTimeTravelClones() {
      RollbackStrategy tt = breakingOn("bigquery").rollback().get(1);
      assertThat(tt.commands()).containsExactly(
          "CREATE OR REPLACE TABLE `analytics.prod.orders_restored` CLONE `analytics.prod.orders` FOR SYSTEM_TIME"
              + " AS OF TIMESTAMP('2024-06-01T02:00:00Z');",
          "bq cp -f analytics:prod.orders_restored analytics:prod.orders");
    }

    @Test
    void postgresHasNoTimeTravelAndSwapsSchemas() {
      DeployReport r = breakingOn("postgres");
      assertThat(r.rollback()).extracting(RollbackStrategy::kind)
          .containsExactly(RollbackKind.BLUE_GREEN_SWAP, RollbackKind.REBUILD_LAST_GREEN);
      assertThat(r.rollback().get(0).commands()).containsExactly(
          "BEGIN; ALTER SCHEMA prod RENAME TO prod_failed; ALTER SCHEMA prod_blue RENAME TO prod; COMMIT;");
    }

    @Test
    void duckdbRepointsViews() {
      DeployReport r = breakingOn("duckdb");
      assertThat(r.rollback()).extracting(RollbackStrategy::kind)
          .containsExactly(RollbackKind.BLUE_GREEN_SWAP, RollbackKind.REBUILD_LAST_GREEN);
      assertThat(r.rollback().get(0).commands()).containsExactly(
          "CREATE OR REPLACE VIEW analytics.prod.orders AS SELECT * FROM analytics.prod_blue.orders;");
    }

    @Test
    void rebuildTimeIsEstimatedFromRunHistory() {
      RunResults runs = new RunResults(new ArtifactMetadata(ArtifactKind.RUN_RESULTS, 6, "", Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
          InvocationArgs.NONE, OptionalDouble.empty(), List.of(
              RunResult.of(ORDERS, RunStatus.SUCCESS, "ok").withExecutionTime(240),
              RunResult.of("model.shop.order_facts", RunStatus.SUCCESS, "ok").withExecutionTime(60),
              RunResult.of("test.shop.not_null_orders_order_id", RunStatus.PASS, "ok").withExecutionTime(3)),
          List.of());
      Node o = orders().config(Map.of("materialized", "table", "contract", Map.of("enforced", false))).build();
      DeployReport r = DeployCheck.builder().history(List.of(runs)).build().check(prod(),
          candidate(o, facts().build()));
      RollbackStrategy rebuild = r.rollback().get(2);
      assertThat(rebuild.estimatedSeconds().getAsDouble()).isEqualTo(303.0);
      assertThat(rebuild.expectedRecovery()).isEqualTo("about 5 min of node time (sum of the last successful"
          + " execution times of 3 of 4 rebuilt nodes in the run history; an upper bound, dbt runs them in parallel"
          + " threads), plus dbt's start-up; minutes to tens of minutes on a typical project");
    }
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    Node o = orders().config(Map.of("materialized", "table", "contract", Map.of("enforced", false))).build();
    JsonNode j = new ObjectMapper().readTree(check.check(prod(), candidate(o, facts().build())).toJson());
    assertThat(j.get("adapter").asText()).isEqualTo("snowflake");
    assertThat(j.get("verdict").asText()).isEqualTo("breaking");
    assertThat(j.get("summary").get("modified").asInt()).isEqualTo(1);
    assertThat(j.get("summary").get("breaking").asInt()).isEqualTo(1);
    assertThat(j.get("selection").get("expression").asText()).isEqualTo("state:modified+");
    assertThat(j.get("changes").get(0).get("aspects").get(0).asText()).isEqualTo("contract");
    assertThat(j.get("breaking").get(0).get("kind").asText()).isEqualTo("contract_removed");
    assertThat(j.get("rollback").get(0).get("strategy").asText()).isEqualTo("blue_green_swap");
    assertThat(j.get("rollback").get(2).get("estimated_seconds").isNull()).isTrue();
    List<String> keys = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("adapter", "production_generated_at", "verdict", "summary", "selection",
        "changes", "breaking", "safe", "rollback", "warnings");
  }

  private static Catalog catalog(CatalogColumn... columns) {
    Map<String, CatalogColumn> m = new LinkedHashMap<>();
    for (CatalogColumn c : columns) {
      m.put(c.name(), c);
    }
    CatalogTable t = new CatalogTable("model.shop.stg_orders", "VIEW", Optional.of("ANALYTICS"), "PROD",
        "STG_ORDERS", Optional.empty(), m, Map.of());
    return new Catalog(new ArtifactMetadata(ArtifactKind.CATALOG, 1, "", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Map.of(t.uniqueId(), t), Map.of(),
        List.of(), List.of());
  }
}
