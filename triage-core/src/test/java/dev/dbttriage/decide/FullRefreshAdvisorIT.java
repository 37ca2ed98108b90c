package dev.dbttriage.decide;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.TargetArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions on real artifacts of the shared corpus (skipped when it is absent). */
class FullRefreshAdvisorIT {
  private static Path corpus(String dir) {
    Path p = Path.of(System.getProperty("dbttriage.shared", "../shared")).resolve("fixtures/artifacts").resolve(dir);
    assumeTrue(Files.isDirectory(p), "shared fixtures absent: " + p);
    return p;
  }

  /**
   * gcp-hospital-medallion: stg_registrations went from {@code select *} to an explicit list with an enforced
   * contract, left out updated_at, and failed to compile. Nothing ran; the fix comes first.
   */
  @Test
  void contractCompilationFailureIsFixedBeforeAnyRefresh() {
    TargetArtifacts before = Artifacts.readTarget(corpus("lalithadurgempudi_gcp-hospital-medallion/1.12.2_efc920f"));
    TargetArtifacts now = Artifacts.readTarget(corpus("lalithadurgempudi_gcp-hospital-medallion/1.12.2_70dc255"));
    String id = "model.gcp_hospital_medallion.stg_registrations";
    RunResult failed = now.runResults().orElseThrow().result(id).orElseThrow();
    RefreshDecision d = FullRefreshAdvisor.defaults().decide(RefreshInput.builder(now.manifest(), id)
        .previousManifest(before.manifest()).catalog(now.catalog().orElseThrow())
        .previousCatalog(before.catalog().orElseThrow()).result(failed)
        .history(RunState.of(List.of(before.runResults().orElseThrow(), now.runResults().orElseThrow())))
        .failure(new FailureEvidence(ErrorClass.COMPILATION, java.util.Optional.of(Subclass.CONTRACT_VIOLATION), false,
            "Compilation Error in model stg_registrations (models/silver/stg_registrations.sql)"))
        .build());
    assertThat(d.kind()).isEqualTo(RefreshKind.FIX_THEN_RUN);
    assertThat(d.reasons()).contains("fix the code; nothing ran, so the table is untouched")
        .anyMatch(r -> r.contains("select * replaced by an explicit list;"
            + " source.gcp_hospital_medallion.hospital_bronze.registrations has 10 columns (catalog)"))
        .anyMatch(r -> r.contains("model SQL no longer selects [updated_at]"));
    assertThat(d.commands()).containsExactly("dbt compile --select +stg_registrations",
        "dbt run --select stg_registrations+");
  }

  /**
   * learn-dbt: fact_reviews (on_schema_change fail) gained a surrogate key column in front of {@code *}; the
   * column is additive, and the config must allow it.
   */
  @Test
  void surrogateKeyAddedInFrontOfStarIsAnAdditiveColumn() {
    TargetArtifacts before = Artifacts.readTarget(corpus("Nigel-Brown_learn-dbt/1.3.0_80b47f7"));
    TargetArtifacts now = Artifacts.readTarget(corpus("Nigel-Brown_learn-dbt/1.3.0_1b461d9"));
    RefreshDecision d = FullRefreshAdvisor.defaults().decide(RefreshInput.builder(now.manifest(), "fact_reviews")
        .previousManifest(before.manifest()).catalog(now.catalog().orElseThrow()).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
    assertThat(d.reasons()).anyMatch(r -> r.equals("model SQL adds select-list item(s) [review_id] and changes"
        + " nothing else"));
    assertThat(d.warnings()).anyMatch(w -> w.startsWith("before running, set on_schema_change: append_new_columns"
        + " on the model (now fail: the run stops on the new column)"));
  }
}
