package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import org.junit.jupiter.api.Test;

class ManifestAssertTest {
  private final Manifest manifest = ShopManifest.manifest();

  @Test
  void modelNavigatesToTheModel() {
    assertThat(manifest).hasModel("orders").doesNotHaveModel("legacy").hasAdapterType("snowflake");
    assertThat(manifest).model("orders").isIncremental().hasUniqueKey("order_id");
  }

  @Test
  void hasModelFailsWhenAbsent() {
    assertThatThrownBy(() -> assertThat(manifest).hasModel("ordrs"))
        .hasMessage("Expecting the manifest to have a model named \"ordrs\" but it has none among its 7 models");
    assertThatThrownBy(() -> assertThat(manifest).model("legacy"))
        .hasMessage("Expecting the manifest to have a model named \"legacy\" but it has none among its 7 models");
  }

  @Test
  void doesNotHaveModelNamesIt() {
    assertThatThrownBy(() -> assertThat(manifest).doesNotHaveModel("orders"))
        .hasMessage("Expecting the manifest not to have a model named \"orders\" but it has [model.shop.orders]");
  }

  @Test
  void aVersionedModelResolvesToItsLatestVersion() {
    assertThat(manifest).model("customers").hasVersion("2");
    assertThatThrownBy(() -> assertThat(manifest).model("customers").hasVersion("1"))
        .hasMessage("Expecting model.shop.customers.v2 to have version \"1\" but it has \"2\"");
    assertThatThrownBy(() -> assertThat(manifest).model("orders").hasVersion("1"))
        .hasMessage("Expecting model.shop.orders to have version \"1\" but it has none");
  }

  @Test
  void severalVersionsWithoutALatestAreAmbiguous() {
    Node a = ShopManifest.customers("1").toBuilder().latestVersion("3").build();
    Node b = ShopManifest.customers("2").toBuilder().latestVersion("3").build();
    java.util.Map<String, Node> nodes = new java.util.LinkedHashMap<>();
    nodes.put(a.uniqueId(), a);
    nodes.put(b.uniqueId(), b);
    Manifest m = new Manifest(manifest.metadata(), nodes, java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.List.of());
    assertThatThrownBy(() -> assertThat(m).model("customers"))
        .hasMessage("Expecting the manifest to have one model named \"customers\" but it has 2 and none is the"
            + " latest version: [model.shop.customers.v1, model.shop.customers.v2]");
  }

  @Test
  void nodeFindsAnyResourceById() {
    assertThat(manifest).node("exposure.shop.weekly_revenue").hasOwner("Finance").dependsOn("orders");
    assertThatThrownBy(() -> assertThat(manifest).node("model.shop.nope"))
        .hasMessage("Expecting the manifest to have a resource with unique_id \"model.shop.nope\" but it has none");
  }

  @Test
  void hasAdapterType() {
    assertThatThrownBy(() -> assertThat(manifest).hasAdapterType("bigquery"))
        .hasMessage("Expecting the manifest's adapter_type to be \"bigquery\" but it is \"snowflake\"");
  }

  @Test
  void navigationFiltersEnabledModels() {
    assertThat(manifest).models().hasSize(7);
    assertThat(manifest).incrementalModels().extracting(Node::name).containsExactly("orders", "payments");
    assertThat(manifest).modelsMaterializedAs("view").extracting(Node::name)
        .containsExactly("stg_orders", "order_summary", "marts_old_report");
    assertThat(manifest).modelsInPath("models/marts").extracting(Node::name)
        .containsExactly("orders", "payments", "order_summary", "customers", "customers");
    assertThat(manifest).modelsTagged("nightly").extracting(Node::name).containsExactly("orders");
    assertThat(manifest).exposures().hasSize(2);
    assertThat(manifest).groups().isEmpty();
  }

  @Test
  void aNullManifestFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((Manifest) null).models())
        .hasMessageContaining("Expecting actual not to be null");
  }
}
