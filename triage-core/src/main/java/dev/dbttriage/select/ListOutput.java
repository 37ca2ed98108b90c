package dev.dbttriage.select;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints selected resources as {@code dbt ls} does: {@code --output selector} (the default), {@code name},
 * {@code path} or {@code json} (one object per line, Python {@code json.dumps} formatting), with optional
 * {@code --output-keys}. Stateless and thread-safe.
 */
public final class ListOutput {
  /** The output formats. */
  public static final List<String> FORMATS = List.of("json", "name", "path", "selector");

  private ListOutput() {}

  /**
   * Formats selected ids, one line each, in the order given (a {@link Selection}'s order is dbt's).
   *
   * @param manifest the manifest the ids come from
   * @param ids the unique ids
   * @param format {@code selector}, {@code name}, {@code path} or {@code json}
   * @param outputKeys for {@code json}: the keys to print (dotted keys descend), empty for dbt's default keys
   * @return the lines
   * @throws IllegalArgumentException if {@code format} is unknown or an id is not in the manifest
   */
  public static List<String> lines(Manifest manifest, List<String> ids, String format, List<String> outputKeys) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new IllegalArgumentException("'" + format + "' is not an output format; valid formats: "
          + String.join(", ", FORMATS));
    }
    List<String> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Node n = manifest.node(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not in the manifest"));
      switch (f) {
        case "selector":
          out.add(selector(n));
          break;
        case "name":
          out.add(searchName(n));
          break;
        case "path":
          out.add(n.originalFilePath());
          break;
        default:
          out.add(json(n, outputKeys));
      }
    }
    return out;
  }

  /** Returns the {@code --output selector} line of a resource. */
  public static String selector(Node n) {
    switch (n.resourceTypeName()) {
      case "source":
        return "source:" + n.packageName() + "." + n.sourceName().orElse("") + "." + n.name();
      case "exposure":
      case "metric":
      case "saved_query":
      case "semantic_model":
        return n.resourceTypeName() + ":" + n.packageName() + "." + n.name();
      case "unit_test":
        return "unit_test:" + n.packageName() + "." + n.name() + n.version().map(v -> "_v" + v).orElse("");
      default:
        return String.join(".", n.fqn());
    }
  }

  /** Returns the {@code --output name} line of a resource ({@code search_name}). */
  public static String searchName(Node n) {
    if (n.resourceTypeName().equals("model") && n.version().isPresent()) {
      return n.name() + ".v" + n.version().get();
    }
    if (n.resourceTypeName().equals("source")) {
      return n.sourceName().orElse("") + "." + n.name();
    }
    return n.name();
  }

  private static Map<String, Object> dependsOn(Node n, boolean macrosOnly) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("macros", n.dependsOnMacros());
    if (!macrosOnly) {
      d.put("nodes", n.dependsOnNodes());
    }
    return d;
  }

  /** The default keys, in the order dbt's dataclasses serialise them. */
  private static Map<String, Object> defaultDict(Node n) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", n.name());
    d.put("resource_type", n.resourceTypeName());
    d.put("package_name", n.packageName());
    d.put("original_file_path", n.originalFilePath());
    d.put("unique_id", n.uniqueId());
    switch (n.resourceTypeName()) {
      case "source":
        d.put("source_name", n.sourceName().orElse(null));
        d.put("tags", n.tags());
        d.put("config", n.config().values());
        break;
      case "exposure":
      case "metric":
        d.put("tags", n.tags());
        d.put("config", n.config().values());
        d.put("depends_on", dependsOn(n, false));
        break;
      case "semantic_model":
        d.put("depends_on", dependsOn(n, false));
        d.put("config", n.config().values());
        break;
      case "saved_query":
        d.put("config", n.config().values());
        d.put("depends_on", dependsOn(n, false));
        d.put("tags", n.tags());
        break;
      case "unit_test":
        d.put("depends_on", dependsOn(n, false));
        d.put("config", n.config().values());
        break;
      default:
        d.put("alias", n.alias().orElse(null));
        d.put("config", n.config().values());
        d.put("tags", n.tags());
        d.put("depends_on", dependsOn(n, n.resourceTypeName().equals("seed")));
        if (n.resourceTypeName().equals("model")) {
          // dbt backfills an in-project model's direct_parents from depends_on.nodes
          d.put("direct_parents", n.dependsOnNodes());
        }
    }
    return d;
  }

  private static Map<String, Object> fullDict(Node n) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("database", n.database().orElse(null));
    d.put("schema", n.schema().orElse(null));
    d.putAll(defaultDict(n));
    d.put("path", n.path());
    d.put("fqn", n.fqn());
    Map<String, Object> checksum = new LinkedHashMap<>();
    checksum.put("name", n.checksum().name());
    checksum.put("checksum", n.checksum().checksum());
    d.put("checksum", checksum);
    d.put("description", n.description());
    d.put("meta", n.meta());
    d.put("patch_path", n.patchPath().orElse(null));
    d.put("unrendered_config", n.unrenderedConfig());
    d.put("relation_name", n.relationName().orElse(null));
    if (!n.rawCode().isEmpty()) {
      d.put("raw_code", n.rawCode());
    }
    n.language().ifPresent(l -> d.put("language", l));
    n.compiledCode().ifPresent(c -> d.put("compiled_code", c));
    if (n.isGenericTest()) {
      d.put("column_name", n.columnName().orElse(null));
      d.put("attached_node", n.attachedNode().orElse(null));
      n.testMetadata().ifPresent(tm -> {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", tm.name());
        meta.put("kwargs", tm.kwargs());
        meta.put("namespace", tm.namespace().orElse(null));
        d.put("test_metadata", meta);
      });
    }
    n.group().ifPresent(gr -> d.put("group", gr));
    if (n.resourceTypeName().equals("model")) {
      d.put("access", n.access().orElse("protected"));
      d.put("version", n.version().orElse(null));
      d.put("latest_version", n.latestVersion().orElse(null));
    }
    n.attributes().forEach(d::putIfAbsent);
    return d;
  }

  /** Returns the {@code --output json} line of a resource. */
  public static String json(Node n, List<String> outputKeys) {
    Map<String, Object> result;
    if (outputKeys.isEmpty()) {
      result = defaultDict(n);
    } else {
      Map<String, Object> full = fullDict(n);
      result = new LinkedHashMap<>();
      for (String key : outputKeys) {
        if (key.contains(".")) {
          Object value = full;
          for (String part : key.split("\\.", -1)) {
            value = value instanceof Map<?, ?> m && m.containsKey(part) ? m.get(part) : null;
            if (value == null) {
              break;
            }
          }
          if (value != null) {
            result.put(key, value);
          }
        } else if (full.containsKey(key)) {
          result.put(key, full.get(key));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    PyJson.write(result, sb);
    return sb.toString();
  }
}
