/**
 * The built-in classification rule packs, entered through {@link dev.dbttriage.rules.BuiltInRules}: a generic
 * dbt pack and one pack per warehouse.
 */
package dev.dbttriage.rules;
