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
import java.util.Locale;
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
        + "node's test_metadata, else the test name: not_null_, unique_, accepted_values_, relationships_, "
        + "dbt_utils_unique_combination_of_columns_; singular .sql tests are CUSTOM_TEST)";
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

  static Subclass byGenericName(String generic) {
    String g = generic.toLowerCase(Locale.ROOT);
    switch (g) {
      case "unique":
      case "unique_combination_of_columns":
        return Subclass.UNIQUE;
      case "not_null":
        return Subclass.NOT_NULL;
      case "accepted_values":
        return Subclass.ACCEPTED_VALUES;
      case "relationships":
        return Subclass.RELATIONSHIPS;
      default:
        return Subclass.CUSTOM_TEST;
    }
  }

  /** dbt names generic tests {@code [namespace_][source_]<test>_<model>_<column>...}. */
  static Subclass byTestName(String testName) {
    String n = testName.toLowerCase(Locale.ROOT);
    if (n.startsWith("dbt_utils_")) {
      n = n.substring("dbt_utils_".length());
      if (n.startsWith("source_")) {
        n = n.substring("source_".length());
      }
      return n.startsWith("unique_combination_of_columns") ? Subclass.UNIQUE : Subclass.CUSTOM_TEST;
    }
    if (n.startsWith("source_")) {
      n = n.substring("source_".length());
    }
    if (n.startsWith("not_null_")) {
      return Subclass.NOT_NULL;
    }
    if (n.startsWith("unique_combination_of_columns")) {
      return Subclass.UNIQUE;
    }
    if (n.startsWith("unique_")) {
      return Subclass.UNIQUE;
    }
    if (n.startsWith("accepted_values_")) {
      return Subclass.ACCEPTED_VALUES;
    }
    if (n.startsWith("relationships_")) {
      return Subclass.RELATIONSHIPS;
    }
    return Subclass.CUSTOM_TEST;
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
