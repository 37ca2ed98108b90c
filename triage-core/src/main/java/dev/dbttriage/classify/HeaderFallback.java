package dev.dbttriage.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The classification used when no rule matched: the dbt header, read innermost-cause first. Stateless. */
final class HeaderFallback {
  static final String ID = "fallback.header";

  private static final Pattern DATABASE = Pattern.compile("\\bDatabase Error\\b");
  private static final Pattern COMPILATION = Pattern.compile("\\b(?:Compilation|Parsing) Error\\b");
  private static final Pattern DEPENDENCY = Pattern.compile("\\bDependency Error\\b|which was not found");
  private static final Pattern TEST = Pattern.compile(
      "\\b(?:Failure|Warning) in test\\b|\\bGot \\d+ results?, configured to (?:fail|warn)");
  private static final Pattern FRESHNESS = Pattern.compile("(?i)\\bfreshness\\b");

  private HeaderFallback() {}

  static RuleMatch classify(RuleContext ctx) {
    String text = ctx.message();
    Object[][] order = {
        {DATABASE, ErrorClass.DATABASE}, {COMPILATION, ErrorClass.COMPILATION},
        {DEPENDENCY, ErrorClass.DEPENDENCY}, {TEST, ErrorClass.TEST}, {FRESHNESS, ErrorClass.FRESHNESS}};
    for (Object[] row : order) {
      Matcher m = ((Pattern) row[0]).matcher(text);
      if (m.find()) {
        ErrorClass c = (ErrorClass) row[1];
        return RuleMatch.of(c, Subclass.OTHER).withMatchedText(m.group());
      }
    }
    return RuleMatch.of(ErrorClass.RUNTIME, Subclass.OTHER)
        .withAdvice("Run `dbt debug` to check the profile, connection and dbt installation, then read the full "
            + "log around this message.");
  }
}
