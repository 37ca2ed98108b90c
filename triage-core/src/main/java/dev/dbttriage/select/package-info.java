/**
 * dbt's node selection on a manifest alone: the {@code --select}/{@code --exclude} grammar, every selector
 * method, graph operators, indirect selection of tests, YAML selectors and {@code dbt ls} output. Start at
 * {@link dev.dbttriage.select.SelectorEngine}; the grammar reference is {@code docs/selectors.md}.
 */
package dev.dbttriage.select;
