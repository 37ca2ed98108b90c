package dev.dbttriage.select;

import java.util.List;

/** A parsed selection: a criterion or a group (union, intersection, difference). Immutable. */
abstract class Spec {
  final String raw;

  Spec(String raw) {
    this.raw = raw;
  }

  /** The selector methods, with dbt's names. */
  enum Method {
    FQN("fqn"), TAG("tag"), GROUP("group"), ACCESS("access"), SOURCE("source"), PATH("path"), FILE("file"),
    PACKAGE("package"), CONFIG("config"), TEST_NAME("test_name"), TEST_TYPE("test_type"),
    RESOURCE_TYPE("resource_type"), STATE("state"), EXPOSURE("exposure"), METRIC("metric"), RESULT("result"),
    SOURCE_STATUS("source_status"), VERSION("version"), SEMANTIC_MODEL("semantic_model"),
    SAVED_QUERY("saved_query"), UNIT_TEST("unit_test"), SELECTOR("selector");

    final String dbtName;

    Method(String dbtName) {
      this.dbtName = dbtName;
    }

    static Method of(String name) {
      for (Method m : values()) {
        if (m.dbtName.equals(name)) {
          return m;
        }
      }
      return null;
    }
  }

  /** One criterion such as {@code 2+tag:nightly+}. */
  static final class Criterion extends Spec {
    final Method method;
    final List<String> args;
    final String value;
    final boolean childrensParents;
    final boolean parents;
    final int parentsDepth; // -1 = unlimited
    final boolean children;
    final int childrenDepth;
    final IndirectSelection indirect;

    Criterion(String raw, Method method, List<String> args, String value, boolean childrensParents, boolean parents,
        int parentsDepth, boolean children, int childrenDepth, IndirectSelection indirect) {
      super(raw);
      this.method = method;
      this.args = List.copyOf(args);
      this.value = value;
      this.childrensParents = childrensParents;
      this.parents = parents;
      this.parentsDepth = parentsDepth;
      this.children = children;
      this.childrenDepth = childrenDepth;
      this.indirect = indirect;
    }
  }

  enum Op { UNION, INTERSECTION, DIFFERENCE }

  /** A set operation over components. */
  static final class Group extends Spec {
    final Op op;
    final List<Spec> components;
    final IndirectSelection indirect;
    final boolean expectExists;

    Group(String raw, Op op, List<Spec> components, IndirectSelection indirect, boolean expectExists) {
      super(raw);
      this.op = op;
      this.components = List.copyOf(components);
      this.indirect = indirect;
      this.expectExists = expectExists;
    }
  }
}
