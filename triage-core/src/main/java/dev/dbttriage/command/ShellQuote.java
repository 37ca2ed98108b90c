package dev.dbttriage.command;

import java.util.regex.Pattern;

/** POSIX shell quoting for one word of a pasteable command line. Stateless and thread-safe. */
final class ShellQuote {
  /**
   * Characters no POSIX shell (nor bash or zsh) treats specially inside a word: selection syntax such as
   * {@code +orders}, {@code 2+tag:daily+1}, {@code @source:raw.events}, {@code a,b} and
   * {@code config.materialized:incremental} stays readable.
   */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+:,./-]+");

  private ShellQuote() {}

  /** Returns {@code word} as is when it is safe, else single-quoted ({@code '} becomes {@code '\''}). */
  static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Returns {@code word} single-quoted whatever it holds. */
  static String alwaysQuote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
