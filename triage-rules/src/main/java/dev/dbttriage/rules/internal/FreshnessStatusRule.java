package dev.dbttriage.rules.internal;

import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.classify.RuleDescriptor;
import dev.dbttriage.classify.RuleMatch;
import dev.dbttriage.classify.Subclass;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** A source result from {@code dbt source freshness} with no telling message: its status decides. */
public final class FreshnessStatusRule implements Rule, Documented {
  private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("dbt.freshness-status",
      "A source result's status: error = stale, warn = late, runtime error = the freshness query failed", 200,
      Set.of("dbt", "freshness"), Optional.of(URI.create(PatternRule.DOCS + "dbt-freshness-status")));

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String verdict() {
    return "FRESHNESS / FRESHNESS_ERROR (error), FRESHNESS_WARN (warn), FRESHNESS_CHECK_ERROR (runtime error)";
  }

  @Override
  public String adviceText() {
    return "Fix the upstream ingestion, not dbt; when the query itself failed, check the table, loaded_at_field's "
        + "type and permissions.";
  }

  @Override
  public Optional<RuleMatch> evaluate(RuleContext context) {
    if (!context.effectiveResourceType().map(t -> t == ResourceType.SOURCE).orElse(false)
        || context.status().isEmpty()) {
      return Optional.empty();
    }
    RunStatus s = context.status().get();
    Subclass sub;
    String advice;
    if (s == RunStatus.WARN) {
      sub = Subclass.FRESHNESS_WARN;
      advice = "The source is past warn_after: check the upstream ingestion.";
    } else if (s == RunStatus.ERROR || s == RunStatus.FAIL) {
      sub = Subclass.FRESHNESS_ERROR;
      advice = "The source is past error_after: fix the upstream ingestion, not dbt.";
    } else if (s == RunStatus.RUNTIME_ERROR) {
      sub = Subclass.FRESHNESS_CHECK_ERROR;
      advice = "The freshness query failed: check the table exists, loaded_at_field's type and permissions.";
    } else {
      return Optional.empty();
    }
    return Optional.of(RuleMatch.of(ErrorClass.FRESHNESS, sub).withAdvice(advice)
        .withMatchedText("status: " + s.dbtName()));
  }
}
