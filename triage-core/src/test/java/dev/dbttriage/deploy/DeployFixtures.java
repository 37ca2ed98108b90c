package dev.dbttriage.deploy;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.Checksum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made manifests for deploy tests: a tiny shop project. */
final class DeployFixtures {
  private DeployFixtures() {}

  static Manifest manifest(String adapter, List<Node> nodes, List<Node> disabled, List<Macro> macros) {
    Map<String, Node> map = new LinkedHashMap<>();
    Map<String, Node> exposures = new LinkedHashMap<>();
    Map<String, Node> sources = new LinkedHashMap<>();
    for (Node n : nodes) {
      (n.resourceType() == ResourceType.EXPOSURE ? exposures : n.resourceType() == ResourceType.SOURCE ? sources
          : map).put(n.uniqueId(), n);
    }
    Map<String, List<Node>> dis = new LinkedHashMap<>();
    disabled.forEach(n -> dis.put(n.uniqueId(), List.of(n)));
    Map<String, Macro> mac = new LinkedHashMap<>();
    macros.forEach(m -> mac.put(m.uniqueId(), m));
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.MANIFEST, 12, "", Optional.of("1.9.0"),
        Optional.of("2024-06-01T02:00:00Z"), Optional.empty(), Optional.ofNullable(adapter), Optional.of("shop"),
        Optional.empty());
    return new Manifest(meta, map, sources, exposures, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), mac, dis, Map.of(), List.of());
  }

  static Manifest manifest(String adapter, Node... nodes) {
    return manifest(adapter, List.of(nodes), List.of(), List.of());
  }

  static Column col(String name, String type, String... constraints) {
    return new Column(name, Optional.ofNullable(type), "", List.of(constraints), Map.of());
  }

  static Map<String, Column> cols(Column... columns) {
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.put(c.name(), c);
    }
    return m;
  }

  static Node.Builder model(String name, String materialized, String sql, String... parents) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", materialized);
    return Node.builder("model.shop." + name, ResourceType.MODEL)
        .config(config)
        .unrenderedConfig(Map.of("materialized", materialized))
        .rawCode(sql)
        .checksum(new Checksum("sha256", Integer.toHexString(sql.hashCode())))
        .dependsOnNodes(List.of(parents))
        .database("analytics").schema("prod").alias(name);
  }

  static Node test(String name, String parent) {
    // a generic test's raw_code as dbt writes it; dbt build skips nodes without code
    return Node.builder("test.shop." + name, ResourceType.TEST).rawCode("{{ test_not_null(**_dbt_generic_test_kwargs) }}")
        .dependsOnNodes(List.of(parent)).build();
  }

  static Node source(String source, String table, Map<String, Object> config) {
    return Node.builder("source.shop." + source + "." + table, ResourceType.SOURCE).name(table).sourceName(source)
        .config(config).unrenderedConfig(config).build();
  }

  static Node exposure(String name, String... parents) {
    return Node.builder("exposure.shop." + name, ResourceType.EXPOSURE).dependsOnNodes(List.of(parents)).build();
  }

  static Map<String, Object> with(Map<String, Object> base, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
