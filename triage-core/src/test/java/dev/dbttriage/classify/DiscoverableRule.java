package dev.dbttriage.classify;

import java.util.Optional;

/** A rule registered in this module's test META-INF/services, for the ServiceLoader opt-in test. */
public final class DiscoverableRule implements Rule {
  /** ServiceLoader needs a public no-argument constructor. */
  public DiscoverableRule() {}

  @Override
  public RuleDescriptor descriptor() {
    return RuleDescriptor.of("test.discoverable", "Matches messages containing DISCOVER-ME", 10);
  }

  @Override
  public Optional<RuleMatch> evaluate(RuleContext context) {
    return context.text().contains("DISCOVER-ME")
        ? Optional.of(RuleMatch.of(ErrorClass.DATABASE, Subclass.OTHER))
        : Optional.empty();
  }
}
