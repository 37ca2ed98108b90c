package dev.dbttriage.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.TargetArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Deploy checks between real manifests of one project from the shared corpus (skipped when it is absent). */
class DeployCheckIT {
  private static TargetArtifacts target(String dir) {
    Path p = Path.of(System.getProperty("dbttriage.shared", "../shared")).resolve("fixtures/artifacts").resolve(dir);
    assumeTrue(Files.isDirectory(p), "shared fixtures absent: " + p);
    return Artifacts.readTarget(p);
  }

  /** gcp-hospital-medallion turned a contract on for stg_registrations; the reverse deploy removes it. */
  @Test
  void droppingAnEnforcedContractIsBreaking() {
    DeployReport r = DeployCheck.builder().build().check(
        target("lalithadurgempudi_gcp-hospital-medallion/1.12.2_70dc255"),
        target("lalithadurgempudi_gcp-hospital-medallion/1.12.2_efc920f"));
    String id = "model.gcp_hospital_medallion.stg_registrations";
    assertThat(r.adapter()).isEqualTo("bigquery");
    assertThat(r.breaking()).anySatisfy(f -> {
      assertThat(f.uniqueId()).isEqualTo(id);
      assertThat(f.kind()).isEqualTo(FindingKind.CONTRACT_REMOVED);
      assertThat(f.consumers()).containsExactly("model.gcp_hospital_medallion.patient_360");
    });
    assertThat(r.rollback()).extracting(RollbackStrategy::kind).containsExactly(RollbackKind.BLUE_GREEN_SWAP,
        RollbackKind.CLONE_TIME_TRAVEL, RollbackKind.REBUILD_LAST_GREEN);
    assertThat(r.rollback().get(1).commands()).anyMatch(c -> c.startsWith("CREATE OR REPLACE TABLE"
        + " `project-5fbc8bf7-2dd6-4f0a-a5f.hospital_silver.stg_registrations_restored` CLONE"));
  }

  /** sample-dbt: between dbt 1.3 and 1.6 builds the warehouse column billing_month became BillingMonth. */
  @Test
  void catalogShowsARenamedColumn() {
    DeployReport r = DeployCheck.builder().build().check(target("sample-dbt/dbt_1.3.0"),
        target("sample-dbt/dbt_1.6.5"));
    assertThat(r.breaking()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.COLUMN_RENAMED);
      assertThat(f.uniqueId()).isEqualTo("model.sample_dbt.payments_by_customer_by_month");
      assertThat(f.detail()).isEqualTo("column billing_month looks renamed to BillingMonth (catalog)");
      assertThat(f.consumers()).containsExactly("model.sample_dbt.monthly_billing_with_cust");
    });
    assertThat(r.rollback()).extracting(RollbackStrategy::kind)
        .containsExactly(RollbackKind.BLUE_GREEN_SWAP, RollbackKind.REBUILD_LAST_GREEN);
  }

  /** The same artifacts on both sides change nothing. */
  @Test
  void identicalArtifactsAreSafe() {
    DeployReport r = DeployCheck.builder().build().check(target("DIY9_dbt/1.0.1_175e6a0"),
        target("DIY9_dbt/1.0.1_175e6a0"));
    assertThat(r.changes()).isEmpty();
    assertThat(r.selection().selected()).isEmpty();
    assertThat(r.hasBreakingChanges()).isFalse();
  }

  /**
   * OpenLineage's trimmed duckdb manifest keeps customers' dependency on stg_customers but not the model: the
   * lineage graph cannot be built, and the check says so instead of failing (deploy.Lineage used to walk it).
   */
  @Test
  void manifestWithoutAGraphStillChecksWithAWarning() {
    TargetArtifacts t = target("openlineage/duckdb");
    DeployReport r = DeployCheck.builder().build().check(t, t);
    assertThat(r.changes()).isEmpty();
    assertThat(r.selection().evaluatedBy()).isEqualTo("none");
    assertThat(r.warnings()).contains("the candidate manifest's lineage graph cannot be built (manifest.json:"
        + " 'model.jaffle_shop.customers' depends on 'model.jaffle_shop.stg_customers', which is not a node,"
        + " source, metric, semantic model or function of the manifest): consumers of its changes and the slim-CI"
        + " selection are not computed");
  }
}
