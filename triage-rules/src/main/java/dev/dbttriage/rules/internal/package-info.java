/**
 * Implementation of the built-in rule packs. Not exported: use {@link dev.dbttriage.rules.BuiltInRules}.
 */
package dev.dbttriage.rules.internal;
