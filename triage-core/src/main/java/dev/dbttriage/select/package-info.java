/**
 * dbt's node selection on a manifest alone: the {@code --select}/{@code --exclude} grammar, every selector
 * method, graph operators, indirect selection of tests, YAML selectors and {@code dbt ls} output. Start at
 * {@link dev.dbttriage.select.SelectorEngine}; the grammar reference is {@code docs/selectors.md}.
 *
 * <p>{@link dev.dbttriage.select.ManifestComparison} is the one comparison of two manifests (dbt's {@code state:}
 * rules), shared by the {@code state:} method and the deploy check. Each selector method is one package-private
 * class registered in one table, as dbt's {@code MethodManager} does.
 */
package dev.dbttriage.select;
