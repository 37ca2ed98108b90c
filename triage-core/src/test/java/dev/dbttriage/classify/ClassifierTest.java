package dev.dbttriage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  /** A tiny rule for the engine tests: matches when the text contains a word. */
  private static Rule rule(String id, int priority, String word, ErrorClass c, Subclass s) {
    return new Rule() {
      @Override
      public RuleDescriptor descriptor() {
        return RuleDescriptor.of(id, "matches " + word, priority);
      }

      @Override
      public Optional<RuleMatch> evaluate(RuleContext context) {
        return context.text().contains(word)
            ? Optional.of(RuleMatch.of(c, s).withMatchedText(word).withAdvice("advice of " + id))
            : Optional.empty();
      }
    };
  }

  private static final class FirstDuplicate implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("team.same-id", "first", 1);
    }

    @Override
    public Optional<RuleMatch> evaluate(RuleContext context) {
      return Optional.empty();
    }
  }

  private static final class SecondDuplicate implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("team.same-id", "second", 2);
    }

    @Override
    public Optional<RuleMatch> evaluate(RuleContext context) {
      return Optional.empty();
    }
  }

  @Test
  void higherPriorityDecidesAndEveryMatchIsEvidenceInRankOrder() {
    Classifier classifier = Classifier.builder()
        .rule(rule("a.low", 100, "Database Error", ErrorClass.DATABASE, Subclass.OTHER))
        .rule(rule("b.high", 600, "permission denied", ErrorClass.DATABASE, Subclass.PERMISSION_DENIED))
        .build();

    Classification c = classifier.classify("Database Error in model x\n  permission denied for schema s");

    assertThat(c.errorClass()).isEqualTo(ErrorClass.DATABASE);
    assertThat(c.subclass()).isEqualTo(Subclass.PERMISSION_DENIED);
    assertThat(c.ruleId()).contains("b.high");
    assertThat(c.advice()).isEqualTo("advice of b.high");
    assertThat(c.evidence()).extracting(Evidence::ruleId).containsExactly("b.high", "a.low");
    assertThat(c.evidence()).extracting(Evidence::matchedText).containsExactly("permission denied",
        "Database Error");
  }

  @Test
  void tiesBreakByIdAlphabetically() {
    Classifier classifier = Classifier.builder()
        .rule(rule("zeta.rule", 500, "boom", ErrorClass.RUNTIME, Subclass.INTERNAL_ERROR))
        .rule(rule("alpha.rule", 500, "boom", ErrorClass.DATABASE, Subclass.OTHER))
        .build();

    Classification c = classifier.classify("boom");

    assertThat(c.ruleId()).contains("alpha.rule");
    assertThat(classifier.descriptors()).extracting(RuleDescriptor::id).containsExactly("alpha.rule", "zeta.rule");
  }

  @Test
  void twoRulesWithOneIdFailNamingBothClasses() {
    Classifier.Builder builder = Classifier.builder().rule(new FirstDuplicate()).rule(new SecondDuplicate());

    assertThatThrownBy(builder::build)
        .isInstanceOf(RuleConfigurationException.class)
        .isInstanceOf(dev.dbttriage.TriageException.class)
        .hasMessage("rule id 'team.same-id' is registered twice: by "
            + "dev.dbttriage.classify.ClassifierTest$FirstDuplicate and by "
            + "dev.dbttriage.classify.ClassifierTest$SecondDuplicate");
  }

  @Test
  void serviceLoaderDiscoveryIsOptIn() {
    Classifier plain = Classifier.builder().build();
    Classifier discovering = Classifier.builder().discoverRules().build();

    assertThat(plain.rules()).isEmpty();
    assertThat(discovering.descriptors()).extracting(RuleDescriptor::id).contains("test.discoverable");
    assertThat(discovering.classify("xx DISCOVER-ME xx").ruleId()).contains("test.discoverable");
    assertThat(plain.classify("xx DISCOVER-ME xx").ruleId()).isEmpty();
  }

  @Test
  void discoveringTwiceIsADuplicateId() {
    Classifier.Builder builder = Classifier.builder().discoverRules().discoverRules();

    assertThatThrownBy(builder::build).isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("'test.discoverable' is registered twice");
  }

  @Test
  void fallbackReadsTheHeaderWhenNoRuleMatches() {
    Classifier none = Classifier.builder().build();

    assertThat(none.classify("Database Error in model m (models/m.sql)\n  something odd").errorClass())
        .isEqualTo(ErrorClass.DATABASE);
    assertThat(none.classify("Compilation Error in model m (models/m.sql)").errorClass())
        .isEqualTo(ErrorClass.COMPILATION);
    assertThat(none.classify("Got 3 results, configured to fail if != 0").errorClass())
        .isEqualTo(ErrorClass.TEST);
    Classification unknown = none.classify("something nobody has seen");
    assertThat(unknown.errorClass()).isEqualTo(ErrorClass.RUNTIME);
    assertThat(unknown.subclass()).isEqualTo(Subclass.OTHER);
    assertThat(unknown.ruleId()).isEmpty();
    assertThat(unknown.evidence()).extracting(Evidence::ruleId).containsExactly("fallback.header");
  }

  @Test
  void neverThrowsOnGarbageEmptyNullOrHugeInput() {
    Classifier classifier = Classifier.builder()
        .rule(rule("a.any", 1, "x", ErrorClass.DATABASE, Subclass.OTHER))
        .build();
    String huge = "Database Error ".repeat(1_000_000);
    List<String> inputs = List.of("", "\u0000\u0001\u001b[31m\u001b", "\uD800", huge, "\r\r\n\n\t", "'''\"\"\"");

    for (String input : inputs) {
      assertThat(classifier.classify(input)).isNotNull();
    }
    assertThat(classifier.classify((String) null).errorClass()).isEqualTo(ErrorClass.RUNTIME);
    assertThat(classifier.classify((RuleContext) null).firstLine()).isEmpty();
  }

  @Test
  void aRuleThatThrowsIsSkippedAndReported() {
    Rule broken = new Rule() {
      @Override
      public RuleDescriptor descriptor() {
        return RuleDescriptor.of("team.broken", "always throws", 900);
      }

      @Override
      public Optional<RuleMatch> evaluate(RuleContext context) {
        throw new IllegalStateException("bug in a team rule");
      }
    };
    Classifier classifier = Classifier.builder().rule(broken)
        .rule(rule("a.db", 100, "Database Error", ErrorClass.DATABASE, Subclass.OTHER)).build();

    Classification c = classifier.classify("Database Error in model m");

    assertThat(c.ruleId()).contains("a.db");
    assertThat(c.warnings()).hasSize(1);
    assertThat(c.warnings().get(0)).startsWith("rule 'team.broken' (").endsWith(") threw IllegalStateException; ignored");
  }

  @Test
  void classificationTextIsRedacted() {
    Rule leaky = new Rule() {
      @Override
      public RuleDescriptor descriptor() {
        return RuleDescriptor.of("team.leaky", "echoes the message", 1);
      }

      @Override
      public Optional<RuleMatch> evaluate(RuleContext context) {
        return Optional.of(RuleMatch.of(ErrorClass.RUNTIME, Subclass.CONNECTION_FAILED)
            .withAdvice("check " + context.firstLine())
            .withMatchedText(context.firstLine())
            .withObjects(MessageObjects.empty().withRelation(context.firstLine())));
      }
    };
    Classifier classifier = Classifier.builder().rule(leaky).build();

    Classification c = classifier.classify(
        "could not connect to postgresql://dbt:S3cr3t!@db.internal:5432/analytics password=hunter2");

    String expected = "could not connect to postgresql://dbt:***@db.internal:5432/analytics password=***";
    assertThat(c.firstLine()).isEqualTo(expected);
    assertThat(c.advice()).isEqualTo("check " + expected);
    assertThat(c.evidence().get(0).matchedText()).isEqualTo(expected);
    assertThat(c.objects().relation()).contains(expected);
  }

  @Test
  void firstLineSkipsTimestampsLogPrefixesAnsiAndFraming() {
    Classifier classifier = Classifier.builder().build();
    String log = "\u001b[0m20:03:18.354549 [error] [MainThread]: Encountered an error:\n"
        + "Parsing Error\n  The schema file at models/source.yml is invalid";

    // dbt's header says where, the next line says what
    assertThat(classifier.classify(log).firstLine()).isEqualTo("The schema file at models/source.yml is invalid");
    // a header alone is all there is
    assertThat(classifier.classify("13:24:06  Database Error in model z (models/z.sql)").firstLine())
        .isEqualTo("Database Error in model z (models/z.sql)");
  }

  @Test
  void firstLineSkipsRepeatedHeadersBareCodesAndProgressLines() {
    Classifier classifier = Classifier.builder().build();

    // dbt's source freshness error repeats its header before the warehouse's sentence
    assertThat(classifier.classify("Database Error in source raw_orders: Database Error in source raw_orders\n"
        + "  relation \"raw.orders\" does not exist").firstLine()).isEqualTo("relation \"raw.orders\" does not exist");
    // ClickHouse prints a bare code line first
    assertThat(classifier.classify("Database Error in model m (models/m.sql)\n  Code: 47.\n  DB::Exception: Missing "
        + "columns: 'x' while processing query").firstLine())
        .isEqualTo("DB::Exception: Missing columns: 'x' while processing query");
    // a console progress line and its timestamp
    assertThat(classifier.classify("12:01:02  12 of 40 ERROR creating sql table model analytics.orders [ERROR in 1.2s]\n"
        + "12:01:03  Database Error in model orders (models/orders.sql)\n  002003 (42S02): SQL compilation error:\n"
        + "  Object 'RAW.ORDERS' does not exist or not authorized.").firstLine())
        .isEqualTo("002003 (42S02): SQL compilation error: Object 'RAW.ORDERS' does not exist or not authorized.");
  }

  @Test
  void contextTakesMessageAndStatusFromTheRunResult() {
    RunResult result = RunResult.of("test.shop.not_null_orders_id.abc", RunStatus.FAIL, "Got 2 results, "
        + "configured to fail if != 0");
    RuleContext ctx = RuleContext.of(result, null);

    assertThat(ctx.message()).isEqualTo("Got 2 results, configured to fail if != 0");
    assertThat(ctx.status()).contains(RunStatus.FAIL);
    assertThat(ctx.effectiveResourceType()).contains(dev.dbttriage.artifact.ResourceType.TEST);
  }

  @Test
  void classifierIsSafeToShareAcrossThreads() throws Exception {
    Classifier classifier = Classifier.builder()
        .rule(rule("a.db", 100, "Database Error", ErrorClass.DATABASE, Subclass.OTHER))
        .rule(rule("b.perm", 600, "permission denied", ErrorClass.DATABASE, Subclass.PERMISSION_DENIED))
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Subclass>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String msg = i % 2 == 0 ? "Database Error " + i : "Database Error permission denied " + i;
        futures.add(pool.submit(() -> classifier.classify(msg).subclass()));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(i % 2 == 0 ? Subclass.OTHER : Subclass.PERMISSION_DENIED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void descriptorRejectsIdsThatAreNotLowercaseDotted() {
    Predicate<String> valid = id -> {
      try {
        RuleDescriptor.of(id, "s", 1);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    };
    assertThat(valid.test("databricks.delta-missing-column")).isTrue();
    assertThat(valid.test("Databricks.Delta")).isFalse();
    assertThat(valid.test("nodot")).isFalse();
    assertThat(valid.test("a..b")).isFalse();
    assertThatThrownBy(() -> RuleDescriptor.of("Bad Id", "s", 1))
        .hasMessage("rule id 'Bad Id' is not a lowercase dotted id such as 'databricks.delta-missing-column'");
  }
}
