package dev.dbttriage.triage;

import static dev.dbttriage.artifact.RunStatus.ERROR;
import static dev.dbttriage.artifact.RunStatus.SKIPPED;
import static dev.dbttriage.artifact.RunStatus.SUCCESS;
import static dev.dbttriage.artifact.RunStatus.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatTest {
  private final TriageReport report = new HandMadeRun()
      .model("stg_orders").model("orders", "stg_orders").model("ok")
      .test("accepted_values_orders_status", "accepted_values", "ok")
      .exposure("board", "Dana", "dana@example.com", "orders")
      .result("stg_orders", ERROR, "Database Error in model stg_orders (models/stg_orders.sql)\n"
          + "  002003 (42S02): SQL compilation error: Object 'RAW.ORDERS' does not exist or not authorized.")
      .result("orders", SKIPPED).result("ok", SUCCESS)
      .result("test.shop.accepted_values_orders_status", WARN, "Got 1 result, configured to warn if != 0")
      .triage("build");

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(report));

    assertThat(json.get("schema").asText()).isEqualTo("dbt-triage/triage-report/v2");
    assertThat(json.get("command").asText()).isEqualTo("build");
    assertThat(json.get("counts").get("skipped").asInt()).isEqualTo(1);
    assertThat(json.get("max_severity").asText()).isEqualTo("minor");
    JsonNode root = json.get("roots").get(0);
    assertThat(root.get("kind").asText()).isEqualTo("failed_node");
    assertThat(root.get("unique_id").asText()).isEqualTo("model.shop.stg_orders");
    assertThat(root.get("skipped").get(0).asText()).isEqualTo("model.shop.orders");
    assertThat(root.get("blast_radius").get("downstream_count").asInt()).isEqualTo(2);
    assertThat(root.get("blast_radius").get("exposures").get(0).get("owner_email").asText())
        .isEqualTo("dana@example.com");
    assertThat(root.get("record").get("recovery_command").asText()).isEqualTo("dbt build --select stg_orders+");
    assertThat(root.get("history").isNull()).isTrue();
    assertThat(json.get("skipped_by").get("model.shop.orders").get(0).asText()).isEqualTo("model.shop.stg_orders");
    assertThat(json.get("roots").get(1).get("kind").asText()).isEqualTo("warning");
  }

  @Test
  void junitIsWellFormedAndNamesTheRootOfEachSkip() throws Exception {
    String xml = ReportFormat.JUNIT.render(report);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList skipped = doc.getElementsByTagName("skipped");
    assertThat(((Element) skipped.item(0)).getAttribute("message"))
        .isEqualTo("skipped because model.shop.stg_orders failed");
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo("Database Error in model stg_orders (models/stg_orders.sql)");
  }

  @Test
  void textAndMarkdownCarryTheTriageTemplate() {
    String text = ReportFormat.TEXT.render(report);
    assertThat(text).contains("1. [MINOR] model stg_orders — error — DATABASE/OTHER")
        .contains("recover: dbt build --select stg_orders+")
        .contains("exposure: board (dashboard), owner Dana <dana@example.com>");

    String md = ReportFormat.MARKDOWN.render(report);
    assertThat(md).contains("| Recovery command | `dbt build --select stg_orders+` |")
        .contains("| Materialization | table |")
        .contains("| Blast radius | 2 downstream nodes (1 model, 1 exposure), 1 exposure |");
  }

  @Test
  void formatNamesAreParsedAndBadOnesListTheValidOnes() {
    assertThat(ReportFormat.fromName("md")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.fromName("JUnit")).isEqualTo(ReportFormat.JUNIT);
    assertThatThrownBy(() -> ReportFormat.fromName("yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'yaml' is not a format; valid formats: text, markdown, json, junit");
  }

  @Test
  void secretsInMessagesAreRedactedInEveryFormat() {
    TriageReport leaky = new HandMadeRun().model("a")
        .result("a", dev.dbttriage.artifact.RunStatus.ERROR, "Database Error in model a (models/a.sql)\n"
            + "  could not connect to postgresql://dbt_user:hunter2secret@db.internal:5432/analytics")
        .triage("run");

    for (ReportFormat f : ReportFormat.values()) {
      assertThat(f.render(leaky)).as(f.label()).doesNotContain("hunter2secret");
    }
  }

  @Test
  void xmlEscapingDropsControlCharacters() {
    assertThat(Renderers.xml("a<b & \"c\"\u0001\u001b[31m")).isEqualTo("a&lt;b &amp; &quot;c&quot;\\e[31m");
  }
}
