package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mirrors dbt's tests/functional/test_selection/test_selection_expansion.py (section 4 of the spec). */
class IndirectSelectionTest {
  private static final String A = "model.test.model_a";
  private static final String B = "model.test.model_b";
  private static final String CF_A_B = "test.test.cf_a_b";
  private static final String CF_A_SRC = "test.test.cf_a_src";
  private static final String JUST_A = "test.test.just_a";
  private static final String UNIQUE_A = "test.test.unique_model_a_fun.0123456789";
  private static final String REL_A_B = "test.test.relationships_model_a_fun__fun__ref_model_b_.0123456789";

  private final SelectorEngine engine = SelectorEngine.of(TestManifest.expansionProject().build());

  private List<String> ls(IndirectSelection mode, List<String> select, List<String> exclude) {
    return engine.select(SelectionRequest.builder().select(select).exclude(exclude).indirectSelection(mode).build())
        .ids();
  }

  @Test
  void eagerSelectsEveryTestTouchingTheModel() {
    assertThat(ls(IndirectSelection.EAGER, List.of("model_a"), List.of()))
        .containsExactly(A, CF_A_B, CF_A_SRC, JUST_A, REL_A_B, UNIQUE_A);
  }

  @Test
  void cautiousSelectsOnlyTestsWhoseParentsAreAllSelected() {
    assertThat(ls(IndirectSelection.CAUTIOUS, List.of("model_a"), List.of())).containsExactly(A, JUST_A, UNIQUE_A);
  }

  @Test
  void buildableAllowsUpstreamParentsAndSources() {
    assertThat(ls(IndirectSelection.BUILDABLE, List.of("model_a"), List.of()))
        .containsExactly(A, CF_A_B, CF_A_SRC, JUST_A, REL_A_B, UNIQUE_A);
  }

  @Test
  void emptySelectsOnlyTheModel() {
    assertThat(ls(IndirectSelection.EMPTY, List.of("model_a"), List.of())).containsExactly(A);
  }

  @Test
  void excludingAModelRemovesItsEagerlyAttachedTests() {
    assertThat(ls(IndirectSelection.EAGER, List.of("model_a"), List.of("model_b")))
        .containsExactly(A, CF_A_SRC, JUST_A, UNIQUE_A);
  }

  @Test
  void excludingOneTestRemovesJustThatTest() {
    assertThat(ls(IndirectSelection.EAGER, List.of("model_a"), List.of("unique_model_a_fun")))
        .containsExactly(A, CF_A_B, CF_A_SRC, JUST_A, REL_A_B);
  }

  @Test
  void intersectionWithSingularTestsEager() {
    assertThat(ls(IndirectSelection.EAGER, List.of("model_a,test_type:singular"), List.of()))
        .containsExactly(CF_A_B, CF_A_SRC, JUST_A);
  }

  @Test
  void intersectionWithSingularTestsCautious() {
    assertThat(ls(IndirectSelection.CAUTIOUS, List.of("model_a,test_type:singular"), List.of()))
        .containsExactly(JUST_A);
  }

  @Test
  void cautiousUnionReincorporatesTestsOnceAllParentsAreSelected() {
    // cf_a_b and the relationship test sit in the pool of model_a; selecting model_b too completes them
    assertThat(ls(IndirectSelection.CAUTIOUS, List.of("model_a", "model_b"), List.of()))
        .containsExactly(A, B, CF_A_B, JUST_A, REL_A_B, UNIQUE_A);
  }

  @Test
  void buildableGroupRecheckHasNoSourceAllowance() {
    // each criterion alone: cf_a_src is direct for model_a (sources allowed), so it stays
    assertThat(ls(IndirectSelection.BUILDABLE, List.of("model_a,model_a"), List.of())).contains(CF_A_SRC);
  }

  @Test
  void plusModelIncludesTestsEvenWithEmpty() {
    assertThat(ls(IndirectSelection.EMPTY, List.of("model_b+"), List.of()))
        .containsExactly(A, B, CF_A_B, CF_A_SRC, JUST_A, REL_A_B, UNIQUE_A);
  }

  @Test
  void resourceTypeFilterAppliesAfterSelection() {
    Selection s = engine.select(SelectionRequest.builder().select("+model_a").resourceTypes(List.of("test")).build());
    assertThat(s.ids()).containsExactly(CF_A_B, CF_A_SRC, JUST_A, REL_A_B, UNIQUE_A);
  }
}
