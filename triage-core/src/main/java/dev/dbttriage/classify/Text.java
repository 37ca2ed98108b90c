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

  /** dbt's frame around an error: its headers, which say where but not what. */
  private static final Pattern HEADER = Pattern.compile(
      "(?i)^(?:(?:Compilation|Database|Runtime|Parsing|Dependency|Internal|Jinja) Error"
          + "(?: in (?:model|test|unit_test|source|seed|snapshot|analysis|operation|macro|sql_operation) \\S+"
          + "(?: \\([^)\\n]*\\))?)?:?"
          + "|(?:Failure|Warning|Error) in (?:test|unit_test|model|source|snapshot|seed) \\S+(?: \\([^)\\n]*\\))?:?"
          + "|Unhandled error while executing.*|Runtime Error|Database Error|Code: \\d+\\.?|\\d+ of \\d+ "
          + "(?:ERROR|FAIL|START|OK|WARN|SKIP|PASS)\\b.*)$");

  private static final Pattern POSITION = Pattern.compile("(?i)error line \\d+ at position \\d+$");

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

  /**
   * The line a person needs: the first line that is not dbt's frame (headers, a header repeated twice as in
   * {@code Database Error in source X: Database Error in source X}, bare codes such as {@code Code: 47.},
   * progress lines such as {@code 12 of 40 ERROR creating ...}), with the next line joined when it ends with a
   * colon ({@code 003001 (42501): SQL access control error:}); the first line when everything is frame.
   */
  static String lineThatMatters(String normalized) {
    String found = null;
    for (String line : lines(normalized)) {
      if (NOISE.matcher(line).matches()) {
        continue;
      }
      if (found != null) {
        found = found + " " + line;
        break;
      }
      if (isFrame(line)) {
        continue;
      }
      found = line;
      // "SQL compilation error:" and Snowflake's "... error line 6 at position 7" say what only with the next line
      if (!line.endsWith(":") && !POSITION.matcher(line).find()) {
        break;
      }
    }
    if (found == null) {
      return firstLine(normalized);
    }
    return found.length() > 500 ? found.substring(0, 500) : found;
  }

  /** A header alone, or a header repeated after a colon ("Database Error in source x: Database Error in ..."). */
  private static boolean isFrame(String line) {
    if (HEADER.matcher(line).matches()) {
      return true;
    }
    int colon = line.indexOf(": ");
    return colon > 0 && HEADER.matcher(line.substring(0, colon)).matches()
        && HEADER.matcher(line.substring(colon + 2)).matches();
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
