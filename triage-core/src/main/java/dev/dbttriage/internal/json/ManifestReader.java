package dev.dbttriage.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.Checksum;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.NodeConfig;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.TestMetadata;
import dev.dbttriage.artifact.WarningCode;
import dev.dbttriage.internal.collect.FrozenMap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code manifest.json} of any schema version in one streaming pass. Not thread-safe; one instance per
 * file.
 */
public final class ManifestReader extends RootReader<Manifest> {
  private static final Map<String, ResourceType> TYPES = new HashMap<>();

  static {
    for (ResourceType t : ResourceType.values()) {
      if (t != ResourceType.OTHER) {
        TYPES.put(t.dbtName(), t);
      }
    }
  }

  /** Type-specific fields kept in {@link Node#attributes()}, by resource type. */
  private static final Map<ResourceType, Set<String>> ATTRIBUTES = new HashMap<>();

  static {
    ATTRIBUTES.put(ResourceType.SOURCE, Set.of("quoting", "freshness", "loaded_at_field", "external",
        "identifier", "source_description", "loader"));
    ATTRIBUTES.put(ResourceType.EXPOSURE, Set.of("type", "owner", "maturity", "url", "label"));
    ATTRIBUTES.put(ResourceType.METRIC, Set.of("type", "label", "type_params", "filter"));
    ATTRIBUTES.put(ResourceType.SEMANTIC_MODEL, Set.of("model", "defaults", "entities", "dimensions",
        "measures", "primary_entity", "label"));
    ATTRIBUTES.put(ResourceType.SAVED_QUERY, Set.of("query_params", "exports", "label"));
    ATTRIBUTES.put(ResourceType.FUNCTION, Set.of("arguments", "returns"));
    ATTRIBUTES.put(ResourceType.MODEL, Set.of("deprecation_date", "contract", "constraints"));
    ATTRIBUTES.put(ResourceType.UNIT_TEST, Set.of("model", "given", "expect"));
    ATTRIBUTES.put(ResourceType.GROUP, Set.of("owner"));
  }

  private static final Set<String> ANY_ATTRIBUTE = new LinkedHashSet<>();

  /** The manifest's top-level collections other than {@code nodes}, with the resource type of their members. */
  private static final Map<String, ResourceType> COLLECTIONS = Map.of("sources", ResourceType.SOURCE,
      "exposures", ResourceType.EXPOSURE, "metrics", ResourceType.METRIC, "semantic_models",
      ResourceType.SEMANTIC_MODEL, "saved_queries", ResourceType.SAVED_QUERY, "unit_tests", ResourceType.UNIT_TEST,
      "functions", ResourceType.FUNCTION, "groups", ResourceType.GROUP);

