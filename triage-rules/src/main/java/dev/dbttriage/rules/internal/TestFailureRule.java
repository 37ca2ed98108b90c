package dev.dbttriage.rules.internal;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TestMetadata;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.MessageObjects;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.classify.RuleDescriptor;
import dev.dbttriage.classify.RuleMatch;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data test or unit test returned failing rows. The subclass comes from the node's {@code test_metadata}
 * when the node is known, else from the test name (the caller's, the header's, or the result's unique id).
 */
public final class TestFailureRule implements Rule, Documented {
  static final String ID = "dbt.test-failure";
  private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
      "A test returned failing rows (Got N results, Failure/Warning in test, FAIL N); subclass by test type",
      320, Set.of("dbt", "test"), Optional.of(URI.create(PatternRule.DOCS + "dbt-test-failure")));

  private static final Pattern GOT_RESULTS = Pattern.compile(
      "\\bGot \\d+ results?, configured to (?:fail|warn) if|\\b(?:FAIL|WARN) \\d+\\b(?! freshness)|"
          + "(?i)\\bTest failure\\b");
  private static final Pattern HEADER = Pattern.compile(
      "\\b(?:Failure|Warning) in (test|unit_test) ([^\\s(]+)(?:\\s+\\(([^)\\n]*)\\))?");
  private static final Pattern UNIT = Pattern.compile(
      "(?i)actual differs from expected|\\bunit[_ ]test\\b[^\\n]{0,80}\\bfailed\\b|Failure in unit_test");
  private static final Pattern GENERIC_NAME = Pattern.compile(
      "\\b((?:dbt_utils_)?(?:source_)?(?:not_null|unique|accepted_values|relationships|"
          + "unique_combination_of_columns)_\\w+)");
  private static final Pattern NESTED = Pattern.compile(
      "Database Error|Compilation Error|Runtime Error|Parsing Error|\\b\\d{6} \\([0-9A-Z]{5}\\)|"
          + "Unhandled error while executing");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String verdict() {
    return "TEST / NOT_NULL, UNIQUE, ACCEPTED_VALUES, RELATIONSHIPS, CUSTOM_TEST, UNIT_TEST or OTHER (from the "
        + "node's test_metadata, else the test name: not_null_, unique_, accepted_values_, relationships_, and the "
        + "generic tests of dbt_utils (unique_combination_of_columns, not_null_proportion, accepted_range, "
        + "relationships_where, ...) and dbt_expectations (expect_column_values_to_not_be_null, "
        + "expect_compound_columns_to_be_unique, expect_column_values_to_be_in_set, ...); singular .sql tests and "
        + "other generics are CUSTOM_TEST)";
  }

  @Override
  public String adviceText() {
    return "By test type, from the runbook: " + advice(Subclass.NOT_NULL, "{test}") + " / "
        + advice(Subclass.UNIQUE, "{test}").replaceAll(" Capture.*", "") + " / "
        + advice(Subclass.ACCEPTED_VALUES, "{test}").replaceAll(" Capture.*", "") + " / "
        + advice(Subclass.RELATIONSHIPS, "{test}").replaceAll(" Capture.*", "") + " / "
        + advice(Subclass.UNIT_TEST, "{test}");
  }

  @Override
  public Optional<RuleMatch> evaluate(RuleContext context) {
    String text = context.text();
    Matcher got = GOT_RESULTS.matcher(text);
    Matcher header = HEADER.matcher(text);
    Matcher unit = UNIT.matcher(text);
    boolean statusSaysRows = context.status().map(s -> s == RunStatus.FAIL || s == RunStatus.WARN).orElse(false)
        && context.effectiveResourceType().map(t -> t == ResourceType.TEST || t == ResourceType.UNIT_TEST)
            .orElse(false);
    String matched;
    boolean unitTest = false;
    if (got.find()) {
      matched = PatternRule.lineAt(text, got.start());
    } else if (unit.find()) {
      matched = PatternRule.lineAt(text, unit.start());
      unitTest = true;
    } else if (header.find() && !NESTED.matcher(text).find()) {
      matched = PatternRule.lineAt(text, header.start());
    } else if (statusSaysRows && !NESTED.matcher(text).find()) {
      matched = "status: " + context.status().map(RunStatus::dbtName).orElse("");
    } else {
      return Optional.empty();
    }
    Matcher h = HEADER.matcher(text);
    String headerName = null;
    String headerPath = null;
    if (h.find()) {
      unitTest |= "unit_test".equals(h.group(1));
      headerName = h.group(2);
      headerPath = h.group(3);
    }
    Subclass sub = unitTest ? Subclass.UNIT_TEST : subclass(context, headerName, headerPath);
    String name = context.node().map(Node::name).or(context::testName)
        .orElse(headerName == null ? "<test>" : headerName);
    return Optional.of(RuleMatch.of(ErrorClass.TEST, sub)
        .withTransience(Transience.PERSISTENT)
        .withObjects(MessageObjects.empty().withReference(name))
        .withAdvice(advice(sub, name))
        .withMatchedText(matched));
  }

  static Subclass subclass(RuleContext context, String headerName, String headerPath) {
    Optional<Node> node = context.node();
    if (node.isPresent()) {
      Optional<TestMetadata> tm = node.get().testMetadata();
      if (tm.isPresent()) {
        return byGenericName(tm.get().name());
      }
      if (node.get().resourceType() == ResourceType.UNIT_TEST) {
        return Subclass.UNIT_TEST;
      }
      if (node.get().resourceType() == ResourceType.TEST) {
        return Subclass.CUSTOM_TEST;
      }
    }
    if (context.effectiveResourceType().map(t -> t == ResourceType.UNIT_TEST).orElse(false)) {
      return Subclass.UNIT_TEST;
    }
    Optional<String> name = context.testName();
    if (name.isEmpty() && headerName != null) {
      if (headerPath != null && headerPath.strip().toLowerCase(Locale.ROOT).endsWith(".sql")) {
        return Subclass.CUSTOM_TEST;
      }
      name = Optional.of(headerName);
    }
    if (name.isEmpty()) {
      Matcher g = GENERIC_NAME.matcher(context.text());
      if (g.find()) {
        name = Optional.of(g.group(1));
      }
    }
    if (name.isEmpty()) {
      name = context.result().map(r -> r.uniqueId()).filter(id -> id.startsWith("test."))
          .map(id -> id.split("\\.")).filter(p -> p.length >= 3).map(p -> p[2]);
    }
    return name.map(TestFailureRule::byTestName).orElse(Subclass.OTHER);
  }

  /**
   * The generic tests of dbt and of the packages most projects use, by what they assert: from dbt's own
   * documentation, the dbt_utils README, the dbt_expectations README and elementary's docs. A test not listed
   * (a range or a row count, an anomaly monitor, a custom generic) is CUSTOM_TEST.
   */
  private static final Map<String, Subclass> GENERIC = Map.ofEntries(
      Map.entry("unique", Subclass.UNIQUE),
      Map.entry("not_null", Subclass.NOT_NULL),
      Map.entry("accepted_values", Subclass.ACCEPTED_VALUES),
      Map.entry("relationships", Subclass.RELATIONSHIPS),
      // dbt_utils
      Map.entry("unique_combination_of_columns", Subclass.UNIQUE),
      Map.entry("not_null_proportion", Subclass.NOT_NULL),
      Map.entry("not_empty_string", Subclass.NOT_NULL),
      Map.entry("not_accepted_values", Subclass.ACCEPTED_VALUES),
      Map.entry("accepted_range", Subclass.ACCEPTED_VALUES),
      Map.entry("relationships_where", Subclass.RELATIONSHIPS),
      // dbt_expectations
      Map.entry("expect_column_values_to_not_be_null", Subclass.NOT_NULL),
      Map.entry("expect_column_values_to_be_unique", Subclass.UNIQUE),
      Map.entry("expect_compound_columns_to_be_unique", Subclass.UNIQUE),
      Map.entry("expect_select_column_values_to_be_unique_within_record", Subclass.UNIQUE),
      Map.entry("expect_column_values_to_be_in_set", Subclass.ACCEPTED_VALUES),
      Map.entry("expect_column_values_to_not_be_in_set", Subclass.ACCEPTED_VALUES),
      Map.entry("expect_column_distinct_values_to_be_in_set", Subclass.ACCEPTED_VALUES),
      Map.entry("expect_column_distinct_values_to_equal_set", Subclass.ACCEPTED_VALUES),
      Map.entry("expect_column_values_to_be_between", Subclass.ACCEPTED_VALUES));

  /** The package prefixes dbt puts before a generic test's name ({@code <namespace>_<test>_<model>_...}). */
  private static final List<String> NAMESPACES = List.of("dbt_utils_", "dbt_expectations_", "elementary_",
      "dbt_constraints_", "audit_helper_");

  static Subclass byGenericName(String generic) {
    String g = generic.toLowerCase(Locale.ROOT);
    int dot = g.lastIndexOf('.');
    if (dot >= 0) {
      g = g.substring(dot + 1); // test_metadata may carry the namespace: dbt_utils.accepted_range
    }
    return GENERIC.getOrDefault(g, Subclass.CUSTOM_TEST);
  }

  /**
   * dbt names generic tests {@code [namespace_][source_]<test>_<model>_<column>...}: the longest generic test
   * name the rest starts with decides.
   */
  static Subclass byTestName(String testName) {
    String n = testName.toLowerCase(Locale.ROOT);
    for (String ns : NAMESPACES) {
      if (n.startsWith(ns)) {
        n = n.substring(ns.length());
        break;
      }
    }
    if (n.startsWith("source_")) {
      n = n.substring("source_".length());
    }
    String best = null;
    for (String g : GENERIC.keySet()) {
      if (n.startsWith(g + "_") && (best == null || g.length() > best.length())) {
        best = g;
      }
    }
    return best == null ? Subclass.CUSTOM_TEST : GENERIC.get(best);
  }

  static String advice(Subclass sub, String name) {
    String capture = " Capture the failing rows with `dbt test --select " + name + " --store-failures` and "
        + "inspect them; never disable the test to unblock a run (file a data-quality ticket instead).";
    switch (sub) {
      case NOT_NULL:
        return "Nulls in a column declared not-null: either the data is bad (fix upstream) or the schema is "
            + "wrong (relax the test deliberately)." + capture;
      case UNIQUE:
        return "Duplicates in what should be a key: check for join fan-out, deduplicate, verify upstream."
            + capture;
      case ACCEPTED_VALUES:
        return "A value outside the accepted set: the source likely added a new enum value; update the list "
            + "or your handling." + capture;
      case RELATIONSHIPS:
        return "Broken referential integrity: a load-order issue (dimension loaded after fact) or a real "
            + "foreign-key violation." + capture;
      case UNIT_TEST:
        return "The unit test's actual rows differ from the expected rows: the model logic changed or the "
            + "fixture is wrong; run `dbt test --select " + name + "` and read the diff.";
      default:
        return "The test found rows that break its rule: read the test's SQL to see what a failing row means."
            + capture;
    }
  }
}
