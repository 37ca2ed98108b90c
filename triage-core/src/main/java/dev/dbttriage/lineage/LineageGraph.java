package dev.dbttriage.lineage;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * The dependency graph of a manifest, as dbt builds it for selection: vertices are the enabled members of
 * {@code nodes}, {@code sources}, {@code exposures}, {@code metrics}, {@code semantic_models},
 * {@code saved_queries}, {@code unit_tests} and {@code functions}; an edge runs from a parent to each child that
 * lists it in {@code depends_on.nodes}. Disabled resources are not vertices, and no edge runs through them.
 *
 * <pre>{@code
 * LineageGraph graph = LineageGraph.of(manifest);
 * Set<String> blast = graph.downstream("model.shop.orders");
 * }</pre>
 *
 * <p>A graph is a view of a {@link Project}'s one lineage ({@link Project#lineage()}); {@link #of(Manifest)} loads
 * a project for a manifest. Instances are immutable and thread-safe; walks run on the project's compact
 * int-indexed adjacency arrays.
 */
public final class LineageGraph {
  private final Project project;
  private final LineageIndex compact;
  private volatile Graph<String, DefaultEdge> view;

  LineageGraph(Project project, LineageIndex compact) {
    this.project = project;
    this.compact = compact;
  }

  /**
   * Builds the graph of a manifest.
   *
   * @param manifest the manifest
   * @return the graph
   * @throws dev.dbttriage.artifact.ArtifactException if the graph has a cycle (naming the nodes on it) or a
   *     resource depends on an id that is not a node, source, metric, semantic model or function of the manifest
   *     (a dependency on a disabled resource, in {@code nodes} or under {@code disabled}, is accepted and makes
   *     no edge)
   */
  public static LineageGraph of(Manifest manifest) {
    return Project.of(manifest).lineage();
  }

  /** Returns the project whose lineage this graph is. */
  public Project project() {
    return project;
  }

  /** Returns the manifest the graph was built from. */
  public Manifest manifest() {
    return compact.manifest();
  }

  /** Returns the number of vertices. */
  public int size() {
    return compact.size();
  }

  /** Returns true when {@code uniqueId} is a vertex (an enabled resource of a graph collection). */
  public boolean contains(String uniqueId) {
    return compact.indexOf(uniqueId) >= 0;
  }

  /** Returns every vertex's unique id, in manifest collection order. */
  public Set<String> ids() {
    BitSet all = new BitSet();
    all.set(0, compact.size());
    return idSet(all);
  }

  /** Returns the resource of a vertex, or empty when {@code uniqueId} is not a vertex. */
  public Optional<Node> node(String uniqueId) {
    int i = compact.indexOf(uniqueId);
    return i < 0 ? Optional.empty() : Optional.of(compact.node(i));
  }

  /**
   * Returns the direct parents of a vertex.
   *
   * @param uniqueId a vertex
   * @return the parents' ids
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> parents(String uniqueId) {
    return upstream(uniqueId, 1);
  }

  /**
   * Returns the direct children of a vertex.
   *
   * @param uniqueId a vertex
   * @return the children's ids
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> children(String uniqueId) {
    return downstream(uniqueId, 1);
  }

  /**
   * Returns every ancestor of a vertex, nearest first.
   *
   * @param uniqueId a vertex
   * @return the ancestors' ids, without {@code uniqueId} itself
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> upstream(String uniqueId) {
    return upstream(uniqueId, -1);
  }

  /**
   * Returns the ancestors of a vertex within {@code depth} edges, nearest first.
   *
   * @param uniqueId a vertex
   * @param depth the maximum number of edges, negative for no limit
   * @return the ancestors' ids, without {@code uniqueId} itself
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> upstream(String uniqueId, int depth) {
    return walk(Set.of(uniqueId), true, depth);
  }

  /**
   * Returns the ancestors of a set of vertices within {@code depth} edges; a start vertex is included only if
   * it is an ancestor of another.
   *
   * @param uniqueIds vertices
   * @param depth the maximum number of edges, negative for no limit
   * @return the ancestors' ids
   * @throws IllegalArgumentException if an id is not a vertex
   */
  public Set<String> upstream(Collection<String> uniqueIds, int depth) {
    return walk(uniqueIds, true, depth);
  }

  /**
   * Returns every descendant of a vertex, nearest first.
   *
   * @param uniqueId a vertex
   * @return the descendants' ids, without {@code uniqueId} itself
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> downstream(String uniqueId) {
    return downstream(uniqueId, -1);
  }

  /**
   * Returns the descendants of a vertex within {@code depth} edges, nearest first.
   *
   * @param uniqueId a vertex
   * @param depth the maximum number of edges, negative for no limit
   * @return the descendants' ids, without {@code uniqueId} itself
   * @throws IllegalArgumentException if {@code uniqueId} is not a vertex
   */
  public Set<String> downstream(String uniqueId, int depth) {
    return walk(Set.of(uniqueId), false, depth);
  }

  /**
   * Returns the descendants of a set of vertices within {@code depth} edges; a start vertex is included only if
   * it is a descendant of another.
   *
   * @param uniqueIds vertices
   * @param depth the maximum number of edges, negative for no limit
   * @return the descendants' ids
   * @throws IllegalArgumentException if an id is not a vertex
   */
  public Set<String> downstream(Collection<String> uniqueIds, int depth) {
    return walk(uniqueIds, false, depth);
  }

  /**
   * Returns an unmodifiable JGraphT view of the graph (vertices are unique ids), built on first use.
   *
   * @return the view; mutators throw {@link UnsupportedOperationException}
   */
  public Graph<String, DefaultEdge> asGraph() {
    Graph<String, DefaultEdge> v = view;
    if (v == null) {
      synchronized (this) {
        v = view;
        if (v == null) {
          SimpleDirectedGraph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
          for (int i = 0; i < compact.size(); i++) {
            g.addVertex(compact.id(i));
          }
          int[] children = compact.childList();
          for (int i = 0; i < compact.size(); i++) {
            for (int k = compact.childStart(i); k < compact.childEnd(i); k++) {
              g.addEdge(compact.id(i), compact.id(children[k]));
            }
          }
          v = new AsUnmodifiableGraph<>(g);
          view = v;
        }
      }
    }
    return v;
  }

  private Set<String> walk(Collection<String> from, boolean up, int depth) {
    BitSet start = new BitSet(compact.size());
    for (String id : from) {
      int i = compact.indexOf(Objects.requireNonNull(id, "uniqueId"));
      if (i < 0) {
        throw new IllegalArgumentException("'" + id + "' is not a resource of the lineage graph");
      }
      start.set(i);
    }
    // nearest first: walk layer by layer
    LinkedHashSet<String> out = new LinkedHashSet<>();
    BitSet seen = new BitSet(compact.size());
    BitSet frontier = start;
    int layer = 0;
    while (!frontier.isEmpty() && (depth < 0 || layer < depth)) {
      BitSet next = compact.walk(frontier, up, 1);
      next.andNot(seen);
      seen.or(next);
      next.stream().forEach(i -> out.add(compact.id(i)));
      frontier = next;
      layer++;
    }
    return Collections.unmodifiableSet(out);
  }

  private Set<String> idSet(BitSet bits) {
    int[] members = bits.stream().toArray();
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return java.util.Arrays.stream(members).mapToObj(compact::id).iterator();
      }

      @Override
      public int size() {
        return members.length;
      }

      @Override
      public boolean contains(Object o) {
        return o instanceof String s && bits.get(Math.max(0, compact.indexOf(s))) && compact.indexOf(s) >= 0;
      }
    };
  }
}
