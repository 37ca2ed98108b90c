package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static dev.dbttriage.assertj.TriageAssertions.assertThatSelection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.select.Selection;
import dev.dbttriage.select.SelectionCommand;
import dev.dbttriage.select.SelectionRequest;
import dev.dbttriage.select.SelectorSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionAssertTest {
  private static final String DAILY = "[exposure.shop.weekly_revenue, model.shop.orders, model.shop.revenue,"
      + " model.shop.stg_orders, model.shop.stg_payments, test.shop.not_null_orders_order_id.1a2b3c,"
      + " test.shop.unique_orders_order_id.1a2b3c]";
  private final Manifest manifest = LineageShop.manifest();

  @Test
  void selectionFromTheManifestIsWhatDbtLsLists() {
    // The analysis below orders is not among ls's default resource types; the disabled model is not in the graph.
    SelectionAssert a = assertThat(manifest).selection("tag:daily+");
    assertThat(a.hasSize(7).hasSizeLessThan(8).hasSizeGreaterThan(6).isNotEmpty().hasNoWarnings()
        .contains("stg_orders", "model.shop.revenue", "weekly_revenue", "unique_orders_order_id")
        .doesNotContain("fx_rates", "raw.orders", "adhoc", "old_orders")).isSameAs(a);
    a.ids().hasSize(7).first().isEqualTo("exposure.shop.weekly_revenue");
    assertThatSelection(manifest, "tag:daily+").ofType(ResourceType.MODEL).hasSize(4).hasSizeLessThan(200)
        .containsOnlyResourceTypes(ResourceType.MODEL);
  }

  @Test
  void hasSizeListsTheSelection() {
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:daily+").hasSize(3))
        .hasMessage("Expecting the selection \"tag:daily+\" to have 3 nodes but it has 7: " + DAILY);
  }

  @Test
  void sizeBounds() {
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:daily+").hasSizeLessThan(7))
        .hasMessage("Expecting the selection \"tag:daily+\" to have fewer than 7 nodes but it has 7");
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:daily+").ofType(ResourceType.MODEL)
        .hasSizeLessThan(1))
        .hasMessage("Expecting the selection \"tag:daily+\" restricted to model to have fewer than 1 node but it"
            + " has 4");
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:daily+").hasSizeGreaterThan(7))
        .hasMessage("Expecting the selection \"tag:daily+\" to have more than 7 nodes but it has 7");
  }

  @Test
  void containsNamesWhatIsMissing() {
    assertThatThrownBy(() -> assertThat(manifest).selection("revenue+").contains("revenue", "orders", "fx_rates"))
        .hasMessage("Expecting the selection \"revenue+\" to contain [revenue, orders, fx_rates] but it lacks"
            + " [orders, fx_rates]; it has 2 nodes: [exposure.shop.weekly_revenue, model.shop.revenue]");
  }

  @Test
  void doesNotContainNamesWhatIsThereByUniqueId() {
    assertThatThrownBy(() -> assertThat(manifest).selection("+orders").doesNotContain("raw.orders", "fx_rates",
        "revenue"))
        .hasMessage("Expecting the selection \"+orders\" not to contain [raw.orders, fx_rates, revenue] but it"
            + " contains [seed.shop.fx_rates, source.shop.raw.orders]");
  }

  @Test
  void containsExactlySaysWhatIsMissingAndWhatIsExtra() {
    assertThat(manifest).selection("revenue+")
        .containsExactly("model.shop.revenue", "exposure.shop.weekly_revenue");
    assertThatThrownBy(() -> assertThat(manifest).selection("revenue+")
        .containsExactly("model.shop.revenue", "model.shop.orders"))
        .hasMessage("Expecting the selection \"revenue+\" to contain exactly [model.shop.orders, model.shop.revenue]"
            + " but it lacks [model.shop.orders] and it also has [exposure.shop.weekly_revenue]");
    assertThatThrownBy(() -> assertThat(manifest).selection("revenue+").containsExactly("model.shop.revenue"))
        .hasMessage("Expecting the selection \"revenue+\" to contain exactly [model.shop.revenue] but it also has"
            + " [exposure.shop.weekly_revenue]");
  }

  @Test
  void emptinessAndWarnings() {
    assertThat(manifest).selection("tag:nope").isEmpty();
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:nope").isNotEmpty())
        .hasMessage("Expecting the selection \"tag:nope\" not to be empty but it is (warnings: [The selection"
            + " criterion 'tag:nope' does not match any enabled nodes, No nodes selected!])");
    // dbt warns twice: about the criterion, and that nothing is selected at all.
    assertThatThrownBy(() -> assertThat(manifest).selection("tag:nope").hasNoWarnings())
        .hasMessage("Expecting the selection \"tag:nope\" to have no warnings but it has 2: [The selection"
            + " criterion 'tag:nope' does not match any enabled nodes, No nodes selected!]");
    assertThatThrownBy(() -> assertThat(manifest).selection("revenue+").isEmpty())
        .hasMessage("Expecting the selection \"revenue+\" to be empty but it has 2 nodes:"
            + " [exposure.shop.weekly_revenue, model.shop.revenue]");
  }

  @Test
  void containsOnlyResourceTypesNamesTheOthersWithTheirType() {
    assertThatThrownBy(() -> assertThat(manifest).selection("orders+")
        .containsOnlyResourceTypes(ResourceType.MODEL, ResourceType.EXPOSURE))
        .hasMessage("Expecting the selection \"orders+\" to contain only model, exposure but 2 are not:"
            + " [test.shop.not_null_orders_order_id.1a2b3c (test), test.shop.unique_orders_order_id.1a2b3c (test)]");
  }

  @Test
  void aFullRequestIsLabelledWithItsFlags() {
    SelectionRequest build = SelectionRequest.builder().select("tag:daily+").exclude("revenue+")
        .command(SelectionCommand.RUN).build();
    assertThatThrownBy(() -> assertThat(manifest).selection(build).hasSize(0))
        .hasMessage("Expecting the selection \"tag:daily+ --exclude revenue+\" to have 0 nodes but it has 3:"
            + " [model.shop.orders, model.shop.stg_orders, model.shop.stg_payments]");
  }

  @Test
  void aSelectionValueFromTheEngineOrByHand() {
    Selection s = new Selection(List.of("model.shop.customers.v2", "source.shop.raw.orders"), List.of());
    assertThat(s).hasSize(2).contains("customers", "customers.v2", "raw.orders").doesNotContain("orders");
    assertThatThrownBy(() -> assertThat(s).hasSize(1))
        .hasMessage("Expecting the selection to have 1 node but it has 2: [model.shop.customers.v2,"
            + " source.shop.raw.orders]");
  }

  @Test
  void aMalformedSelectorIsTheSelectorsError() {
    assertThatThrownBy(() -> assertThat(manifest).selection("tagg:daily"))
        .isInstanceOf(SelectorSyntaxException.class);
  }

  @Test
  void aNullSelectionFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((Selection) null).isEmpty())
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(s()).isNull())
        .hasMessage("%nexpected: null%n but was: selection of 1 nodes".formatted());
  }

  private static Selection s() {
    return new Selection(List.of("model.shop.a"), List.of());
  }
}
