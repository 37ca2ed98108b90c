package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import org.junit.jupiter.api.Test;

class NodeAssertTest {
  private final Node orders = ShopManifest.orders();
  private final Node stg = ShopManifest.stgOrders();

  @Test
  void passingChecksChainAndReturnTheSameAssertion() {
    NodeAssert a = assertThat(orders);
    assertThat(a.isModel().isEnabled().isIncremental().hasUniqueKey("order_id").hasAUniqueKey()
        .hasIncrementalStrategy("merge").hasOnSchemaChange("fail").hasTag("nightly").doesNotHaveTag("daily")
        .hasOwner("finance").hasAnOwner().dependsOn("stg_orders").dependsOn("seed.shop.fx_rates")
        .dependsOn("raw.refunds").doesNotDependOn("customers").hasColumn("amount")
        .hasColumnOfType("amount", "number(38,2)").hasContractEnforced().isInGroup("finance").hasAccess("public")
        .isInPath("models/marts").isInPath("models/marts/").isNotMaterializedAs("view")
        .isOfType(ResourceType.MODEL)).isSameAs(a);
    assertThat(stg).isMaterializedAs("view").hasTag("staging").dependsOn("source.shop.raw.orders");
  }

  @Test
  void isModelNamesTheActualType() {
    assertThatThrownBy(() -> assertThat(ShopManifest.fxRates()).isModel())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting seed.shop.fx_rates to be a model but it is a seed");
  }

  @Test
  void isEnabledFailsForADisabledModel() {
    assertThatThrownBy(() -> assertThat(ShopManifest.legacy()).isEnabled())
        .hasMessage("Expecting model.shop.legacy to be enabled but config.enabled is false");
  }

  @Test
  void isIncrementalSaysWhatTheMaterializationIs() {
    assertThatThrownBy(() -> assertThat(stg).isIncremental())
        .hasMessage("Expecting model.shop.stg_orders to be materialized \"incremental\" but it is materialized"
            + " \"view\"");
    Node bare = Node.builder("model.shop.bare", ResourceType.MODEL).build();
    assertThatThrownBy(() -> assertThat(bare).isMaterializedAs("table"))
        .hasMessage("Expecting model.shop.bare to be materialized \"table\" but it is not materialized"
            + " (no config.materialized)");
  }

  @Test
  void isNotMaterializedAs() {
    assertThatThrownBy(() -> assertThat(stg).isNotMaterializedAs("view"))
        .hasMessage("Expecting model.shop.stg_orders not to be materialized \"view\" but it is");
  }

  @Test
  void hasUniqueKeyComparesTheWholeKey() {
    assertThatThrownBy(() -> assertThat(orders).hasUniqueKey("order_id", "line_id"))
        .hasMessage("Expecting model.shop.orders to have unique_key [order_id, line_id] but it has [order_id]");
    assertThatThrownBy(() -> assertThat(ShopManifest.payments()).hasUniqueKey("payment_id"))
        .hasMessage("Expecting model.shop.payments to have unique_key [payment_id] but it has none");
  }

  @Test
  void hasAUniqueKeyTreatsAnEmptyListAsNone() {
    assertThatThrownBy(() -> assertThat(ShopManifest.payments()).hasAUniqueKey())
        .hasMessage("Expecting model.shop.payments to have a unique_key but it has none");
  }

  @Test
  void hasIncrementalStrategyAndOnSchemaChange() {
    assertThatThrownBy(() -> assertThat(orders).hasIncrementalStrategy("append"))
        .hasMessage("Expecting model.shop.orders to have incremental_strategy \"append\" but it has \"merge\"");
    assertThatThrownBy(() -> assertThat(stg).hasIncrementalStrategy("merge"))
        .hasMessage("Expecting model.shop.stg_orders to have incremental_strategy \"merge\" but it has none");
    assertThatThrownBy(() -> assertThat(orders).hasOnSchemaChange("append_new_columns"))
        .hasMessage("Expecting model.shop.orders to have on_schema_change \"append_new_columns\" but it has"
            + " \"fail\"");
  }

  @Test
  void hasTagListsTheTags() {
    assertThatThrownBy(() -> assertThat(orders).hasTag("daily"))
        .hasMessage("Expecting model.shop.orders to have tag \"daily\" but its tags are [nightly, finance]");
    assertThatThrownBy(() -> assertThat(orders).doesNotHaveTag("finance"))
        .hasMessage("Expecting model.shop.orders not to have tag \"finance\" but it has");
  }

