package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodesAssertTest {
  private final Manifest manifest = ShopManifest.manifest();

  @Test
  void allHaveUniqueKeyNamesTheModelsWithout() {
    assertThatThrownBy(() -> assertThat(manifest).incrementalModels().allHaveUniqueKey())
        .hasMessage("Expecting all 2 incremental models to have a unique_key but 1 has none: [model.shop.payments]");
    assertThat(manifest).incrementalModels().filteredOn(n -> n.name().equals("orders")).allHaveUniqueKey();
  }

  @Test
  void allHaveOwnerCoversExposures() {
    assertThatThrownBy(() -> assertThat(manifest).exposures().allHaveOwner())
        .hasMessage("Expecting all 2 exposures to have an owner but 1 has none: [exposure.shop.adhoc_notebook]");
  }

  @Test
  void pluralMessagesAndDisabledModelsLeftOut() {
    assertThatThrownBy(() -> assertThat(manifest).models().allHaveOwner())
        .hasMessage("Expecting all 7 models to have an owner but 5 have none: [model.shop.payments,"
            + " model.shop.order_summary, model.shop.marts_old_report, model.shop.customers.v1,"
            + " model.shop.customers.v2]");
  }

  @Test
  void allHaveTagAndDescriptionAndContract() {
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/staging").allHaveTag("nightly"))
        .hasMessage("Expecting all 1 models under \"models/staging\" to have tag \"nightly\" but 1 does not:"
            + " [model.shop.stg_orders]");
    assertThatThrownBy(() -> assertThat(manifest).incrementalModels().allHaveDescription())
        .hasMessage("Expecting all 2 incremental models to have a description but 1 has none:"
            + " [model.shop.payments]");
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/marts").allHaveContractEnforced())
        .hasMessage("Expecting all 5 models under \"models/marts\" to have contract.enforced true but 4 do not:"
            + " [model.shop.payments, model.shop.order_summary, model.shop.customers.v1, model.shop.customers.v2]");
  }

  @Test
  void noMartIsAView() {
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/marts").noneMaterializedAs("view"))
        .hasMessage("Expecting none of the 5 models under \"models/marts\" to be materialized \"view\" but 1 is:"
            + " [model.shop.order_summary]");
    assertThatThrownBy(() -> assertThat(manifest).modelsMaterializedAs("view").noneInPath("models/marts"))
        .hasMessage("Expecting none of the 3 models materialized \"view\" to be under \"models/marts\" but 1 is:"
            + " [model.shop.order_summary (models/marts/order_summary.sql)]");
    assertThat(manifest).modelsInPath("models/staging").noneMaterializedAs("table").noneInPath("models/marts");
  }

  @Test
  void allMaterializedAsShowsTheOthers() {
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/marts").allMaterializedAs("table"))
        .hasMessage("Expecting all 5 models under \"models/marts\" to be materialized \"table\" but 3 are not:"
            + " [model.shop.orders (incremental), model.shop.payments (incremental),"
            + " model.shop.order_summary (view)]");
  }

  @Test
  void longListsAreCut() {
    List<Node> many = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      many.add(Node.builder("model.shop.m" + i, ResourceType.MODEL).config(Map.of("materialized", "view"))
          .build());
    }
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      ids.append(i == 0 ? "" : ", ").append("model.shop.m").append(i);
    }
    assertThatThrownBy(() -> new NodesAssert(many, "models").noneMaterializedAs("view"))
        .hasMessage("Expecting none of the 23 models to be materialized \"view\" but 23 are: [" + ids
            + ", ... (3 more)]");
  }

  @Test
  void isAFullAssertJListAssertion() {
    assertThat(manifest).incrementalModels().hasSize(2).first().hasUniqueKey("order_id");
    assertThat(manifest).models().allSatisfy(m -> assertThat(m).isModel());
    assertThatThrownBy(() -> assertThat(manifest).incrementalModels().element(1).hasAUniqueKey())
        .hasMessageContaining("Expecting model.shop.payments to have a unique_key but it has none");
  }

  @Test
  void emptyListsPass() {
    assertThat(manifest).groups().allHaveOwner().noneInPath("models");
  }

  @Test
  void assertJsOwnChecksPrintNodesByUniqueId() {
    assertThatThrownBy(() -> assertThat(manifest).incrementalModels().hasSize(3))
        .hasMessage("%nExpected size: 3 but was: 2 in:%n[model.shop.orders, model.shop.payments]".formatted());
    assertThatThrownBy(() -> assertThat(manifest).isNull())
        .hasMessage("%nexpected: null%n but was: manifest of shop (9 nodes, schema v12)".formatted());
  }
}
