package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.select.Spec.Criterion;
import dev.dbttriage.select.Spec.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per grammar form of section 2 and operator of section 3. */
class GrammarTest {
  /** Chain a -> c -> f, plus b -> c and c -> e, as in dbt's tests/unit/graph/test_selector.py. */
  private static SelectorEngine chain() {
    TestManifest t = new TestManifest("pkg");
    t.model("a");
    t.model("b");
    t.model("c", "a", "b");
    t.model("e", "c");
    t.model("f", "e");
    return SelectorEngine.of(t.build());
  }

  private static List<String> ls(SelectorEngine e, String... select) {
    return e.select(SelectionRequest.builder().select(select).build()).ids();
  }

  private static String m(String name) {
    return "model.pkg." + name;
  }

  @Test
  void parsesEveryOperatorPart() {
    Criterion c = SpecParser.criterion("@2+tag:nightly", IndirectSelection.EAGER);
    assertThat(c.childrensParents).isTrue();
    assertThat(c.parents).isTrue();
    assertThat(c.parentsDepth).isEqualTo(2);
    assertThat(c.method).isEqualTo(Method.TAG);
    assertThat(c.value).isEqualTo("nightly");
    assertThat(c.children).isFalse();
  }

  @Test
  void plusInsideTheValueIsNotAnOperator() {
    Criterion c = SpecParser.criterion("config.incremental_strategy:delete+insert", IndirectSelection.EAGER);
    assertThat(c.value).isEqualTo("delete+insert");
    assertThat(c.args).containsExactly("incremental_strategy");
    assertThat(c.children).isFalse();
  }

  @Test
  void trailingPlusDigitsIsChildrenDepth() {
    Criterion c = SpecParser.criterion("tag:a+1", IndirectSelection.EAGER);
    assertThat(c.value).isEqualTo("a");
    assertThat(c.children).isTrue();
    assertThat(c.childrenDepth).isEqualTo(1);
  }

  @Test
  void methodEndsAtTheFirstColon() {
    Criterion c = SpecParser.criterion("path:C:/x", IndirectSelection.EAGER);
    assertThat(c.method).isEqualTo(Method.PATH);
    assertThat(c.value).isEqualTo("C:/x");
  }

  @Test
  void defaultMethodIsInferredFromTheValue() {
    assertThat(SpecParser.defaultMethod("models/staging")).isEqualTo(Method.PATH);
    assertThat(SpecParser.defaultMethod("orders.SQL")).isEqualTo(Method.FILE);
    assertThat(SpecParser.defaultMethod("seeds")).isEqualTo(Method.FQN);
    assertThat(SpecParser.defaultMethod("schema.yml")).isEqualTo(Method.FQN);
    assertThat(SpecParser.defaultMethod("seeds/")).isEqualTo(Method.PATH);
  }

  @Test
  void unknownMethodFailsWithDbtWording() {
    assertThatThrownBy(() -> chain().select("modle:x"))
        .isInstanceOf(SelectorSyntaxException.class)
        .hasMessage("'modle' is not a valid method name");
  }

  @Test
  void methodNamesAreCaseSensitive() {
    assertThatThrownBy(() -> chain().select("FQN:a")).hasMessage("'FQN' is not a valid method name");
  }

  @Test
  void unknownMethodInExcludeAlsoFails() {
    assertThatThrownBy(() -> chain().select("a", "bogus:x")).hasMessage("'bogus' is not a valid method name");
  }

  @Test
  void atWithTrailingPlusIsRejected() {
    assertThatThrownBy(() -> chain().select("@a+"))
        .isInstanceOf(SelectorSyntaxException.class)
        .hasMessage("Invalid node spec @a+ - \"@\" prefix and \"+\" suffix are incompatible");
  }

  @Test
  void childrenUnlimited() {
    assertThat(ls(chain(), "c+")).containsExactly(m("c"), m("e"), m("f"));
  }

  @Test
  void childrenWithDepth() {
    assertThat(ls(chain(), "c+1")).containsExactly(m("c"), m("e"));
  }

