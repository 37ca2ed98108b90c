package dev.dbttriage.internal.lineage;

import dev.dbttriage.lineage.LineageGraph;
import java.util.function.Function;

/** Lets the selector engine reach a {@link LineageGraph}'s compact graph without making it public API. */
public final class LineageAccess {
  private static volatile Function<LineageGraph, LineageIndex> unwrap;
  private static volatile Function<LineageIndex, LineageGraph> wrap;

  private LineageAccess() {}

  /** Called once by {@link LineageGraph}'s static initializer. */
  public static void register(Function<LineageGraph, LineageIndex> unwrapper, Function<LineageIndex, LineageGraph> wrapper) {
    unwrap = unwrapper;
    wrap = wrapper;
  }

  /** Returns the compact graph behind a lineage graph. */
  public static LineageIndex compact(LineageGraph graph) {
    ensureLoaded();
    return unwrap.apply(graph);
  }

  /** Wraps a compact graph as a lineage graph. */
  public static LineageGraph lineage(LineageIndex graph) {
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
