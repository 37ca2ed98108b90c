package dev.dbttriage.triage;

/**
 * The first line of a message as written, for text the triage writes itself (a freshness verdict) and JUnit's
 * one-line attribute; the line that matters in an error is the classifier's ({@code Classifier.lineThatMatters}).
 * Stateless.
 */
final class MessageLines {
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
}
