package dev.dbttriage.triage;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sizes blast radii on the project's lineage: what {@code dbt ls --select root+} lists (its default resource
 * types, enabled members), the exposures hit, the owners to tell, and the severity. Each node's rank in unique-id
 * order and its owners are computed once per triage. Thread-safe once {@link #prepare()} has run.
 */
final class BlastRadii {
  /** What {@code dbt ls} lists when no {@code --resource-type} is given. */
  static final Set<ResourceType> LS_DEFAULT_TYPES =
      EnumSet.of(ResourceType.MODEL, ResourceType.SNAPSHOT, ResourceType.SEED, ResourceType.TEST,
          ResourceType.SOURCE, ResourceType.EXPOSURE, ResourceType.METRIC, ResourceType.SAVED_QUERY,
          ResourceType.SEMANTIC_MODEL, ResourceType.UNIT_TEST, ResourceType.FUNCTION);

  private final LineageIndex graph;
  private final Manifest manifest;
  private final int minorThreshold;
  private final int majorThreshold;
  /** Each vertex's position in unique-id order, so id lists sort as ints (dbt ls order), and the inverse. */
  private int[] rank;
  private int[] byRank;
  /** Each vertex's owners (meta.owner, its group's owner). */
  private String[][] owners;

  BlastRadii(LineageIndex graph, Manifest manifest, int minorThreshold, int majorThreshold) {
    this.graph = graph;
    this.manifest = manifest;
    this.minorThreshold = minorThreshold;
    this.majorThreshold = majorThreshold;
  }

  /** Computes the ranks and owners; call once, before sizing radii from several threads. */
  BlastRadii prepare() {
    int n = graph.memberCount();
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, Comparator.comparing(graph::id));
    int[] r = new int[n];
    int[] inverse = new int[n];
    for (int k = 0; k < n; k++) {
      r[byId[k]] = k;
      inverse[k] = byId[k];
    }
    Map<String, String> groupOwners = groupOwners();
    String[][] all = new String[n][];
    for (int i = 0; i < n; i++) {
      Node node = graph.node(i);
      List<String> o = new ArrayList<>(2);
      node.owner().ifPresent(o::add);
      node.group().or(() -> node.config().group()).map(groupOwners::get).ifPresent(o::add);
      all[i] = o.toArray(new String[0]);
    }
    rank = r;
    byRank = inverse;
    owners = all;
    return this;
  }

  /** Each group's owner by group name: its name, else its email. */
  private Map<String, String> groupOwners() {
    Map<String, String> out = new TreeMap<>();
    for (Node g : manifest.groups().values()) {
      if (g.attributes().get("owner") instanceof Map<?, ?> owner) {
        Optional<String> who = text(owner.get("name")).or(() -> text(owner.get("email")));
        who.ifPresent(w -> out.putIfAbsent(g.name(), w));
      }
    }
    return out;
  }

  /**
   * Sizes the radius of a set of reached vertices.
   *
   * @param reach the vertices below the root
   * @param warning whether the root is a warning (severity INFO whatever its size)
   */
  BlastRadius of(BitSet reach, boolean warning) {
    int[] ranks = new int[reach.cardinality()];
    int found = 0;
    Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
    List<ExposureImpact> exposures = new ArrayList<>();
    // Owners are compared without case: "Data Team" and "data team" are one team, named as first met.
    Map<String, String> ownerNames = new TreeMap<>();
    for (int x = reach.nextSetBit(0); x >= 0; x = reach.nextSetBit(x + 1)) {
      Node n = graph.node(x);
      if (!graph.enabled(x) || !LS_DEFAULT_TYPES.contains(n.resourceType())) {
        continue;
      }
      ranks[found++] = rank[x];
      counts.merge(n.resourceType(), 1, Integer::sum);
      if (n.resourceType() == ResourceType.EXPOSURE) {
        exposures.add(exposure(n));
      } else if (n.resourceType() != ResourceType.TEST && n.resourceType() != ResourceType.UNIT_TEST) {
        for (String o : owners[x]) {
          ownerNames.putIfAbsent(o.toLowerCase(Locale.ROOT), o);
        }
      }
    }
    List<String> downstream = idsInOrder(ranks, found);
    exposures.sort(Comparator.comparing(ExposureImpact::uniqueId));
    Severity severity;
    if (warning) {
      severity = Severity.INFO;
    } else if (downstream.size() > majorThreshold) {
      severity = Severity.MAJOR;
    } else if (downstream.size() <= minorThreshold) {
      severity = Severity.MINOR;
    } else {
      severity = Severity.MODERATE;
    }
    List<String> ownerList = new ArrayList<>(ownerNames.values());
    ownerList.sort(String.CASE_INSENSITIVE_ORDER);
    return new BlastRadius(downstream, counts, exposures, ownerList, severity);
  }

  private List<String> idsInOrder(int[] ranks, int count) {
    int[] sorted = Arrays.copyOf(ranks, count);
    Arrays.sort(sorted);
    List<String> ids = new ArrayList<>(count);
    for (int k : sorted) {
      ids.add(graph.id(byRank[k]));
    }
    return ids;
  }

  private static ExposureImpact exposure(Node n) {
    Optional<String> ownerName = Optional.empty();
    Optional<String> ownerEmail = Optional.empty();
    if (n.attributes().get("owner") instanceof Map<?, ?> owner) {
      ownerName = text(owner.get("name"));
      ownerEmail = text(owner.get("email"));
    }
    String label = text(n.attributes().get("label")).orElse(n.name());
    return new ExposureImpact(n.uniqueId(), label, text(n.attributes().get("type")),
        text(n.attributes().get("maturity")), ownerName, ownerEmail, text(n.attributes().get("url")));
  }

  static Optional<String> text(Object o) {
    return o instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** The runbook's blast-radius line: "12 downstream nodes (10 models, 2 tests), 1 exposure". */
  static String text(BlastRadius r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.size()).append(" downstream node").append(r.size() == 1 ? "" : "s");
    if (!r.countsByResourceType().isEmpty()) {
      List<String> parts = new ArrayList<>();
      r.countsByResourceType().forEach((t, c) -> parts.add(c + " " + t.dbtName() + (c == 1 ? "" : "s")));
      sb.append(" (").append(String.join(", ", parts)).append(")");
    }
    if (!r.exposures().isEmpty()) {
      sb.append(", ").append(r.exposures().size()).append(" exposure").append(r.exposures().size() == 1 ? "" : "s");
    }
    return sb.toString();
  }
}
