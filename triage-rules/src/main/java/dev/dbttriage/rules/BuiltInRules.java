package dev.dbttriage.rules;

/** The built-in rule packs. */
public final class BuiltInRules {
  private BuiltInRules() {}
}
