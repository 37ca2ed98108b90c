package dev.dbttriage.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class LineageGraphTest {
  private static Node model(String name, String... deps) {
    List<String> d = new java.util.ArrayList<>();
    for (String dep : deps) {
      d.add(dep.contains(".") ? dep : "model.p." + dep);
    }
    return Node.builder("model.p." + name, ResourceType.MODEL).dependsOnNodes(d).build();
  }

  private static Manifest manifest(List<Node> nodes, List<Node> sources) {
    Map<String, Node> n = new LinkedHashMap<>();
    nodes.forEach(x -> n.put(x.uniqueId(), x));
    Map<String, Node> s = new LinkedHashMap<>();
    sources.forEach(x -> s.put(x.uniqueId(), x));
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.MANIFEST, 12, "", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("p"), Optional.empty());
    return new Manifest(meta, n, s, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of(), List.of());
  }

  private static final Node SRC = Node.builder("source.p.raw.t", ResourceType.SOURCE).name("t").sourceName("raw")
      .build();

  private static LineageGraph diamond() {
    return LineageGraph.of(manifest(List.of(model("a", "source.p.raw.t"), model("b", "a"), model("c", "a"),
        model("d", "b", "c"), Node.builder("model.p.off", ResourceType.MODEL).config(Map.of("enabled", false))
            .dependsOnNodes(List.of("model.p.a")).build()), List.of(SRC)));
  }

  @Test
  void walksUpAndDownWithDepth() {
    LineageGraph g = diamond();
    assertThat(g.size()).isEqualTo(5);
    assertThat(g.contains("model.p.off")).isFalse();
    assertThat(g.downstream("model.p.a")).containsExactly("model.p.b", "model.p.c", "model.p.d");
    assertThat(g.downstream("model.p.a", 1)).containsExactly("model.p.b", "model.p.c");
    assertThat(g.upstream("model.p.d")).containsExactly("model.p.b", "model.p.c", "model.p.a", "source.p.raw.t");
    assertThat(g.parents("model.p.d")).containsExactly("model.p.b", "model.p.c");
    assertThat(g.children("source.p.raw.t")).containsExactly("model.p.a");
    assertThat(g.upstream(Set.of("model.p.b", "model.p.a"), -1)).containsExactly("model.p.a", "source.p.raw.t");
  }

  @Test
  void exposesAnUnmodifiableJgraphtView() {
    Graph<String, DefaultEdge> view = diamond().asGraph();
    assertThat(view.vertexSet()).hasSize(5);
    assertThat(view.edgeSet()).hasSize(5);
    assertThat(view.containsEdge("model.p.b", "model.p.d")).isTrue();
    assertThatThrownBy(() -> view.addVertex("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownIdIsIllegalArgument() {
    assertThatThrownBy(() -> diamond().upstream("model.p.zzz")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'model.p.zzz' is not a resource of the lineage graph");
  }

  @Test
  void cycleNamesTheNodes() {
    assertThatThrownBy(() -> LineageGraph.of(manifest(List.of(model("x", "z"), model("y", "x"), model("z", "y")),
        List.of()))).isInstanceOf(ArtifactException.class)
        .hasMessageStartingWith("manifest.json: the dependency graph has a cycle: ")
        .hasMessageContaining("model.p.x").hasMessageContaining("model.p.y").hasMessageContaining("model.p.z");
  }

  @Test
  void danglingDependencyIsAnError() {
    assertThatThrownBy(() -> LineageGraph.of(manifest(List.of(model("x", "ghost")), List.of())))
        .isInstanceOf(ArtifactException.class)
        .hasMessage("manifest.json: 'model.p.x' depends on 'model.p.ghost', which is not a node, source, metric, "
            + "semantic model or function of the manifest");
  }

  @Test
  void dependencyOnADisabledNodeInNodesIsNoEdge() {
    LineageGraph g = LineageGraph.of(manifest(List.of(Node.builder("model.p.off", ResourceType.MODEL)
        .config(Map.of("enabled", false)).build(), model("x", "off")), List.of()));
    assertThat(g.upstream("model.p.x")).isEmpty();
  }
}
