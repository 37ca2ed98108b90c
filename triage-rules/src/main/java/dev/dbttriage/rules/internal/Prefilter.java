package dev.dbttriage.rules.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a literal that every match of a pattern must contain, so a rule can skip a message that lacks it with
 * one {@code indexOf} instead of a regex search. Conservative: it answers only for patterns that start (after an
 * optional {@code (?i)} and {@code \b}) with at least four plain ASCII characters and have no top-level
 * alternation, and gives up on anything else.
 */
final class Prefilter {
  private static final int MIN_LENGTH = 4;

  private Prefilter() {}

  /**
   * A required literal.
   *
   * @param text the literal, lower-cased when {@code caseless}
   * @param caseless whether to look for it in the lower-cased message
   */
  record Literal(String text, boolean caseless) {}

  static Literal requiredLiteral(Pattern pattern) {
    String src = pattern.pattern();
    if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.UNICODE_CASE)) != 0) {
      return null;
    }
    boolean caseless = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
    if (src.startsWith("(?i)")) {
      caseless = true;
      src = src.substring(4);
    }
    if (src.startsWith("(?") || hasTopLevelAlternation(src)) {
      return null;
    }
    if (src.startsWith("\\b")) {
      src = src.substring(2);
    }
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      char literal;
      int width;
      if (c == '\\') {
        if (i + 1 >= src.length()) {
          break;
        }
        char e = src.charAt(i + 1);
        if (Character.isLetterOrDigit(e)) {
          break; // \s, \d, \b, \Q, backreferences: not a literal
        }
        literal = e;
        width = 2;
      } else if (".[]()*+?{}|^$".indexOf(c) >= 0) {
        break;
      } else {
        literal = c;
        width = 1;
      }
      if (literal > 0x7e || literal < 0x20) {
        break;
      }
      int next = i + width;
      if (next < src.length() && "?*{".indexOf(src.charAt(next)) >= 0) {
        break; // this character is optional or repeated from zero: the literal ends before it
      }
      lit.append(literal);
      i = next;
      if (next < src.length() && src.charAt(next) == '+') {
        break;
      }
    }
    if (lit.length() < MIN_LENGTH) {
      return null;
    }
    String text = lit.toString();
    return new Literal(caseless ? text.toLowerCase(Locale.ROOT) : text, caseless);
  }

  private static boolean hasTopLevelAlternation(String src) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
