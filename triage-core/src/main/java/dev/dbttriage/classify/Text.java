package dev.dbttriage.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Message normalisation shared by {@link RuleContext} and {@link Classifier}. Stateless. */
final class Text {
  /** Longer messages are cut: dbt puts the cause first and SQL echoes or stack traces after. */
  static final int MAX_CHARS = 100_000;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]{0,20}[A-Za-z]|\u001B|\\[[0-9;]{1,10}m");
  private static final Pattern LOG_PREFIX = Pattern.compile(
      "(?m)^[ \\t]*(?:\\[\\d{4}-\\d{2}-\\d{2}[^\\]\\n]{0,40}\\][ \\t]*(?:\\{[^}\\n]{0,80}\\}[ \\t]*)?"
          + "(?:[A-Z]{3,8} - )?(?:\\[[a-z]{1,20}\\][ \\t]*)?)?"
          + "(?:\\d{4}-\\d{2}-\\d{2}[ T])?(?:\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[ \\t]*\\|)?[ \\t]+)?"
          + "(?:\\[(?:error|warn|info|debug)[ \\t]*\\][ \\t]+\\[[^\\]\\n]{0,40}\\]:[ \\t]?)?");
  private static final Pattern NOISE = Pattern.compile(
      "(?i)^(?:encountered an error:?|completed with \\d+ errors?.*|completed with \\d+ warnings?.*"
          + "|done\\. pass=.*|running with dbt=.*|\\$ dbt .*|finished running .*|\\|)$");

  private Text() {}

  /** The last input and output per thread: rules ask for the text of one message many times. */
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  static String normalize(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    String[] last = LAST.get();
    if (last[0] == message) {
      return last[1];
    }
    String out = doNormalize(message);
    last[0] = message;
    last[1] = out;
    return out;
  }

  private static String doNormalize(String message) {
    String s = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    s = ANSI.matcher(s).replaceAll("");
    s = LOG_PREFIX.matcher(s).replaceAll("");
    return s;
  }

  static List<String> lines(String normalized) {
    List<String> out = new ArrayList<>();
    for (String line : normalized.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  static String firstLine(String normalized) {
    for (String line : lines(normalized)) {
      if (!NOISE.matcher(line).matches()) {
        return line.length() > 500 ? line.substring(0, 500) : line;
      }
    }
    return "";
  }
}
