package dev.dbttriage.triage;

import dev.dbttriage.classify.Redaction;
import java.util.regex.Pattern;

/** The lines of an error message a person reads first. Stateless. */
final class MessageLines {
  private static final Pattern DBT_HEADER = Pattern.compile(
      "^(?:\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+)?(?:\\[\\w+\\]\\s*)*(?:\\[\\w+\\]:\\s*)?"
          + "(?:(?:Compilation|Database|Runtime|Parsing|Dependency|Internal) Error(?: in \\w+ \\S+(?: \\(.*\\))?)?"
          + "|(?:Failure|Warning|Error) in (?:test|unit_test|model|source|snapshot|seed) \\S+(?: \\(.*\\))?"
          + "|Encountered an error:?|Unhandled error while executing.*)\\s*$");

  private MessageLines() {}

  /** The first non-blank line, cut at 300 characters. */
  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
      }
    }
    return "";
  }

  /**
   * Returns the line of a message that says what went wrong: the classifier's first line, unless it is only
   * dbt's header ("Database Error in model x (models/x.sql)"), in which case the next line of the message.
   */
  static String lineThatMatters(String message, String classifierLine) {
    if (!DBT_HEADER.matcher(classifierLine).matches() || message == null) {
      return classifierLine;
    }
    boolean pastHeader = false;
    String found = null;
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (found != null) {
        // "003001 (42501): SQL access control error:" says what only with the line after it.
        found = found + " " + t;
        break;
      }
      if (!pastHeader) {
        pastHeader = t.contains(classifierLine) || DBT_HEADER.matcher(t).matches();
        continue;
      }
      if (!DBT_HEADER.matcher(t).matches()) {
        found = t;
        if (!t.endsWith(":")) {
          break;
        }
      }
    }
    if (found == null) {
      return classifierLine;
    }
    return Redaction.redact(found.length() > 300 ? found.substring(0, 300) + "…" : found);
  }
}
