package dev.dbttriage.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Classifies failures with an ordered set of {@link Rule}s: every rule is evaluated, the matches are ranked by
 * priority (higher first, ties by id), and the best match decides the {@link Classification}; the others are
 * kept as evidence. When no rule matches, a fallback reads the dbt header ({@code Database Error},
 * {@code Compilation Error}, {@code Failure in test}, ...) and otherwise answers RUNTIME/OTHER.
 *
 * <pre>{@code
 * Classifier classifier = Classifier.builder().rules(myRules).discoverRules().build();
 * Classification c = classifier.classify(RuleContext.ofMessage(message));
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #classify(RuleContext)} never throws: a rule that throws is skipped
 * and reported in {@link Classification#warnings()}.
 */
public final class Classifier {
  private static final Comparator<RuleDescriptor> ORDER =
      Comparator.comparingInt(RuleDescriptor::priority).reversed().thenComparing(RuleDescriptor::id);

  private final List<Rule> rules;
  private final List<RuleDescriptor> descriptors;

  private Classifier(List<Rule> rules, List<RuleDescriptor> descriptors) {
    this.rules = rules;
    this.descriptors = descriptors;
  }

  /**
   * Returns a builder with no rules.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the registered rules in rank order.
   *
   * @return the rules, unmodifiable
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns the descriptors of the registered rules in rank order.
   *
   * @return the descriptors, unmodifiable
   */
  public List<RuleDescriptor> descriptors() {
    return descriptors;
  }

  /**
   * Returns the line of an error message a person needs first, as {@link Classification#firstLine()} holds it:
   * the first line that is not dbt's frame (its headers, a header repeated after a colon, bare codes, progress
   * lines), with the next line joined when it ends with a colon; the first line when everything is frame. Log
   * prefixes, timestamps and ANSI codes are removed first. The line is not redacted. For callers that diagnose
   * without a classifier and still want the same line.
   *
   * @param message the message, may be null or empty
   * @return the line, empty for an empty message
   */
  public static String lineThatMatters(String message) {
    return Text.lineThatMatters(Text.normalize(message));
  }

  /**
   * Classifies a bare message.
   *
   * @param message the message, may be null or empty
   * @return the classification, never null
   */
  public Classification classify(String message) {
    return classify(RuleContext.ofMessage(message));
  }

  /**
   * Classifies a failure. Never throws.
   *
   * @param context what is known about the failure; null is treated as an empty message
   * @return the classification, never null
   */
  public Classification classify(RuleContext context) {
    RuleContext ctx = context == null ? RuleContext.ofMessage("") : context;
    String firstLine;
    try {
      // Rules see the normalised text once, not the raw log: normalising is idempotent.
      String normalized = Text.normalize(ctx.message());
      firstLine = Text.lineThatMatters(normalized);
      ctx = new RuleContext(normalized, ctx.result(), ctx.node(), ctx.adapter(), ctx.compiledCode(),
          ctx.resourceType(), ctx.testName());
    } catch (RuntimeException | StackOverflowError e) {
      firstLine = "";
    }
    List<String> warnings = new ArrayList<>();
    List<Map.Entry<RuleDescriptor, RuleMatch>> matches = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleDescriptor d = descriptors.get(i);
      try {
        Optional<RuleMatch> m = rules.get(i).evaluate(ctx);
        if (m != null && m.isPresent()) {
          matches.add(Map.entry(d, m.get()));
        }
      } catch (RuntimeException | StackOverflowError e) {
        warnings.add("rule '" + d.id() + "' (" + rules.get(i).getClass().getName() + ") threw "
            + e.getClass().getSimpleName() + "; ignored");
      }
    }
    try {
      return decide(ctx, firstLine, matches, warnings);
    } catch (RuntimeException | StackOverflowError e) {
      warnings.add("classification failed with " + e.getClass().getSimpleName() + "; fell back to RUNTIME/OTHER");
      return new Classification(ErrorClass.RUNTIME, Subclass.OTHER, ErrorClass.RUNTIME.defaultFixLayer(),
          Transience.UNKNOWN, "", MessageObjects.empty(), "", Optional.empty(), List.of(), warnings);
    }
  }

  private static Classification decide(RuleContext ctx, String firstLine,
      List<Map.Entry<RuleDescriptor, RuleMatch>> matches, List<String> warnings) {
    if (matches.isEmpty()) {
      RuleMatch m = HeaderFallback.classify(ctx);
      return new Classification(m.errorClass(), m.subclass(), m.errorClass().defaultFixLayer(),
          Transience.UNKNOWN, firstLine, m.objects(), m.advice(), Optional.empty(),
          List.of(new Evidence(HeaderFallback.ID, Integer.MIN_VALUE, m.errorClass(), m.subclass(),
              m.matchedText())), warnings);
    }
    // Already in rank order: rules are evaluated in rank order.
    RuleMatch best = matches.get(0).getValue();
    MessageObjects objects = best.objects();
    List<Evidence> evidence = new ArrayList<>();
    for (Map.Entry<RuleDescriptor, RuleMatch> e : matches) {
      objects = objects.orElse(e.getValue().objects());
      evidence.add(new Evidence(e.getKey().id(), e.getKey().priority(), e.getValue().errorClass(),
          e.getValue().subclass(), e.getValue().matchedText()));
    }
    return new Classification(best.errorClass(), best.subclass(),
        best.fixLayer().orElse(best.errorClass().defaultFixLayer()),
        transience(best), firstLine, objects, best.advice(),
        Optional.of(matches.get(0).getKey().id()), evidence, warnings);
  }

  /**
   * The rule's transience, unless the sub-case says a retry cannot help: a statement timeout or a suspended
   * account is persistent whatever a rule's wording suggests ("retryable" means re-running unchanged will
   * likely succeed).
   */
  private static Transience transience(RuleMatch best) {
    if (best.subclass().defaultTransience() == Transience.PERSISTENT) {
      return Transience.PERSISTENT;
    }
    return best.transience().orElse(best.subclass().defaultTransience() == Transience.TRANSIENT
        ? Transience.TRANSIENT : defaultTransience(best.errorClass()));
  }

  private static Transience defaultTransience(ErrorClass c) {
    return c == ErrorClass.RUNTIME ? Transience.UNKNOWN : Transience.PERSISTENT;
  }

  /**
   * Configures a {@link Classifier}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Registers a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws NullPointerException if {@code rule} is null
     */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Registers rules in order.
     *
     * @param more the rules
     * @return this builder
     * @throws NullPointerException if {@code more} or one of its elements is null
     */
    public Builder rules(Iterable<? extends Rule> more) {
      for (Rule r : Objects.requireNonNull(more, "rules")) {
        rule(r);
      }
      return this;
    }

    /**
     * Registers every {@link Rule} and every rule of every {@link RulePack} that {@link ServiceLoader} finds
     * with the thread's context class loader (or on the module path). Opt-in: nothing is discovered unless
     * this is called.
     *
     * @return this builder
     * @throws RuleConfigurationException if a provider cannot be loaded
     */
    public Builder discoverRules() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return discoverRules(loader == null ? Classifier.class.getClassLoader() : loader);
    }

    /**
     * Registers every {@link Rule} and {@link RulePack} service found with {@code loader}.
     *
     * @param loader the class loader to search
     * @return this builder
     * @throws RuleConfigurationException if a provider cannot be loaded
     */
    public Builder discoverRules(ClassLoader loader) {
      try {
        for (Rule r : ServiceLoader.load(Rule.class, loader)) {
          rule(r);
        }
        for (RulePack p : ServiceLoader.load(RulePack.class, loader)) {
          rules(p.rules());
        }
      } catch (ServiceConfigurationError e) {
        throw new RuleConfigurationException("cannot load classification rules: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Builds the classifier.
     *
     * @return the classifier
     * @throws RuleConfigurationException if two rules share an id (naming both classes) or a rule has no
     *     descriptor
     */
    public Classifier build() {
      Map<String, Rule> byId = new LinkedHashMap<>();
      List<Map.Entry<RuleDescriptor, Rule>> entries = new ArrayList<>();
      for (Rule r : rules) {
        RuleDescriptor d = r.descriptor();
        if (d == null) {
          throw new RuleConfigurationException("rule " + r.getClass().getName() + " has no descriptor");
        }
        Rule previous = byId.putIfAbsent(d.id(), r);
        if (previous != null) {
          throw new RuleConfigurationException("rule id '" + d.id() + "' is registered twice: by "
              + previous.getClass().getName() + " and by " + r.getClass().getName());
        }
        entries.add(Map.entry(d, r));
      }
      entries.sort(Map.Entry.comparingByKey(ORDER));
      return new Classifier(entries.stream().map(Map.Entry::getValue).toList(),
          entries.stream().map(Map.Entry::getKey).toList());
    }
  }
}
