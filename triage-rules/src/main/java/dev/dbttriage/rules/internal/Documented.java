package dev.dbttriage.rules.internal;

/** What the rule catalogue (docs/rules.md) prints about a built-in rule beyond its descriptor. */
interface Documented {
  /** The class and subclass the rule answers, such as {@code DATABASE / MISSING_COLUMN}. */
  String verdict();

  /** The advice the rule gives, with its placeholders. */
  String adviceText();
}
