package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;
import java.util.Optional;

/** {@code version:}: {@code latest}, {@code prerelease}, {@code old} or {@code none} models. */
final class VersionMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    String v = criterion.value;
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      Node node = g.node(i);
      if (g.collection(i) != LineageIndex.NODES || !node.resourceTypeName().equals("model")) {
        continue;
      }
      Optional<String> version = node.version();
      Optional<String> latest = node.latestVersion();
      switch (v) {
        case "latest":
          if (version.isPresent() && version.equals(latest)) {
            out.set(i);
          }
          break;
        case "prerelease":
          if (truthy(version) && truthy(latest) && Py.compareVersions(version.get(), latest.get()) > 0) {
            out.set(i);
          }
          break;
        case "old":
          if (truthy(version) && truthy(latest) && Py.compareVersions(version.get(), latest.get()) < 0) {
            out.set(i);
          }
          break;
        case "none":
          if (version.isEmpty()) {
            out.set(i);
          }
          break;
        default:
          throw new SelectorSyntaxException("Invalid version type selector " + v + ": expected one of: \"latest\", "
              + "\"prerelease\", \"old\", or \"none\"", v, -1);
      }
    }
  }

  private static boolean truthy(Optional<String> v) {
    // Python truthiness of the JSON value: "" and 0 are false
    return v.isPresent() && !v.get().isEmpty() && !v.get().equals("0") && !v.get().equals("0.0");
  }
}
