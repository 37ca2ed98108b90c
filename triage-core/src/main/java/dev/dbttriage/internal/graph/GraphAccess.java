package dev.dbttriage.internal.graph;

import dev.dbttriage.lineage.LineageGraph;
import java.util.function.Function;

/** Lets the selector engine reach a {@link LineageGraph}'s compact graph without making it public API. */
public final class GraphAccess {
  private static volatile Function<LineageGraph, CompactGraph> unwrap;
  private static volatile Function<CompactGraph, LineageGraph> wrap;

  private GraphAccess() {}

  /** Called once by {@link LineageGraph}'s static initializer. */
  public static void register(Function<LineageGraph, CompactGraph> unwrapper, Function<CompactGraph, LineageGraph> wrapper) {
    unwrap = unwrapper;
    wrap = wrapper;
  }

  /** Returns the compact graph behind a lineage graph. */
  public static CompactGraph compact(LineageGraph graph) {
    ensureLoaded();
    return unwrap.apply(graph);
  }

  /** Wraps a compact graph as a lineage graph. */
  public static LineageGraph lineage(CompactGraph graph) {
    ensureLoaded();
    return wrap.apply(graph);
  }

  private static void ensureLoaded() {
    if (unwrap == null) {
      try {
        Class.forName(LineageGraph.class.getName(), true, LineageGraph.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
