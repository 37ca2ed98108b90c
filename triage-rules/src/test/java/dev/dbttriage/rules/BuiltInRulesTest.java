package dev.dbttriage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TestMetadata;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Evidence;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.classify.RuleDescriptor;
import dev.dbttriage.classify.Subclass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BuiltInRulesTest {
  private static final Classifier CLASSIFIER = BuiltInRules.classifier();
  private static Map<String, String> devTexts;

  private static synchronized Optional<String> devText(String id) {
    if (devTexts == null) {
      devTexts = new HashMap<>();
      String shared = System.getProperty("dbttriage.shared");
      Path file = shared == null ? null : Path.of(shared, "fixtures", "errors", "dev_errors.jsonl");
      if (file != null && Files.isRegularFile(file)) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
              JsonNode r = json.readTree(line);
              devTexts.put(r.path("id").asText(), r.path("text").asText());
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.ofNullable(devTexts.get(id));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleMatchesItsRealMessage() {
    return RuleExamples.all().stream().map(ex -> DynamicTest.dynamicTest(ex.toString(), () -> {
      String text = ex.message();
      if (ex.devId() != null) {
        Optional<String> dev = devText(ex.devId());
        assumeTrue(dev.isPresent(), "dev set not available");
        text = dev.get();
      }
      Classification c = CLASSIFIER.classify(RuleContext.builder().message(text).adapter(ex.adapter()).build());
      assertThat(c.evidence()).extracting(Evidence::ruleId).contains(ex.ruleId());
      assertThat(c.errorClass()).as("class of %s", ex).isEqualTo(ex.errorClass());
      assertThat(c.subclass()).as("subclass of %s", ex).isEqualTo(ex.subclass());
    }));
  }

  @Test
  void everyBuiltInRuleHasAnExample() {
    Set<String> ids = BuiltInRules.all().stream().map(r -> r.descriptor().id()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = RuleExamples.all().stream().map(RuleExamples.Example::ruleId)
        .collect(Collectors.toCollection(TreeSet::new));
    covered.add("dbt.freshness-status");

    assertThat(covered).containsExactlyElementsOf(ids);
  }

  @Test
  void packsAreDisjointAndTheClassifierHoldsThemAll() {
    int sum = BuiltInRules.dbt().size() + BuiltInRules.sqlState().size() + BuiltInRules.snowflake().size()
        + BuiltInRules.bigQuery().size() + BuiltInRules.databricks().size() + BuiltInRules.postgres().size()
        + BuiltInRules.duckDb().size() + BuiltInRules.trino().size() + BuiltInRules.sqlServer().size()
        + BuiltInRules.otherWarehouses().size();

    assertThat(BuiltInRules.all()).hasSize(sum);
    assertThat(CLASSIFIER.rules()).hasSize(sum);
    assertThat(BuiltInRules.all()).allSatisfy(r -> {
      RuleDescriptor d = r.descriptor();
      assertThat(d.docLink()).isPresent();
      assertThat(d.tags()).isNotEmpty();
    });
  }

  @Test
  void serviceLoaderFindsTheBuiltInPackOnlyWhenAskedTo() {
    assertThat(Classifier.builder().build().rules()).isEmpty();
    assertThat(Classifier.builder().discoverRules().build().descriptors())
        .extracting(RuleDescriptor::id).contains("snowflake.invalid-identifier", "dbt.test-failure");
  }

  @Test
  void freshnessStatusDecidesWhenASourceResultHasNoMessage() {
    RunResult stale = RunResult.of("source.shop.raw.orders", RunStatus.ERROR, null);
    RunResult late = RunResult.of("source.shop.raw.orders", RunStatus.WARN, null);
    RunResult broken = RunResult.of("source.shop.raw.orders", RunStatus.RUNTIME_ERROR, null);

    assertThat(CLASSIFIER.classify(RuleContext.of(stale, null)).subclass()).isEqualTo(Subclass.FRESHNESS_ERROR);
    assertThat(CLASSIFIER.classify(RuleContext.of(late, null)).subclass()).isEqualTo(Subclass.FRESHNESS_WARN);
    Classification c = CLASSIFIER.classify(RuleContext.of(broken, null));
    assertThat(c.errorClass()).isEqualTo(ErrorClass.FRESHNESS);
    assertThat(c.subclass()).isEqualTo(Subclass.FRESHNESS_CHECK_ERROR);
  }

  private static Node genericTest(String name, String generic, String namespace) {
    return Node.builder("test.shop." + name + ".abc123", ResourceType.TEST).name(name).packageName("shop")
        .testMetadata(new TestMetadata(generic, Optional.ofNullable(namespace), Map.of())).build();
  }

  @Test
  void testSubclassComesFromTestMetadataWhenTheNodeIsKnown() {
    String msg = "Got 12 results, configured to fail if != 0";

    assertThat(subclass(msg, genericTest("pk_orders", "unique", null))).isEqualTo(Subclass.UNIQUE);
    assertThat(subclass(msg, genericTest("nn", "not_null", null))).isEqualTo(Subclass.NOT_NULL);
    assertThat(subclass(msg, genericTest("av", "accepted_values", null))).isEqualTo(Subclass.ACCEPTED_VALUES);
    assertThat(subclass(msg, genericTest("fk", "relationships", null))).isEqualTo(Subclass.RELATIONSHIPS);
    assertThat(subclass(msg, genericTest("combo", "unique_combination_of_columns", "dbt_utils")))
        .isEqualTo(Subclass.UNIQUE);
    // a value outside a declared range or set is the accepted-values family, whichever package declares it
    assertThat(subclass(msg, genericTest("exp", "expect_column_values_to_be_between", "dbt_expectations")))
        .isEqualTo(Subclass.ACCEPTED_VALUES);
    assertThat(subclass(msg, genericTest("rng", "accepted_range", "dbt_utils"))).isEqualTo(Subclass.ACCEPTED_VALUES);
    assertThat(subclass(msg, genericTest("nnp", "not_null_proportion", "dbt_utils"))).isEqualTo(Subclass.NOT_NULL);
    assertThat(subclass(msg, genericTest("eq", "equal_rowcount", "dbt_utils"))).isEqualTo(Subclass.CUSTOM_TEST);
    assertThat(subclass(msg, genericTest("vol", "volume_anomalies", "elementary"))).isEqualTo(Subclass.CUSTOM_TEST);
    Node singular = Node.builder("test.shop.assert_positive.abc", ResourceType.TEST).name("assert_positive")
        .packageName("shop").build();
    assertThat(subclass(msg, singular)).isEqualTo(Subclass.CUSTOM_TEST);
    Node unit = Node.builder("unit_test.shop.orders.t1", ResourceType.UNIT_TEST).name("t1").packageName("shop")
        .build();
    assertThat(subclass("Failure in unit_test t1 (models/orders.yml)\n  actual differs from expected:", unit))
        .isEqualTo(Subclass.UNIT_TEST);
  }

  private static Subclass nameOnly(String testName) {
    return CLASSIFIER.classify(RuleContext.builder().message("Got 4 results, configured to fail if != 0")
        .testName(testName).build()).subclass();
  }

  private static Subclass subclass(String message, Node node) {
    Classification c = CLASSIFIER.classify(RuleContext.builder().message(message).node(node).build());
    assertThat(c.errorClass()).isEqualTo(ErrorClass.TEST);
    return c.subclass();
  }

  @Test
  void testSubclassFromTheNameWhenNoNodeIsKnown() {
    assertThat(CLASSIFIER.classify("Failure in test not_null_orders_id (models/schema.yml)\n  Got 3 results, "
        + "configured to fail if != 0").subclass()).isEqualTo(Subclass.NOT_NULL);
    assertThat(CLASSIFIER.classify("Failure in test relationships_orders_customer_id__id__ref_customers_ "
        + "(models/schema.yml)").subclass()).isEqualTo(Subclass.RELATIONSHIPS);
    assertThat(CLASSIFIER.classify("Failure in test assert_total_positive (tests/assert_total_positive.sql)\n"
        + "  Got 1 result, configured to fail if != 0").subclass()).isEqualTo(Subclass.CUSTOM_TEST);
    assertThat(CLASSIFIER.classify(RuleContext.builder().message("Got 2 results, configured to fail if != 0")
        .testName("source_unique_raw_orders_id").build()).subclass()).isEqualTo(Subclass.UNIQUE);
    assertThat(CLASSIFIER.classify("Got 3100 results, configured to fail if != 0").subclass())
        .isEqualTo(Subclass.OTHER);
    // the names dbt gives package generics: <namespace>_<test>_<model>_<args> (dbt_utils and dbt_expectations
    // READMEs list the tests; the last one is a real test name of FlipsideCrypto/axelar-models, fixtures/logs)
    assertThat(nameOnly("dbt_utils_unique_combination_of_columns_orders_order_id__order_date"))
        .isEqualTo(Subclass.UNIQUE);
    assertThat(nameOnly("dbt_utils_accepted_range_orders_amount__0")).isEqualTo(Subclass.ACCEPTED_VALUES);
    assertThat(nameOnly("dbt_utils_relationships_where_orders_customer_id__id__ref_customers___id_1"))
        .isEqualTo(Subclass.RELATIONSHIPS);
    assertThat(nameOnly("dbt_utils_not_null_proportion_orders_email__0_95")).isEqualTo(Subclass.NOT_NULL);
    assertThat(nameOnly("dbt_expectations_expect_column_values_to_not_be_null_orders_id")).isEqualTo(Subclass.NOT_NULL);
    assertThat(nameOnly("dbt_expectations_expect_compound_columns_to_be_unique_orders_id__date"))
        .isEqualTo(Subclass.UNIQUE);
    assertThat(nameOnly("dbt_expectations_expect_column_values_to_be_in_set_orders_status__placed__shipped"))
        .isEqualTo(Subclass.ACCEPTED_VALUES);
    assertThat(nameOnly("dbt_expectations_expect_column_values_to_be_in_type_list_streamline__blocks_history_"
        + "block_id__TIMESTAMP_NTZ")).isEqualTo(Subclass.CUSTOM_TEST);
    RunResult fromRunResults = RunResult.of("test.shop.accepted_values_orders_status__placed.1a2b",
        RunStatus.FAIL, "Got 1 result, configured to fail if != 0");
    assertThat(CLASSIFIER.classify(RuleContext.of(fromRunResults, null)).subclass())
        .isEqualTo(Subclass.ACCEPTED_VALUES);
  }

  @Test
  void testAdviceCapturesFailingRowsAndNeverSuggestsDisablingTheTest() {
    Classification c = CLASSIFIER.classify("Failure in test unique_orders_id (models/schema.yml)\n  Got 4 results, "
        + "configured to fail if != 0");

    assertThat(c.advice()).contains("dbt test --select unique_orders_id --store-failures").contains("join fan-out")
        .contains("never disable the test");
    assertThat(c.fixLayer()).isEqualTo(dev.dbttriage.classify.FixLayer.DATA_QUALITY);
  }

  @Test
  void aTestWrappingADatabaseErrorIsClassedByItsCause() {
    Classification c = CLASSIFIER.classify("Failure in test not_null_dim_country_country (models/mart.yml)\n"
        + "  Database Error in test not_null_dim_country_country (models/mart.yml)\n  Not found: Table "
        + "proj:analytics_mart.dim_country was not found in location US");

    assertThat(c.errorClass()).isEqualTo(ErrorClass.DATABASE);
    assertThat(c.subclass()).isEqualTo(Subclass.MISSING_RELATION);
    assertThat(c.objects().relation()).contains("proj:analytics_mart.dim_country");
  }

  @Test
  void permissionAdviceUsesEachWarehousesGrantSyntaxWithTheNamedObjects() {
    Classification snowflake = CLASSIFIER.classify(RuleContext.builder().adapter("snowflake").message(
        "Database Error in model orders (models/orders.sql)\n  003001 (42501): SQL access control error:\n"
            + "  Insufficient privileges to operate on table 'RAW_ORDERS'").build());
    assertThat(snowflake.ruleId()).contains("snowflake.insufficient-privileges");
    assertThat(snowflake.advice()).contains("GRANT SELECT ON TABLE RAW_ORDERS TO ROLE <dbt_role>");
    assertThat(snowflake.objects().errorCode()).contains("003001");
    assertThat(snowflake.objects().sqlState()).contains("42501");

    Classification databricks = CLASSIFIER.classify("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
        + "    User does not have USE CATALOG on Catalog 'system'. SQLSTATE: 42501");
    assertThat(databricks.advice()).contains("GRANT USE CATALOG ON CATALOG system TO `<dbt-service-principal>`");
    assertThat(databricks.objects().privilege()).contains("USE CATALOG");

    Classification bigquery = CLASSIFIER.classify("Database Error in model fct (models/fct.sql)\n  Access Denied: "
        + "Table proj:mart.fct: Permission bigquery.rowAccessPolicies.create denied on table proj:mart.fct (or it "
        + "may not exist).");
    assertThat(bigquery.subclass()).isEqualTo(Subclass.PERMISSION_DENIED);
    assertThat(bigquery.advice()).contains("roles/bigquery.dataOwner");
    assertThat(bigquery.objects().privilege()).contains("bigquery.rowAccessPolicies.create");

    Classification redshift = CLASSIFIER.classify("Database Error in seed s (data/s.csv)\n  {'S': 'ERROR', "
        + "'C': '42501', 'M': 'permission denied for schema analytics_events', 'F': 'aclchk.c'}");
    assertThat(redshift.advice()).contains("GRANT USAGE ON SCHEMA analytics_events TO <dbt_user>")
        .contains("GRANT CREATE ON SCHEMA analytics_events");
  }

  @Test
  void recoveryAdviceFollowsTheRunbook() {
    assertThat(CLASSIFIER.classify("000630 (57014): Statement reached its statement or warehouse timeout of 1,200 "
        + "second(s) and was canceled.").advice()).contains("Profile the compiled SQL").contains("partition filter")
        .contains("do not just size the warehouse up");
    assertThat(CLASSIFIER.classify("100090 (42P18): Duplicate row detected during DML action").advice())
        .contains("deduplication CTE");
    assertThat(CLASSIFIER.classify("Runtime Error\n  Could not find profile named 'dbtlearn'").advice())
        .contains("`dbt debug`").contains("dbtlearn");
    assertThat(CLASSIFIER.classify("Compilation Error\n  dbt found 1 package(s) specified in packages.yml, but only "
        + "0 package(s) installed in dbt_packages. Run \"dbt deps\" to install package dependencies.").advice())
        .contains("dbt deps");
    Classification ref = CLASSIFIER.classify("Compilation Error in model fct (models/fct.sql)\n  Model "
        + "'model.shop.fct' (models/fct.sql) depends on a node named 'stg_orders' which was not found");
    assertThat(ref.advice()).contains("dbt compile --select +fct").contains("stg_orders");
    assertThat(ref.objects().reference()).contains("stg_orders");
    assertThat(CLASSIFIER.classify("[DELTA_FAILED_TO_MERGE_FIELDS] Failed to merge fields 'amount' and "
        + "'amount'").advice()).contains("on_schema_change").contains("--full-refresh");
  }

  @Test
  void transientFailuresAreRetryable() {
    assertThat(CLASSIFIER.classify("Runtime Error\n  Database Error\n    failed to connect").retryable()).isTrue();
    assertThat(CLASSIFIER.classify("Database Error\n  invalid identifier 'X'").retryable()).isFalse();
  }

  @Test
  void neverThrowsOnGarbageOrHugeInput() {
    StringBuilder huge = new StringBuilder("Database Error in model m (models/m.sql)\n");
    for (int i = 0; i < 200_000; i++) {
      huge.append("select 'a', \"b\", (1/0), [x] {y} ' ").append(i).append('\n');
    }
    for (String input : new String[] {"", "\u001b[", "'", "''''''''''''''''''''''''''''''''''''''",
        "([{".repeat(10_000), huge.toString(), "Got results, configured to", "Failure in test",
        "dbt0227: No column", "name=", "{'C': '"}) {
      long start = System.nanoTime();
      Classification c = CLASSIFIER.classify(input);
      assertThat(c).isNotNull();
      assertThat(c.warnings()).isEmpty();
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms for input of %d chars", input.length())
          .isLessThan(10_000);
    }
  }

  @Test
  void everyBuiltInRuleSurvivesHostileInput() {
    for (Rule r : BuiltInRules.all()) {
      dev.dbttriage.classify.RuleTester.of(r).survivesHostileInput();
    }
  }

  @Test
  void rulesCanBeAddedOnTopOfTheBuiltIns() {
    Rule mine = new Rule() {
      @Override
      public RuleDescriptor descriptor() {
        return RuleDescriptor.of("acme.vendor-outage", "Our proxy's outage page", 900);
      }

      @Override
      public Optional<dev.dbttriage.classify.RuleMatch> evaluate(RuleContext context) {
        return context.text().contains("ACME-PROXY-503")
            ? Optional.of(dev.dbttriage.classify.RuleMatch.of(ErrorClass.RUNTIME, Subclass.CONNECTION_FAILED))
            : Optional.empty();
      }
    };
    Classifier mineToo = Classifier.builder().rules(BuiltInRules.all()).rule(mine).build();

    assertThat(mineToo.classify("Database Error\n  ACME-PROXY-503 upstream unavailable").ruleId())
        .contains("acme.vendor-outage");
  }

  @Test
  void bigQueryCastsAreTypeMismatches() {
    // fivetran/dbt_xero#42 and TEAMSchools/teamster#5125: what BigQuery says of a cast it cannot make
    assertThat(CLASSIFIER.classify(RuleContext.builder().adapter("bigquery").message("Database Error in model "
        + "stg_xero__invoice_line_item_tmp (models/tmp/stg_xero__invoice_line_item_tmp.sql)\n  Invalid cast from "
        + "STRING to JSON at [111:26]").build()).subclass()).isEqualTo(Subclass.TYPE_MISMATCH);
    assertThat(CLASSIFIER.classify(RuleContext.builder().adapter("bigquery").message("Database Error in model "
        + "stg_iready__instruction_by_lesson_pro (models/stg_iready__instruction_by_lesson_pro.sql)\n  Bad int64 "
        + "value: 9.00").build()).subclass()).isEqualTo(Subclass.TYPE_MISMATCH);
  }
}
