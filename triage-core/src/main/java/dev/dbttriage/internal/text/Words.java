package dev.dbttriage.internal.text;

import java.util.ArrayList;
import java.util.List;

/** The words of a command line, split on white space with single and double quotes kept together. */
public final class Words {
  private Words() {}

  /**
   * Splits a command line: {@code dbt run --vars '{a: 1}'} gives {@code dbt}, {@code run}, {@code --vars} and
   * {@code {a: 1}}. Quotes are removed; an empty quoted word is kept as an empty word.
   *
   * @param line the command line
   * @return the words
   */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          b.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (b.length() > 0 || any) {
          out.add(b.toString());
          b.setLength(0);
          any = false;
        }
      } else {
        b.append(c);
      }
    }
    if (b.length() > 0 || any) {
      out.add(b.toString());
    }
    return out;
  }
}
