package dev.dbttriage.rules.internal;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.MessageObjects;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.classify.RuleDescriptor;
import dev.dbttriage.classify.RuleMatch;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table-entry rule: it matches when any of its patterns is found in the normalised message (and none of its
 * exclusions is), and answers a fixed class and subclass with advice rendered from a template. Immutable.
 *
 * <p>Templates may use {@code {relation}}, {@code {column}}, {@code {role}}, {@code {privilege}},
 * {@code {code}}, {@code {reference}}, {@code {model}} and {@code {grant}} (the GRANT in the warehouse's
 * syntax, see {@link Advice#grant}).
 */
public final class PatternRule implements Rule, Documented {
  static final String DOCS = "https://github.com/dbt-triage/dbt-triage/blob/main/docs/rules.md#";

  private final RuleDescriptor descriptor;
  private final ErrorClass errorClass;
  private final Subclass subclass;
  private final List<Pattern> patterns;
  private final List<Pattern> unless;
  private final List<Pattern> extractors;
  private final String advice;
  private final Optional<Transience> transience;
  private final Optional<FixLayer> fixLayer;
  private final Optional<String> dialect;
  private final Predicate<RuleContext> when;
  private final ThreadLocal<Matcher[]> matchers;
  private final String[] literals;
  private final boolean[] caseless;

  private PatternRule(Builder b) {
    this.descriptor = new RuleDescriptor(b.id, b.summary, b.priority, Set.copyOf(b.tags),
        Optional.of(URI.create(DOCS + b.id.replace('.', '-'))));
    this.errorClass = Objects.requireNonNull(b.errorClass, "errorClass of " + b.id);
    this.subclass = Objects.requireNonNull(b.subclass, "subclass of " + b.id);
    this.patterns = List.copyOf(b.patterns);
    this.unless = List.copyOf(b.unless);
    this.extractors = List.copyOf(b.extractors);
    this.advice = b.advice;
    this.transience = Optional.ofNullable(b.transience);
    this.fixLayer = Optional.ofNullable(b.fixLayer);
    this.dialect = Optional.ofNullable(b.dialect);
    this.when = b.when;
    if (patterns.isEmpty()) {
      throw new IllegalStateException("rule " + b.id + " has no pattern");
    }
    List<Pattern> ps = this.patterns;
    this.literals = new String[ps.size()];
    this.caseless = new boolean[ps.size()];
    for (int i = 0; i < ps.size(); i++) {
      Prefilter.Literal lit = Prefilter.requiredLiteral(ps.get(i));
      literals[i] = lit == null ? null : lit.text();
      caseless[i] = lit != null && lit.caseless();
    }
    this.matchers = ThreadLocal.withInitial(() -> {
      Matcher[] ms = new Matcher[ps.size()];
      for (int i = 0; i < ms.length; i++) {
        ms[i] = ps.get(i).matcher("");
      }
      return ms;
    });
  }

  static Builder rule(String id, ErrorClass errorClass, Subclass subclass) {
    return new Builder(id, errorClass, subclass);
  }

  @Override
  public RuleDescriptor descriptor() {
    return descriptor;
  }

  /** Returns the class this rule answers. */
  public ErrorClass errorClass() {
    return errorClass;
  }

  /** Returns the subclass this rule answers. */
  public Subclass subclass() {
    return subclass;
  }

  /** Returns the advice template. */
  public String adviceTemplate() {
    return advice;
  }

  @Override
  public String verdict() {
    return errorClass + " / " + subclass;
  }

  @Override
  public String adviceText() {
    return advice;
  }

  @Override
  public Optional<RuleMatch> evaluate(RuleContext context) {
    if (!when.test(context)) {
      return Optional.empty();
    }
    String text = context.text();
    Matcher hit = null;
    Matcher[] reusable = matchers.get();
    for (int i = 0; i < reusable.length; i++) {
      // A literal every match must contain rules most patterns out with one indexOf, before any regex runs.
      String literal = literals[i];
      if (literal != null && !(caseless[i] ? Lowered.of(text) : text).contains(literal)) {
        continue;
      }
      // One matcher per pattern and thread, reset on each message: creating a Matcher per pattern per message
      // was most of a classification's cost.
      Matcher m = reusable[i].reset(text);
      if (m.find()) {
        hit = patterns.get(i).matcher(text);
        hit.find();
        break;
      }
    }
    if (hit == null) {
      return Optional.empty();
    }
    for (Pattern p : unless) {
      if (p.matcher(text).find()) {
        return Optional.empty();
      }
    }
    MessageObjects objects = Extract.objects(text, extractors);
    String dialectName = dialect.or(context::adapter).orElse("");
    RuleMatch match = RuleMatch.of(errorClass, subclass)
        .withObjects(objects)
        .withAdvice(Advice.render(advice, objects, Extract.kind(text, extractors), dialectName, context))
        .withMatchedText(lineAt(text, hit.start()));
    if (transience.isPresent()) {
      match = match.withTransience(transience.get());
    }
    if (fixLayer.isPresent()) {
      match = match.withFixLayer(fixLayer.get());
    }
    return Optional.of(match);
  }

  static String lineAt(String text, int index) {
    int start = text.lastIndexOf('\n', Math.max(0, index - 1)) + 1;
    if (index == 0) {
      start = 0;
    }
    int end = text.indexOf('\n', index);
    String line = text.substring(start, end < 0 ? text.length() : end).strip();
    return line.length() > 400 ? line.substring(0, 400) : line;
  }

  @Override
  public String toString() {
    return "PatternRule[" + descriptor.id() + "]";
  }

  /** Builds a {@link PatternRule}. */
  static final class Builder {
    private final String id;
    private final ErrorClass errorClass;
    private final Subclass subclass;
    private String summary;
    private int priority = 500;
    private final List<String> tags = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Pattern> unless = new ArrayList<>();
    private final List<Pattern> extractors = new ArrayList<>();
    private String advice = "";
    private Transience transience;
    private FixLayer fixLayer;
    private String dialect;
    private Predicate<RuleContext> when = c -> true;

    private Builder(String id, ErrorClass errorClass, Subclass subclass) {
      this.id = id;
      this.errorClass = errorClass;
      this.subclass = subclass;
      int dot = id.indexOf('.');
      tags.add(id.substring(0, dot));
      tags.add(errorClass.name().toLowerCase(Locale.ROOT));
    }

    Builder summary(String value) {
      this.summary = value;
      return this;
    }

    Builder priority(int value) {
      this.priority = value;
      return this;
    }

    /** Any of these regular expressions, found anywhere in the normalised text, makes the rule match. */
    Builder match(String... regexes) {
      for (String r : regexes) {
        patterns.add(Pattern.compile(r));
      }
      return this;
    }

    /** None of these may be found. */
    Builder unless(String... regexes) {
      for (String r : regexes) {
        unless.add(Pattern.compile(r));
      }
      return this;
    }

    /**
     * Patterns with named groups {@code rel}, {@code col}, {@code role}, {@code priv}, {@code code},
     * {@code state}, {@code ref}: the first find of each fills the objects.
     */
    Builder extract(String... regexes) {
      for (String r : regexes) {
        extractors.add(Pattern.compile(r));
      }
      return this;
    }

    Builder advice(String value) {
      this.advice = value;
      return this;
    }

    Builder transience(Transience value) {
      this.transience = value;
      return this;
    }

    Builder fixLayer(FixLayer value) {
      this.fixLayer = value;
      return this;
    }

    /** The warehouse whose syntax {@code {grant}} uses; otherwise the context's adapter. */
    Builder dialect(String value) {
      this.dialect = value;
      return this;
    }

    Builder when(Predicate<RuleContext> value) {
      this.when = value;
      return this;
    }

    Builder tag(String value) {
      tags.add(value);
      return this;
    }

    PatternRule build() {
      return new PatternRule(this);
    }
  }
}
