package dev.dbttriage.assertj;

import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.select.Selection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions about a {@link Selection}, what {@code dbt ls} would list, obtained from
 * {@link TriageAssertions#assertThat(Selection)}, {@link TriageAssertions#assertThatSelection} or
 * {@link ManifestAssert#selection(String)}; {@link NodeAssert#blastRadius()} uses it for a node's downstream.
 *
 * <pre>{@code
 * assertThat(manifest).selection("tag:daily+").ofType(ResourceType.MODEL).hasSizeLessThan(200);
 * assertThat(manifest).selection("source:stripe+").contains("fct_payments").doesNotContain("dim_products");
 * assertThat(manifest).model("stg_orders").blastRadius().hasSizeLessThan(50);
 * }</pre>
 *
 * <p>Resources are named by unique id or by name: {@code orders} names {@code model.shop.orders} (and every
 * version of a versioned model), {@code raw.orders} names {@code source.shop.raw.orders}. A resource's type is
 * the first segment of its unique id. Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class SelectionAssert extends AbstractAssert<SelectionAssert, Selection> {
  private final String label;

  /**
   * Creates an assertion about a selection; prefer {@link TriageAssertions#assertThat(Selection)}.
   *
   * @param actual the selection, may be null (every check then fails with "Expecting actual not to be null")
   */
  public SelectionAssert(Selection actual) {
    this(actual, "the selection");
  }

  SelectionAssert(Selection actual, String label) {
    super(actual, SelectionAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
    this.label = Objects.requireNonNull(label, "label");
  }

  /**
   * Checks the number of selected resources.
   *
   * @param expected the expected number
   * @return this
   * @throws AssertionError listing the selected resources if the number differs
   */
  public SelectionAssert hasSize(int expected) {
    isNotNull();
    if (actual.size() != expected) {
      failWithMessage("Expecting %s to have %s but it has %d: %s", label, nodes(expected), actual.size(),
          Describe.strings(actual.ids()));
    }
    return myself;
  }

  /**
   * Checks that fewer than {@code bound} resources are selected.
   *
   * @param bound the exclusive upper bound
   * @return this
   * @throws AssertionError if as many or more are selected
   */
  public SelectionAssert hasSizeLessThan(int bound) {
    isNotNull();
    if (actual.size() >= bound) {
      failWithMessage("Expecting %s to have fewer than %s but it has %d", label, nodes(bound), actual.size());
    }
    return myself;
  }

  /**
   * Checks that more than {@code bound} resources are selected.
   *
   * @param bound the exclusive lower bound
   * @return this
   * @throws AssertionError if as many or fewer are selected
   */
  public SelectionAssert hasSizeGreaterThan(int bound) {
    isNotNull();
    if (actual.size() <= bound) {
      failWithMessage("Expecting %s to have more than %s but it has %d", label, nodes(bound), actual.size());
    }
    return myself;
  }

  /**
   * Checks that nothing is selected.
   *
   * @return this
   * @throws AssertionError listing what is selected
   */
  public SelectionAssert isEmpty() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage("Expecting %s to be empty but it has %d %s: %s", label, actual.size(),
          Describe.verb(actual.size(), "node", "nodes"), Describe.strings(actual.ids()));
    }
    return myself;
  }

  /**
   * Checks that something is selected.
   *
   * @return this
   * @throws AssertionError if nothing is, quoting the selection's warnings
   */
  public SelectionAssert isNotEmpty() {
    isNotNull();
    if (actual.isEmpty()) {
      failWithMessage("Expecting %s not to be empty but it is%s", label,
          actual.warnings().isEmpty() ? "" : " (warnings: " + Describe.strings(actual.warnings()) + ")");
    }
    return myself;
  }

  /**
   * Checks that every given resource is selected.
   *
   * @param resources unique ids or names, such as {@code model.shop.orders}, {@code orders} or
   *     {@code raw.orders}
   * @return this
   * @throws AssertionError naming the resources that are not selected
   */
  public SelectionAssert contains(String... resources) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String r : resources) {
      if (Describe.matching(actual.ids(), r).isEmpty()) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("Expecting %s to contain %s but it lacks %s; it has %s: %s", label,
          Describe.strings(List.of(resources)), Describe.strings(missing), nodes(actual.size()),
          Describe.strings(actual.ids()));
    }
    return myself;
  }

  /**
   * Checks that none of the given resources is selected.
   *
   * @param resources unique ids or names
   * @return this
   * @throws AssertionError naming the selected ones, by unique id
   */
  public SelectionAssert doesNotContain(String... resources) {
    isNotNull();
    Set<String> found = new TreeSet<>();
    for (String r : resources) {
      found.addAll(Describe.matching(actual.ids(), r));
    }
    if (!found.isEmpty()) {
      failWithMessage("Expecting %s not to contain %s but it contains %s", label,
          Describe.strings(List.of(resources)), Describe.strings(found));
    }
    return myself;
  }

  /**
   * Checks that exactly these resources are selected, in any order.
   *
   * @param uniqueIds the unique ids
   * @return this
   * @throws AssertionError naming the missing and the unexpected resources
   */
  public SelectionAssert containsExactly(String... uniqueIds) {
    isNotNull();
    Set<String> expected = new TreeSet<>(List.of(uniqueIds));
    Set<String> missing = new TreeSet<>(expected);
    actual.ids().forEach(missing::remove);
    List<String> unexpected = actual.ids().stream().filter(id -> !expected.contains(id)).toList();
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      failWithMessage("Expecting %s to contain exactly %s but %s", label, Describe.strings(expected),
          (missing.isEmpty() ? "" : "it lacks " + Describe.strings(missing))
              + (missing.isEmpty() || unexpected.isEmpty() ? "" : " and ")
              + (unexpected.isEmpty() ? "" : "it also has " + Describe.strings(unexpected)));
    }
    return myself;
  }

  /**
   * Checks that evaluating the selection raised no warning, such as dbt's
   * {@code The selection criterion 'x' does not match any enabled nodes}.
   *
   * @return this
   * @throws AssertionError quoting the warnings
   */
  public SelectionAssert hasNoWarnings() {
    isNotNull();
    if (!actual.warnings().isEmpty()) {
      failWithMessage("Expecting %s to have no warnings but it has %d: %s", label, actual.warnings().size(),
          Describe.strings(actual.warnings()));
    }
    return myself;
  }

  /**
   * Checks that every selected resource is of one of these types.
   *
   * @param first a resource type
   * @param more other resource types
   * @return this
   * @throws AssertionError naming the resources of other types, with their types
   */
  public SelectionAssert containsOnlyResourceTypes(ResourceType first, ResourceType... more) {
    isNotNull();
    Set<ResourceType> allowed = EnumSet.of(first, more);
    List<String> others = actual.ids().stream().filter(id -> !allowed.contains(Describe.typeOf(id))).toList();
    if (!others.isEmpty()) {
      failWithMessage("Expecting %s to contain only %s but %d %s not: %s", label, typeNames(allowed),
          others.size(), Describe.verb(others.size(), "is", "are"),
          Describe.strings(others.stream().map(id -> id + " (" + Describe.typeOf(id).dbtName() + ")").toList()));
    }
    return myself;
  }

  /**
   * Navigates to the selected resources of these types, e.g. the models of a selection.
   *
   * @param first a resource type
   * @param more other resource types
   * @return assertions about the narrower selection (its warnings kept), labelled
   *     {@code the selection "tag:daily+" restricted to model}
   */
  public SelectionAssert ofType(ResourceType first, ResourceType... more) {
    isNotNull();
    Set<ResourceType> allowed = EnumSet.of(first, more);
    List<String> ids = actual.ids().stream().filter(id -> allowed.contains(Describe.typeOf(id))).toList();
    return new SelectionAssert(new Selection(ids, actual.warnings()), label + " restricted to " + typeNames(allowed));
  }

  /**
   * Navigates to the selected unique ids as an AssertJ list, for every other check.
   *
   * @return the list assertion, described with this selection's label
   */
  public ListAssert<String> ids() {
    isNotNull();
    return Assertions.assertThat(actual.ids()).as(label);
  }

  private static String nodes(int count) {
    return count + " " + Describe.verb(count, "node", "nodes");
  }

  private static String typeNames(Set<ResourceType> types) {
    return types.stream().map(ResourceType::dbtName).collect(Collectors.joining(", "));
  }
}
