package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.lineage.LineageGraph;
import org.junit.jupiter.api.Test;

class BlastRadiusAssertTest {
  private static final String BELOW_STG = "[exposure.shop.weekly_revenue, model.shop.orders, model.shop.revenue,"
      + " test.shop.not_null_orders_order_id.1a2b3c, test.shop.unique_orders_order_id.1a2b3c]";
  private final Manifest manifest = LineageShop.manifest();

  @Test
  void theBlastRadiusIsWhatDbtLsListsBelowTheNode() {
    // dbt ls --select stg_orders+ lists stg_orders and these five; the analysis and the disabled model are not
    // listed, though the raw graph has them below.
    assertThat(LineageGraph.of(manifest).downstream("model.shop.stg_orders")).contains("analysis.shop.adhoc");
    assertThat(manifest).model("stg_orders").blastRadius().hasSize(5).doesNotContain("stg_orders", "adhoc")
        .ids().containsExactly(BELOW_STG.substring(1, BELOW_STG.length() - 1).split(", "));
    assertThat(manifest).model("revenue").blastRadius().containsExactly("exposure.shop.weekly_revenue");
    assertThat(manifest).node("exposure.shop.weekly_revenue").blastRadius().isEmpty();
    assertThat(manifest).node("source.shop.raw.orders").blastRadius().hasSize(6).contains("stg_orders");
    assertThat(manifest).model("orders").hasDownstreamCountLessThan(5).blastRadius()
        .ofType(ResourceType.TEST).hasSize(2);
  }

  @Test
  void blastRadiusFailuresNameTheNode() {
    assertThatThrownBy(() -> assertThat(manifest).model("stg_orders").blastRadius().hasSizeLessThan(5))
        .hasMessage("Expecting the blast radius of model.shop.stg_orders to have fewer than 5 nodes but it has 5");
    assertThatThrownBy(() -> assertThat(manifest).model("stg_orders").blastRadius().hasSize(1))
        .hasMessage("Expecting the blast radius of model.shop.stg_orders to have 1 node but it has 5: " + BELOW_STG);
    assertThatThrownBy(() -> assertThat(manifest).model("orders").hasDownstreamCountLessThan(3))
        .hasMessage("Expecting model.shop.orders to have fewer than 3 downstream nodes but it has 4");
  }

  @Test
  void aDisabledModelHasNoBlastRadius() {
    assertThat(manifest).node("model.shop.old_orders").blastRadius().isEmpty();
  }

  @Test
  void everyStagingModelStaysBelowTheBound() {
    assertThat(manifest).modelsInPath("models/staging").hasSize(2).allHaveBlastRadiusBelow(50);
    assertThatThrownBy(() -> assertThat(manifest).models().allHaveBlastRadiusBelow(4))
        .hasMessage("Expecting all 4 models to have fewer than 4 downstream nodes but 3 do not:"
            + " [model.shop.stg_orders (5 downstream), model.shop.stg_payments (5 downstream),"
            + " model.shop.orders (4 downstream)]");
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/marts").allHaveBlastRadiusBelow(4))
        .hasMessage("Expecting all 2 models under \"models/marts\" to have fewer than 4 downstream nodes but 1 does"
            + " not: [model.shop.orders (4 downstream)]");
  }

  @Test
  void navigationKeepsTheManifest() {
    assertThat(manifest).models().filteredOn(m -> m.name().startsWith("stg_")).allHaveBlastRadiusBelow(6)
        .first().hasDownstreamCountLessThan(6);
    assertThat(manifest).exposures().allHaveBlastRadiusBelow(1);
  }

  @Test
  void withoutTheManifestTheBlastRadiusCannotBeComputed() {
    assertThatThrownBy(() -> assertThat(manifest.node("model.shop.orders").orElseThrow()).blastRadius())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the blast radius of model.shop.orders needs its manifest: start from"
            + " assertThat(manifest).model(...) or .node(...)");
    assertThatThrownBy(() -> new NodesAssert(manifest.models(), "models").allHaveBlastRadiusBelow(50))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the blast radius of models needs their manifest: start from assertThat(manifest)");
  }

  @Test
  void eachManifestGetsItsOwnGraph() {
    Manifest other = LineageShop.manifest();
    assertThat(other).model("orders").blastRadius().hasSize(4);
  }

  @Test
  void aManifestWithADanglingDependencyIsTheReadersError() {
    // ShopManifest leaves its sources out, which no manifest dbt writes does.
    assertThatThrownBy(() -> assertThat(ShopManifest.manifest()).model("orders").blastRadius())
        .isInstanceOf(ArtifactException.class)
        .hasMessage("manifest.json: 'model.shop.stg_orders' depends on 'source.shop.raw.orders', which is not a"
            + " node, source, metric, semantic model or function of the manifest");
  }
}