  static {
    ATTRIBUTES.values().forEach(ANY_ATTRIBUTE::addAll);
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  /** The members of each top-level collection other than {@code nodes}, by the collection's member type. */
  private final Map<ResourceType, Map<String, Node>> collections = new EnumMap<>(ResourceType.class);
  private final Map<String, Macro> macros = new LinkedHashMap<>();
  private final Map<String, List<Node>> disabled = new LinkedHashMap<>();
  private final Set<String> packages = new LinkedHashSet<>();
  private final java.util.IdentityHashMap<Map<String, Object>, NodeConfig> configs =
      new java.util.IdentityHashMap<>();
  private Map<String, Object> selectors = Map.of();
  private boolean sawNodes;
  private boolean sawForeignKeys;

  private ManifestReader(JsonInput in) {
    super(in, ArtifactKind.MANIFEST, "a dbt manifest", "an object without metadata.dbt_schema_version or nodes");
  }

  /** Reads a manifest from {@code stream}, which stays open, naming the file {@code name} in messages. */
  public static Manifest read(InputStream stream, String name) {
    return RootReader.read(stream, name, ManifestReader::new);
  }

  @Override
  boolean field(String name) {
    ResourceType collection = COLLECTIONS.get(name);
    if (collection != null) {
      readNodeMap(collectionOf(collection), collection, false);
      return true;
    }
    switch (name) {
      case "nodes":
        sawNodes = true;
        readNodeMap(nodes, ResourceType.MODEL, true);
        return true;
      case "macros":
        readMacros();
        return true;
      case "disabled":
        readDisabled();
        return true;
      case "selectors":
        selectors = in.plainMap();
        return true;
      case "results":
      case "errors":
      case "logs":
      case "meta":
        sawForeignKeys = true;
        return false;
      default:
        return false;
    }
  }

  @Override
  boolean recognised() {
    return sawNodes && !sawForeignKeys;
  }

  @Override
  Manifest finish() {
    if (!sawNodes) {
      in.warn(WarningCode.NODES_MISSING, "$", "the manifest has no nodes: no model, seed, snapshot or test"
          + " could be read");
    }
    String derived = meta.projectName == null ? deriveProjectName() : null;
    return new Manifest(meta.toMetadata(derived), nodes, collectionOf(ResourceType.SOURCE),
        collectionOf(ResourceType.EXPOSURE), collectionOf(ResourceType.METRIC),
        collectionOf(ResourceType.SEMANTIC_MODEL), collectionOf(ResourceType.SAVED_QUERY),
        collectionOf(ResourceType.UNIT_TEST), collectionOf(ResourceType.FUNCTION), collectionOf(ResourceType.GROUP),
        macros, disabled, selectors, in.warnings());
  }

  private Map<String, Node> collectionOf(ResourceType memberType) {
    return collections.computeIfAbsent(memberType, t -> new LinkedHashMap<>());
  }

  private String deriveProjectName() {
    if (meta.projectId == null) {
      return null;
    }
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String pkg : packages) {
        byte[] digest = md5.digest(pkg.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (byte b : digest) {
          hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        if (hex.toString().equalsIgnoreCase(meta.projectId)) {
          return pkg;
        }
      }
    } catch (NoSuchAlgorithmException e) {
      return null; // every JDK has MD5; without it the name stays unknown
    }
    return null;
  }

  private void readNodeMap(Map<String, Node> target, ResourceType defaultType, boolean mainNodes) {
    if (!in.object()) {
      if (mainNodes) {
        in.warn(WarningCode.NODES_NULL, "nodes is null: no model, seed, snapshot or test could be read");
      }
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      Node node = readNode(key, defaultType);
      if (node == null) {
        continue;
      }
      if (mainNodes && node.resourceType() == ResourceType.SOURCE) {
        collectionOf(ResourceType.SOURCE).put(node.uniqueId(), node); // dbt <= 0.18 kept sources under nodes
      } else {
        target.put(node.uniqueId(), node);
      }
    }
  }

  private void readDisabled() {
    JsonToken t = in.token();
    if (t == JsonToken.START_ARRAY) {
      // manifest v1-v3 (and pre-v1): a flat list of disabled nodes
      while (in.nextElement()) {
        Node n = readNode(null, ResourceType.MODEL);
        if (n != null) {
          disabled.computeIfAbsent(n.uniqueId(), k -> new ArrayList<>(1)).add(n);
        }
      }
      return;
    }
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      List<Node> list = new ArrayList<>(1);
      if (in.token() == JsonToken.START_OBJECT) {
        Node n = readNode(key, ResourceType.MODEL);
        if (n != null) {
          list.add(n);
        }
      } else if (in.array()) {
        while (in.nextElement()) {
          Node n = readNode(key, ResourceType.MODEL);
          if (n != null) {
            list.add(n);
          }
        }
      }
      disabled.put(key, list);
    }
  }