  @Test
  void parentsUnlimitedAndWithDepth() {
    assertThat(ls(chain(), "+f")).containsExactly(m("a"), m("b"), m("c"), m("e"), m("f"));
    assertThat(ls(chain(), "1+f")).containsExactly(m("e"), m("f"));
  }

  @Test
  void zeroDepthSelectsNothingExtra() {
    assertThat(ls(chain(), "0+c")).containsExactly(m("c"));
  }

  @Test
  void bothDirections() {
    assertThat(ls(chain(), "1+c+1")).containsExactly(m("a"), m("b"), m("c"), m("e"));
  }

  @Test
  void atSelectsChildrenAndTheirAncestors() {
    TestManifest t = new TestManifest("pkg");
    t.model("x");
    t.model("y");
    t.model("z", "x", "y");
    SelectorEngine e = SelectorEngine.of(t.build());
    assertThat(ls(e, "@x")).containsExactly(m("x"), m("y"), m("z"));
    assertThat(ls(e, "x+")).containsExactly(m("x"), m("z"));
  }

  /** tests/functional/graph_selection/test_group_selection.py: the exposure under users also reads versioned. */
  @Test
  void atGroupPullsInEveryParentOfDownstreamExposures() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("users").config(java.util.Map.of("group", "users_group")).build());
    t.model("versioned");
    t.model("unrelated");
    t.add(dev.dbttriage.artifact.Node.builder("exposure.test.user_exposure",
        dev.dbttriage.artifact.ResourceType.EXPOSURE).packageName("test")
        .dependsOnNodes(List.of("model.test.users", "model.test.versioned")).build());
    SelectorEngine e = SelectorEngine.of(t.build());
    assertThat(ls(e, "@group:users_group")).containsExactly("exposure.test.user_exposure", m2("users"),
        m2("versioned"));
    assertThat(ls(e, "group:users_group+")).containsExactly("exposure.test.user_exposure", m2("users"));
  }

  private static String m2(String name) {
    return "model.test." + name;
  }

  @Test
  void operatorsApplyBeforeIntersection() {
    assertThat(ls(chain(), "+c,c+")).containsExactly(m("c"));
  }

  @Test
  void spaceIsUnionAndRepeatedValuesUnion() {
    assertThat(ls(chain(), "a b")).containsExactly(m("a"), m("b"));
    assertThat(ls(chain(), "a", "b")).containsExactly(m("a"), m("b"));
  }

  @Test
  void commaIsIntersection() {
    assertThat(ls(chain(), "+e,+c")).containsExactly(m("a"), m("b"), m("c"));
  }

  @Test
  void excludeIsAppliedLast() {
    assertThat(chain().select("+f", "c+")).containsExactly(m("a"), m("b"));
  }

  @Test
  void emptyTokenMatchesNothingAndWarns() {
    Selection s = chain().select(SelectionRequest.builder().select("a  b").build());
    assertThat(s.ids()).containsExactly(m("a"), m("b"));
    assertThat(s.warnings()).containsExactly("The selection criterion '' does not match any enabled nodes");
  }

  @Test
  void trailingCommaSelectsNothing() {
    Selection s = chain().select(SelectionRequest.builder().select("a,").build());
    assertThat(s.ids()).isEmpty();
    assertThat(s.warnings()).containsExactly("The selection criterion 'a,' does not match any enabled nodes",
        "No nodes selected!");
  }

  @Test
  void negationIsALiteralPattern() {
    assertThat(ls(chain(), "!pkg*")).isEmpty();
  }

  @Test
  void noSelectMeansEverythingEnabled() {
    assertThat(ls(chain())).hasSize(5);
  }

  @Test
  void unmatchedExcludeTokenWarns() {
    Selection s = chain().select(SelectionRequest.builder().select("a").exclude("nope").build());
    assertThat(s.ids()).containsExactly(m("a"));
    assertThat(s.warnings()).containsExactly("The selection criterion 'nope' does not match any enabled nodes");
  }
}
