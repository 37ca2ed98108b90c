package dev.dbttriage.internal.lineage;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@code dev.dbttriage.lineage.Project} holds for the engines: the one {@link LineageIndex} of its
 * manifest and the views derived from it (the selector's per-node tables, the lineage graph), each built at
 * most once. Thread-safe. Not part of the public API.
 */
public final class ProjectCore {
  private static volatile Function<Object, ProjectCore> unwrap;

  private final LineageIndex index;
  private final Map<Class<?>, Object> views = new HashMap<>();

  /**
   * Creates the core of a project.
   *
   * @param index the project's lineage
   */
  public ProjectCore(LineageIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * Lets {@code Project} say how to reach its core. Called once, from {@code Project}'s static initializer; since
   * any caller of {@link #of(Object)} holds a project instance, the class is initialized before it is needed.
   *
   * @param unwrapper returns the core of a project instance
   */
  public static void register(Function<Object, ProjectCore> unwrapper) {
    unwrap = Objects.requireNonNull(unwrapper, "unwrapper");
  }

  /**
   * Returns the core of a project.
   *
   * @param project a {@code dev.dbttriage.lineage.Project}
   * @return its core
   */
  public static ProjectCore of(Object project) {
    return unwrap.apply(Objects.requireNonNull(project, "project"));
  }

  /** Returns the project's lineage. */
  public LineageIndex index() {
    return index;
  }

  /**
   * Returns the view of this project keyed by {@code type}, building it on first use. A factory may itself ask
   * for another view; a view built twice by racing threads is kept once.
   *
   * @param type the view's type, its key
   * @param factory builds the view from this core
   * @param <T> the view's type
   * @return the view
   */
  public <T> T view(Class<T> type, Function<ProjectCore, T> factory) {
    synchronized (views) {
      Object v = views.get(type);
      if (v != null) {
        return type.cast(v);
      }
    }
    T built = Objects.requireNonNull(factory.apply(this), "view");
    synchronized (views) {
      Object raced = views.putIfAbsent(type, built);
      return raced != null ? type.cast(raced) : built;
    }
  }
}
