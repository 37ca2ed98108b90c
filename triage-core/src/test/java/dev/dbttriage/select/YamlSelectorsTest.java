package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML selectors (section 5.5, 5.6) and the YAML subset reader. */
class YamlSelectorsTest {
  private static final String YAML = String.join("\n",
      "# selectors for the expansion project",
      "selectors:",
      "  - name: a_only",
      "    description: \"model a, no tests\"",
      "    definition:",
      "      method: fqn",
      "      value: model_a",
      "      indirect_selection: empty",
      "  - name: b_and_children",
      "    definition: 'model_b+'",
      "  - name: union_minus",
      "    default: true",
      "    definition:",
      "      union:",
      "        - model_a",
      "        - {method: fqn, value: model_b}",
      "        - exclude: [test_type:generic]",
      "  - name: uses_other",
      "    definition:",
      "      method: selector",
      "      value: a_only",
      "      children: true",
      "  - name: loop",
      "    definition:",
      "      method: selector",
      "      value: loop",
      "");

  private static SelectorEngine engine() {
    return SelectorEngine.of(TestManifest.expansionProject().build(),
        SelectionContext.builder().selectorsText(YAML, "selectors.yml").build());
  }

  @Test
  void readsTheYamlSubset() {
    Object parsed = MiniYaml.parse(YAML, "selectors.yml");
    assertThat(parsed).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) ((Map<String, Object>) parsed).get("selectors");
    assertThat(list).hasSize(5);
    assertThat(list.get(0)).isEqualTo(Map.of("name", "a_only", "description", "model a, no tests", "definition",
        Map.of("method", "fqn", "value", "model_a", "indirect_selection", "empty")));
    assertThat(list.get(2)).isEqualTo(Map.of("name", "union_minus", "default", true, "definition", Map.of("union",
        List.of("model_a", Map.of("method", "fqn", "value", "model_b"), Map.of("exclude",
            List.of("test_type:generic"))))));
  }

  @Test
  void namedSelectorWithItsOwnIndirectSelection() {
    Selection s = engine().select(SelectionRequest.builder().selector("a_only").build());
    assertThat(s.ids()).containsExactly("model.test.model_a");
  }

  @Test
  void selectorWinsOverSelectWithWarning() {
    Selection s = engine().select(SelectionRequest.builder().selector("a_only").select("model_b").build());
    assertThat(s.ids()).containsExactly("model.test.model_a");
    assertThat(s.warnings()).containsExactly("The --select and --exclude arguments are being ignored for node "
        + "selection because --selector is provided");
  }

  @Test
  void defaultSelectorAppliesOnlyWithoutSelectOrExclude() {
    Selection s = engine().select(SelectionRequest.builder().build());
    assertThat(s.ids()).containsExactly("model.test.model_a", "model.test.model_b", "test.test.cf_a_b",
        "test.test.cf_a_src", "test.test.just_a");
    assertThat(engine().select(SelectionRequest.builder().select("model_b").build()).ids())
        .contains("model.test.model_b");
  }

  @Test
  void selectorMethodWithOperators() {
    assertThat(engine().select("selector:a_only")).containsExactly("model.test.model_a");
    assertThat(engine().select(SelectionRequest.builder().selector("uses_other").build()).ids())
        .containsExactly("model.test.model_a", "test.test.cf_a_b", "test.test.cf_a_src", "test.test.just_a",
            "test.test.relationships_model_a_fun__fun__ref_model_b_.0123456789",
            "test.test.unique_model_a_fun.0123456789");
  }

  @Test
  void selectorErrors() {
    assertThatThrownBy(() -> engine().select("selector:nope"))
        .hasMessage("Selector 'nope' did not match any selector in selectors.yml");
    assertThatThrownBy(() -> engine().select("selector:loop"))
        .hasMessage("Circular dependency detected in selector: loop");
    assertThatThrownBy(() -> engine().select(SelectionRequest.builder().selector("nope").build()))
        .hasMessage("Could not find selector named nope, expected one of ['a_only', 'b_and_children', "
            + "'union_minus', 'uses_other', 'loop']");
    assertThatThrownBy(() -> SelectorEngine.of(TestManifest.expansionProject().build())
        .select(SelectionRequest.builder().selector("x").build()))
        .hasMessage("Selector 'x' did not match any selector in selectors.yml");
  }

  @Test
  void manifestSelectorsAreUsedWithoutAFile() {
    TestManifest t = TestManifest.expansionProject();
    t.selectors = Map.of("only_b", Map.of("name", "only_b", "definition", Map.of("method", "fqn", "value",
        "model_b"), "default", false));
    SelectorEngine e = SelectorEngine.of(t.build());
    assertThat(e.select(SelectionRequest.builder().selector("only_b").indirectSelection(IndirectSelection.EMPTY)
        .build()).ids()).containsExactly("model.test.model_b");
  }

  @Test
  void yamlDepthZeroMeansUnlimited() {
    String yaml = "selectors:\n- name: up\n  definition:\n    method: fqn\n    value: cf_a_b\n    parents: true\n"
        + "    parents_depth: 0\n";
    SelectorEngine e = SelectorEngine.of(TestManifest.expansionProject().build(),
        SelectionContext.builder().selectorsText(yaml, "selectors.yml").build());
    assertThat(e.select(SelectionRequest.builder().selector("up").indirectSelection(IndirectSelection.EMPTY)
        .build()).ids()).containsExactly("model.test.model_a", "model.test.model_b", "test.test.cf_a_b");
  }

  @Test
  void childrensParentsWithChildrenIsRejectedQuotingThePythonDict() {
    String yaml = "selectors:\n- name: bad\n  definition: {children: true, childrens_parents: true, method: fqn, "
        + "value: model_a}\n";
    SelectorEngine e = SelectorEngine.of(TestManifest.expansionProject().build(),
        SelectionContext.builder().selectorsText(yaml, "selectors.yml").build());
    assertThatThrownBy(() -> e.select(SelectionRequest.builder().selector("bad").build()))
        .hasMessage("Invalid node spec {'children': True, 'childrens_parents': True, 'method': 'fqn', 'value': "
            + "'model_a'} - \"@\" prefix and \"+\" suffix are incompatible");
  }

  @Test
  void jsonSelectorsFileIsAccepted() {
    String json = "{\"selectors\": [{\"name\": \"j\", \"definition\": \"model_b\"}]}";
    SelectorEngine e = SelectorEngine.of(TestManifest.expansionProject().build(),
        SelectionContext.builder().selectorsText(json, "selectors.json").build());
    assertThat(e.select(SelectionRequest.builder().selector("j").indirectSelection(IndirectSelection.EMPTY).build())
        .ids()).containsExactly("model.test.model_b");
  }

  @Test
  void badYamlIsReportedWithTheLineAndColumnButNotItsText() {
    assertThatThrownBy(() -> MiniYaml.parse("selectors:\n  - name: x\n    definition: [a, b\n  secret_token: hunter2\n", "s.yml"))
        .isInstanceOf(SelectorSyntaxException.class)
        .hasMessageStartingWith("s.yml: line 4, column 15: not valid YAML: ")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> MiniYaml.parse("a: !!python/object:os.system x\n", "s.yml"))
        .isInstanceOf(SelectorSyntaxException.class)
        .hasMessageStartingWith("s.yml: line 1, column 4: not valid YAML: ");
  }

  /** What dbt reads with PyYAML and the old subset reader rejected: anchors, aliases, merge keys, block scalars. */
  @Test
  void anchorsAliasesMergeKeysAndBlockScalarsAreYamlAsDbtReadsIt() {
    String yaml = String.join("\n",
        "shared: &a_only_def",
        "  method: fqn",
        "  value: model_a",
        "  indirect_selection: empty",
        "selectors:",
        "  - name: a_only",
        "    description: |",
        "      Model a alone,",
        "      without its tests.",
        "    definition: *a_only_def",
        "  - name: b_too",
        "    description: >",
        "      folded",
        "      text",
        "    default: yes",
        "    definition:",
        "      union:",
        "        - *a_only_def",
        "        - <<: *a_only_def",
        "          value: model_b",
        "");
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) ((Map<String, Object>) MiniYaml.parse(yaml, "selectors.yml")).get("selectors");
    Map<String, Object> aDef = Map.of("method", "fqn", "value", "model_a", "indirect_selection", "empty");
    assertThat(list.get(0)).isEqualTo(Map.of("name", "a_only", "description", "Model a alone,\nwithout its tests.\n",
        "definition", aDef));
    assertThat(list.get(1)).isEqualTo(Map.of("name", "b_too", "description", "folded text\n", "default", true,
        "definition", Map.of("union", List.of(aDef,
            Map.of("method", "fqn", "value", "model_b", "indirect_selection", "empty")))));

    SelectorEngine e = SelectorEngine.of(TestManifest.expansionProject().build(),
        SelectionContext.builder().selectorsText(yaml, "selectors.yml").build());
    assertThat(e.select(SelectionRequest.builder().selector("a_only").build()).ids())
        .containsExactly("model.test.model_a");
    assertThat(e.select(SelectionRequest.builder().build()).ids())
        .containsExactly("model.test.model_a", "model.test.model_b");
  }

  @Test
  void timestampsStayTextAsDbtPrintsThem() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) MiniYaml.parse("when: 2024-01-02\nn: 3\nempty:\n", "s.yml");
    assertThat(m).containsEntry("when", "2024-01-02").containsEntry("n", 3).containsEntry("empty", null);
  }

  @Test
  void twoDefaultsAreAnError() {
    String yaml = "selectors:\n- {name: a, definition: x, default: true}\n- {name: b, definition: y, default: true}\n";
    assertThatThrownBy(() -> SelectionContext.builder().selectorsText(yaml, "selectors.yml"))
        .hasMessage("Found multiple selectors with `default: true`:a and b");
  }
}