  @Test
  void hasOwnerReadsMetaOwnerAndExposureOwner() {
    assertThatThrownBy(() -> assertThat(orders).hasOwner("growth"))
        .hasMessage("Expecting model.shop.orders to have owner \"growth\" but its owner is \"finance\"");
    assertThatThrownBy(() -> assertThat(ShopManifest.payments()).hasOwner("finance"))
        .hasMessage("Expecting model.shop.payments to have owner \"finance\" but it has none");
    assertThatThrownBy(() -> assertThat(ShopManifest.adhocNotebook()).hasAnOwner())
        .hasMessage("Expecting exposure.shop.adhoc_notebook to have an owner (meta.owner or owner.name) but it has"
            + " none");
    assertThat(ShopManifest.weeklyDashboard()).hasOwner("Finance");
  }

  @Test
  void dependsOnListsTheDependencies() {
    assertThatThrownBy(() -> assertThat(orders).dependsOn("customers"))
        .hasMessage("Expecting model.shop.orders to depend on \"customers\" but it depends on"
            + " [model.shop.stg_orders, seed.shop.fx_rates, source.shop.raw.refunds]");
    // A source is named source_name.table, so a bare table name does not match it.
    assertThatThrownBy(() -> assertThat(orders).dependsOn("refunds"))
        .hasMessageStartingWith("Expecting model.shop.orders to depend on \"refunds\" but it depends on");
    assertThatThrownBy(() -> assertThat(orders).doesNotDependOn("stg_orders"))
        .hasMessage("Expecting model.shop.orders not to depend on \"stg_orders\" but it does"
            + " (model.shop.stg_orders)");
  }

  @Test
  void hasColumnListsTheDeclaredColumns() {
    assertThatThrownBy(() -> assertThat(orders).hasColumn("status"))
        .hasMessage("Expecting model.shop.orders to declare column \"status\" but it declares"
            + " [order_id, amount, note]");
  }

  @Test
  void hasColumnOfTypeComparesIgnoringCaseAndSpaces() {
    assertThatThrownBy(() -> assertThat(orders).hasColumnOfType("amount", "number(18,2)"))
        .hasMessage("Expecting column \"amount\" of model.shop.orders to have data_type \"number(18,2)\" but it"
            + " has \"NUMBER(38, 2)\"");
    assertThatThrownBy(() -> assertThat(orders).hasColumnOfType("note", "varchar"))
        .hasMessage("Expecting column \"note\" of model.shop.orders to have data_type \"varchar\" but it has none");
    assertThatThrownBy(() -> assertThat(orders).hasColumnOfType("status", "varchar"))
        .hasMessage("Expecting model.shop.orders to declare column \"status\" but it declares"
            + " [order_id, amount, note]");
  }

  @Test
  void hasContractEnforced() {
    assertThatThrownBy(() -> assertThat(stg).hasContractEnforced())
        .hasMessage("Expecting model.shop.stg_orders to have contract.enforced true but it is not enforced");
  }

  @Test
  void isInGroupAndHasAccess() {
    assertThatThrownBy(() -> assertThat(orders).isInGroup("growth"))
        .hasMessage("Expecting model.shop.orders to be in group \"growth\" but it is in \"finance\"");
    assertThatThrownBy(() -> assertThat(stg).isInGroup("growth"))
        .hasMessage("Expecting model.shop.stg_orders to be in group \"growth\" but it is in no group");
    assertThatThrownBy(() -> assertThat(orders).hasAccess("private"))
        .hasMessage("Expecting model.shop.orders to have access \"private\" but it has \"public\"");
    assertThatThrownBy(() -> assertThat(stg).hasAccess("private"))
        .hasMessage("Expecting model.shop.stg_orders to have access \"private\" but it has none");
  }

  @Test
  void isInPathComparesWholeSegments() {
    assertThatThrownBy(() -> assertThat(ShopManifest.martsOldView()).isInPath("models/marts"))
        .hasMessage("Expecting model.shop.marts_old_report to be under \"models/marts\" but its file is"
            + " \"models/marts_old/report.sql\"");
  }

  @Test
  void isInPathAcceptsWindowsSeparatorsAsWrittenByDbtOnWindows() {
    Node seed = Node.builder("seed.shop.fx", ResourceType.SEED).originalFilePath("data/seeds\\fx.csv").build();
    assertThat(seed).isInPath("data/seeds").isInPath("data\\seeds");
    assertThatThrownBy(() -> assertThat(seed).isInPath("seeds"))
        .hasMessage("Expecting seed.shop.fx to be under \"seeds\" but its file is \"data/seeds\\fx.csv\"");
  }

  @Test
  void aDescriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThat(stg).as("nightly check").isIncremental())
        .hasMessage("[nightly check] Expecting model.shop.stg_orders to be materialized \"incremental\" but it is"
            + " materialized \"view\"");
  }

  @Test
  void aNullNodeFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((Node) null).isIncremental())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
