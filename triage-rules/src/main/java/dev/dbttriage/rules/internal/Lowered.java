package dev.dbttriage.rules.internal;

import java.util.Locale;

/** The lower-cased form of the message being classified, computed once per message and thread. */
final class Lowered {
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private Lowered() {}

  static String of(String text) {
    String[] last = LAST.get();
    if (last[0] != text) {
      last[0] = text;
      last[1] = text.toLowerCase(Locale.ROOT);
    }
    return last[1];
  }
}
