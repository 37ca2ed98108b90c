package dev.dbttriage.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractMismatchesTest {
  /** A run_results.json message of dbt 1.9.3, as posted in dbt-labs/dbt-core#11600. */
  static final String MESSAGE = "Compilation Error in model stg_meta_standard (models/base/meta/stg_meta_standard.sql)\n"
      + "  This model has an enforced contract that failed.\n"
      + "  Please ensure the name, data_type, and number of columns in your contract match the columns in your "
      + "model's definition.\n"
      + "  \n"
      + "  | column_name | definition_type | contract_type | mismatch_reason       |\n"
      + "  | ----------- | --------------- | ------------- | --------------------- |\n"
      + "  | CURRENC     |                 | TEXT          | missing in definition |\n"
      + "  | CURRENCY    | TEXT            |               | missing in contract   |\n"
      + "  \n"
      + "  > in macro assert_columns_equivalent (macros/relations/column/columns_spec_ddl.sql)";

  @Test
  void theMismatchTableIsKept() {
    assertThat(ContractMismatches.lines(MESSAGE)).containsExactly(
        "| column_name | definition_type | contract_type | mismatch_reason       |",
        "| ----------- | --------------- | ------------- | --------------------- |",
        "| CURRENC     |                 | TEXT          | missing in definition |",
        "| CURRENCY    | TEXT            |               | missing in contract   |");
    assertThat(ContractMismatches.rows(MESSAGE)).isEqualTo(List.of(
        Map.of("column_name", "CURRENC", "definition_type", "", "contract_type", "TEXT",
            "mismatch_reason", "missing in definition"),
        Map.of("column_name", "CURRENCY", "definition_type", "TEXT", "contract_type", "",
            "mismatch_reason", "missing in contract")));
  }

  @Test
  void otherMessagesHaveNoTable() {
    assertThat(ContractMismatches.lines("Database Error in model x\n  | not | a contract |")).isEmpty();
    assertThat(ContractMismatches.rows(null)).isEmpty();
  }

  @Test
  void theReportsPrintIt() {
    HandMadeRun run = new HandMadeRun().model("stg_meta_standard")
        .result("stg_meta_standard", dev.dbttriage.artifact.RunStatus.ERROR, MESSAGE);
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(run.manifest(), run.run("build")));
    assertThat(ReportFormat.TEXT.render(report))
        .contains("   | CURRENC     |                 | TEXT          | missing in definition |\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).contains("Contract mismatches:");
    assertThat(ReportFormat.JSON.render(report)).contains("\"mismatch_reason\" : \"missing in contract\"");
  }
}
