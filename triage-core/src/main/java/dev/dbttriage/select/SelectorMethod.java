package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/**
 * One of dbt's selector methods ({@code fqn}, {@code tag}, {@code state}, ...): the vertices a criterion's value
 * matches before graph operators and indirect selection apply, as dbt's {@code SelectorMethod.search}.
 * Implementations are stateless and registered once in {@link Methods}.
 */
interface SelectorMethod {
  /**
   * Sets in {@code out} every vertex the criterion's method matches.
   *
   * @param evaluation the evaluation asking (its engine, and for {@code selector:} its named selectors)
   * @param criterion the criterion: its value, dotted method arguments and raw text
   * @param out the vertices matched so far
   * @throws SelectorSyntaxException on a value the method rejects, or missing comparison state
   */
  void search(Evaluation evaluation, Criterion criterion, BitSet out);
}