  private void readMacros() {
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      if (!in.object()) {
        continue;
      }
      String uniqueId = key;
      String name = null;
      String pkg = null;
      String file = "";
      String sql = "";
      List<String> deps = List.of();
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "unique_id":
            uniqueId = orElse(in.string(), key);
            break;
          case "name":
            name = in.string();
            break;
          case "package_name":
            pkg = in.string();
            break;
          case "original_file_path":
            file = orElse(in.string(), "");
            break;
          case "macro_sql":
            sql = orElse(in.longString(), "");
            break;
          case "depends_on":
            if (in.object()) {
              String d;
              while ((d = in.nextField()) != null) {
                if (d.equals("macros")) {
                  deps = in.stringList();
                } else {
                  in.skip();
                }
              }
            }
            break;
          default:
            in.skip();
        }
      }
      String[] parts = uniqueId.split("\\.");
      if (name == null) {
        name = parts[parts.length - 1];
      }
      if (pkg == null) {
        pkg = parts.length > 1 ? parts[1] : "";
      }
      packages.add(pkg);
      macros.put(uniqueId, new Macro(uniqueId, name, pkg, file, sql, deps));
    }
  }

  /** Reads one resource object at the current token; null when the value is JSON null. */
  private Node readNode(String key, ResourceType defaultType) {
    if (!in.object()) {
      in.warn(WarningCode.RESOURCE_NOT_OBJECT, "a resource is null instead of an object; skipped");
      return null;
    }
    NodeFields n = new NodeFields();
    n.key = key == null ? null : in.id(key);
    String f;
    while ((f = in.nextField()) != null) {
      readNodeField(f, n);
    }
    return buildNode(n, defaultType);
  }

  /** Reads the value of one field of a resource into {@code n}; a later duplicate of a field wins. */
  private void readNodeField(String f, NodeFields n) {
    switch (f) {
      case "unique_id":
        n.uniqueId = in.idString();
        break;
      case "resource_type":
        readResourceType(n);
        break;
      case "name":
        n.name = in.uniqueString();
        break;
      case "package_name":
        n.pkg = in.string();
        break;
      case "fqn":
        n.fqn = in.uniqueStringList();
        break;
      case "path":
        n.path = orElse(in.uniqueString(), "");
        break;
      case "original_file_path":
        n.originalFilePath = orElse(in.string(), ""); // tests share their YAML file
        break;
      case "patch_path":
        n.patchPath = in.string();
        break;
      case "description":
        n.description = orElse(in.longString(), "");
        break;
      case "database":
        n.database = in.string();
        break;
      case "schema":
        n.schema = in.string();
        break;
      case "alias":
        n.alias = in.uniqueString();
        break;
      case "relation_name":
        n.relationName = in.uniqueString();
        break;
      case "tags":
        n.tags = in.stringList();
        break;
      case "config":
        n.config = in.plainMap();
        break;
      case "unrendered_config":
        n.unrendered = in.plainMap();
        break;
      case "meta":
        n.meta = in.plainMap();
        break;
      case "depends_on":
        readDependsOn(n);
        break;
      case "raw_code":
      case "raw_sql":
        n.rawCode = in.longString();
        if (n.rawCode != null && n.rawCode.length() < 256) {
          n.rawCode = in.intern(n.rawCode); // generic tests share a handful of bodies
        }
        break;
      case "compiled_code":
      case "compiled_sql":
        n.compiledCode = in.longString();
        break;
      case "language":
        n.language = in.string();
        break;
      case "checksum":
        n.checksum = readChecksum();
        break;
      case "columns":
        n.columns = readColumns();
        break;
      case "test_metadata":
        n.testMetadata = readTestMetadata();
        break;
      case "attached_node":
        n.attachedNode = in.idString();
        break;
      case "column_name":
        n.columnName = in.string();
        break;
      case "version":
        n.version = in.stringOrNumber();
        break;
      case "latest_version":
        n.latestVersion = in.stringOrNumber();
        break;
      case "group":
        n.group = in.string();
        break;
      case "access":
        n.access = in.string();
        break;
      case "source_name":
        n.sourceName = in.string();
        break;
      case "identifier":
        n.identifier = in.string();
        n.attributes = putAttribute(n.attributes, "identifier", n.identifier);
        break;
      default:
        readAttributeOrSkip(f, n);
    }
  }

  private void readResourceType(NodeFields n) {
    n.typeName = in.string();
    n.type = null; // a later "resource_type": null undoes an earlier value
    if (n.typeName != null) {
      n.type = TYPES.get(n.typeName);
      if (n.type == null) {
        n.type = ResourceType.fromDbtName(n.typeName).orElse(ResourceType.OTHER);
      }
    }
  }

  private void readDependsOn(NodeFields n) {
    if (!in.object()) {
      return;
    }
    String d;
    while ((d = in.nextField()) != null) {
      if (d.equals("nodes")) {
        n.depNodes = in.idList();
      } else if (d.equals("macros")) {
        n.depMacros = in.canonicalList(in.idList());
      } else {
        in.skip();
      }
    }
  }

  /** Keeps a type-specific field in {@link Node#attributes()} when the resource type wants it. */
  private void readAttributeOrSkip(String f, NodeFields n) {
    if (ANY_ATTRIBUTE.contains(f)) {
      Set<String> wanted = n.type == null ? ANY_ATTRIBUTE : ATTRIBUTES.get(n.type);
      if (wanted != null && wanted.contains(f)) {
        n.attributes = putAttribute(n.attributes, in.intern(f), in.plainValue());
        return;
      }
    }
    in.skip();
  }

  /** Fills in what the file left out (from the unique id and the collection) and builds the node. */
  private Node buildNode(NodeFields n, ResourceType defaultType) {
    String uniqueId = n.uniqueId != null ? n.uniqueId : n.key;
    if (uniqueId == null) {
      throw in.error("expected a resource with a unique_id", "but found none");
    }
    ResourceType type = n.type;
    String typeName = n.typeName;
    if (type == null) {
      int dot = uniqueId.indexOf('.');
      String prefix = dot > 0 ? uniqueId.substring(0, dot) : "";
      type = TYPES.getOrDefault(prefix, defaultType);
      typeName = type.dbtName();
    }
    if (n.attributes != null) {
      n.attributes.keySet().retainAll(ATTRIBUTES.getOrDefault(type, Set.of()));
    }
    String alias = n.alias;
    if (type == ResourceType.SOURCE && alias == null) {
      alias = n.identifier;
    }
    String name = n.name;
    if (alias != null && name != null && alias.equals(name)) {
      alias = name;
    }
    String pkg = n.pkg;
    if (name == null || pkg == null) {
      String[] parts = uniqueId.split("\\.");
      if (name == null) {
        name = parts[parts.length - 1];
      }
      if (pkg == null) {
        pkg = parts.length > 1 ? parts[1] : "";
      }
    }
    packages.add(pkg);
    List<String> fqn = n.fqn != null ? n.fqn : in.canonicalList(List.of(pkg, name));
    return new Node(
        uniqueId,
        type,
        typeName,
        name,
        pkg,
        fqn,
        n.path,
        n.originalFilePath,
        in.optional(n.patchPath),
        n.description,
        in.optional(n.database),
        in.optional(n.schema),
        Optional.ofNullable(alias),
        Optional.ofNullable(n.relationName),
        n.tags,
        config(n.config),
        n.unrendered,
        n.meta,
        n.depNodes,
        n.depMacros,
        n.rawCode == null ? "" : n.rawCode,
        Optional.ofNullable(n.compiledCode),
        in.optional(n.language),
        n.checksum,
        n.columns,
        Optional.ofNullable(n.testMetadata),
        in.optional(n.attachedNode),
        in.optional(n.columnName),
        in.optional(n.version),
        in.optional(n.latestVersion),
        in.optional(n.group),
        in.optional(n.access),
        in.optional(n.sourceName),
        n.attributes == null || n.attributes.isEmpty() ? Map.of() : FrozenMap.copyOf(n.attributes));
  }

  /** The fields of one resource as read, before defaults are filled in. */
  private static final class NodeFields {
    String key;
    String uniqueId;
    String typeName;
    ResourceType type;
    String name;
    String pkg;
    List<String> fqn;
    String path = "";
    String originalFilePath = "";
    String patchPath;
    String description = "";
    String database;
    String schema;
    String alias;
    String identifier;
    String relationName;
    List<String> tags = List.of();
    Map<String, Object> config = Map.of();
    Map<String, Object> unrendered = Map.of();
    Map<String, Object> meta = Map.of();
    List<String> depNodes = List.of();
    List<String> depMacros = List.of();
    String rawCode;
    String compiledCode;
    String language;
    Checksum checksum = Checksum.NONE;
    Map<String, Column> columns = Map.of();
    TestMetadata testMetadata;
    String attachedNode;
    String columnName;
    String version;
    String latestVersion;
    String group;
    String access;
    String sourceName;
    LinkedHashMap<String, Object> attributes;
  }

  /** Returns one {@link NodeConfig} per distinct (already shared) config map. */
  private NodeConfig config(Map<String, Object> values) {
    if (values.isEmpty()) {
      return NodeConfig.EMPTY;
    }
    return configs.computeIfAbsent(values, NodeConfig::new);
  }

  private static LinkedHashMap<String, Object> putAttribute(
      LinkedHashMap<String, Object> attributes, String key, Object value) {
    LinkedHashMap<String, Object> a = attributes != null ? attributes : new LinkedHashMap<>();
    a.put(key, value);
    return a;
  }

  private Checksum readChecksum() {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_STRING) {
      return new Checksum("sha256", in.string()); // unit tests write the bare sha256
    }
    if (!in.object()) {
      return Checksum.NONE;
    }
    String name = "none";
    String value = "";
    String f;
    while ((f = in.nextField()) != null) {
      if (f.equals("name")) {
        name = orElse(in.string(), "none");
      } else if (f.equals("checksum")) {
        value = orElse(in.uniqueString(), "");
      } else {
        in.skip();
      }
    }
    if (value.isEmpty() && name.equals("none")) {
      return Checksum.NONE;
    }
    return new Checksum(name, value);
  }

  private Map<String, Column> readColumns() {
    if (!in.object()) {
      return Map.of();
    }
    Map<String, Column> columns = null;
    String key;
    while ((key = in.nextField()) != null) {
      if (!in.object()) {
        continue;
      }
      key = in.id(key); // shared by every column of that name
      String name = key;
      String dataType = null;
      String description = "";
      List<String> constraints = List.of();
      Map<String, Object> colMeta = Map.of();
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "name":
            String n = in.string();
            name = n == null || n.equals(key) ? key : n;
            break;
          case "data_type":
            dataType = in.string();
            break;
          case "description":
            description = orElse(in.longString(), "");
            break;
          case "meta":
            colMeta = in.plainMap();
            break;
          case "constraints":
            constraints = readConstraints();
            break;
          default:
            in.skip();
        }
      }
      if (columns == null) {
        columns = new LinkedHashMap<>();
      }
      columns.put(key, new Column(name, in.optional(dataType), description, constraints, colMeta));
    }
    return columns == null ? Map.of() : columns;
  }

  private List<String> readConstraints() {
    if (!in.array()) {
      return List.of();
    }
    List<String> types = new ArrayList<>(2);
    while (in.nextElement()) {
      JsonToken t = in.token();
      if (t == JsonToken.VALUE_STRING) {
        types.add(in.string());
      } else if (in.object()) {
        String f;
        while ((f = in.nextField()) != null) {
          if (f.equals("type")) {
            String type = in.string();
            if (type != null) {
              types.add(type);
            }
          } else {
            in.skip();
          }
        }
      }
    }
    return in.canonicalList(types);
  }

  private TestMetadata readTestMetadata() {
    if (!in.object()) {
      return null;
    }
    String name = null;
    String namespace = null;
    Map<String, Object> kwargs = Map.of();
    String f;
    while ((f = in.nextField()) != null) {
      switch (f) {
        case "name":
          name = in.string();
          break;
        case "namespace":
          namespace = in.string();
          break;
        case "kwargs":
          kwargs = in.uniquePlainMap();
          break;
        default:
          in.skip();
      }
    }
    return name == null ? null : new TestMetadata(name, Optional.ofNullable(namespace), kwargs);
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
