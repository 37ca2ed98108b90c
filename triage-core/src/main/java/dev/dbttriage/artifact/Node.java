package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource of a manifest: a model, seed, snapshot, test, analysis, operation, source, exposure, metric,
 * semantic model, saved query, unit test, function or group, in one version-independent shape.
 *
 * <p>Field names that moved between dbt versions are normalised ({@code raw_sql} is {@link #rawCode()},
 * {@code compiled_sql} is {@link #compiledCode()}); fields a resource type or an old schema lacks are empty.
 * Fields that only some types carry and that triage reads only to compare two manifests (an exposure's
 * {@code owner}, a source's {@code quoting}, a semantic model's {@code entities}, ...) are in
 * {@link #attributes()} under their dbt names, as plain Java values. Instances are immutable and thread-safe.
 *
 * @param uniqueId the unique id, such as {@code model.jaffle_shop.orders}
 * @param resourceType the resource type ({@link ResourceType#OTHER} for a type this library does not know)
 * @param resourceTypeName the {@code resource_type} string as written
 * @param name the name
 * @param packageName the package
 * @param fqn the fully qualified name parts
 * @param path the path relative to the resource folder
 * @param originalFilePath the file it is defined in, relative to its package root
 * @param patchPath the YAML file that describes it ({@code pkg://models/schema.yml}), if any
 * @param description the description, empty when none
 * @param database the database, if any
 * @param schema the schema, if any
 * @param alias the alias (or a source's identifier), if any
 * @param relationName the quoted relation name, if any
 * @param tags the tags
 * @param config the rendered config
 * @param unrenderedConfig the config as literally written, as plain Java values
 * @param meta the meta (top level, merged with {@code config.meta} by dbt)
 * @param dependsOnNodes the unique ids this resource depends on
 * @param dependsOnMacros the unique ids of the macros it calls
 * @param rawCode the source code ({@code raw_code} or {@code raw_sql}), empty when none
 * @param compiledCode the compiled code, when the manifest was written by a compiling command
 * @param language the language ({@code sql} or {@code python}), if recorded
 * @param checksum the checksum of the file
 * @param columns the declared columns by name, in declaration order
 * @param testMetadata a generic test's metadata; empty for singular tests and other types
 * @param attachedNode the unique id of the node a generic test is attached to, if any
 * @param columnName the column a generic test is about, if any
 * @param version a versioned model's version, as a string ({@code 2} or {@code 2.1})
 * @param latestVersion the model's latest version, if versioned
 * @param group the group, if any
 * @param access the access ({@code private}, {@code protected}, {@code public}), if recorded
 * @param sourceName a source's source name, if a source
 * @param attributes other type-specific fields by their dbt names
 */
public record Node(
    String uniqueId,
    ResourceType resourceType,
    String resourceTypeName,
    String name,
    String packageName,
    List<String> fqn,
    String path,
    String originalFilePath,
    Optional<String> patchPath,
    String description,
    Optional<String> database,
    Optional<String> schema,
    Optional<String> alias,
    Optional<String> relationName,
    List<String> tags,
    NodeConfig config,
    Map<String, Object> unrenderedConfig,
    Map<String, Object> meta,
    List<String> dependsOnNodes,
    List<String> dependsOnMacros,
    String rawCode,
    Optional<String> compiledCode,
    Optional<String> language,
    Checksum checksum,
    Map<String, Column> columns,
    Optional<TestMetadata> testMetadata,
    Optional<String> attachedNode,
    Optional<String> columnName,
    Optional<String> version,
    Optional<String> latestVersion,
    Optional<String> group,
    Optional<String> access,
    Optional<String> sourceName,
    Map<String, Object> attributes) {

  /** Validates and copies the components. */
  public Node {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceTypeName, "resourceTypeName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(packageName, "packageName");
    fqn = List.copyOf(fqn);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(originalFilePath, "originalFilePath");
    Objects.requireNonNull(patchPath, "patchPath");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(relationName, "relationName");
    tags = List.copyOf(tags);
    Objects.requireNonNull(config, "config");
    unrenderedConfig = PlainValues.copyMap(unrenderedConfig);
    meta = PlainValues.copyMap(meta);
    dependsOnNodes = List.copyOf(dependsOnNodes);
    dependsOnMacros = List.copyOf(dependsOnMacros);
    Objects.requireNonNull(rawCode, "rawCode");
    Objects.requireNonNull(compiledCode, "compiledCode");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(checksum, "checksum");
    columns = orderedCopy(columns);
    Objects.requireNonNull(testMetadata, "testMetadata");
    Objects.requireNonNull(attachedNode, "attachedNode");
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(latestVersion, "latestVersion");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(sourceName, "sourceName");
    attributes = PlainValues.copyMap(attributes);
  }

  /** Returns true unless {@code config.enabled} is false. */
  public boolean enabled() {
    return config.enabled();
  }

  /** Returns the materialization from the config, if any. */
  public Optional<String> materialized() {
    return config.materialized();
  }

  /** Returns true for a generic data test (a test with {@code test_metadata}). */
  public boolean isGenericTest() {
    return resourceType == ResourceType.TEST && testMetadata.isPresent();
  }

  /** Returns true for a singular data test (a test without {@code test_metadata}). */
  public boolean isSingularTest() {
    return resourceType == ResourceType.TEST && testMetadata.isEmpty();
  }

  /** Returns the type-specific attribute {@code key} (a dbt field name), if present and not null. */
  public Optional<Object> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /** Returns the owner from {@code meta.owner}, else an exposure's {@code owner.name} or email, if any. */
  public Optional<String> owner() {
    Object metaOwner = meta.get("owner");
    if (metaOwner == null) {
      metaOwner = config.meta().get("owner");
    }
    if (metaOwner instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    if (attributes.get("owner") instanceof Map<?, ?> owner) {
      Object ownerName = owner.get("name");
      if (ownerName instanceof String s && !s.isBlank()) {
        return Optional.of(s);
      }
      Object email = owner.get("email");
      if (email instanceof String s && !s.isBlank()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns a builder for a node with the given id and type; every other field starts empty. */
  public static Builder builder(String uniqueId, ResourceType resourceType) {
    return new Builder(uniqueId, resourceType);
  }

  /** Returns a builder initialised from this node. */
  public Builder toBuilder() {
    Builder b = new Builder(uniqueId, resourceType);
    b.resourceTypeName = resourceTypeName;
    b.name = name;
    b.packageName = packageName;
    b.fqn = fqn;
    b.path = path;
    b.originalFilePath = originalFilePath;
    b.patchPath = patchPath.orElse(null);
    b.description = description;
    b.database = database.orElse(null);
    b.schema = schema.orElse(null);
    b.alias = alias.orElse(null);
    b.relationName = relationName.orElse(null);
    b.tags = tags;
    b.config = config;
    b.unrenderedConfig = unrenderedConfig;
    b.meta = meta;
    b.dependsOnNodes = dependsOnNodes;
    b.dependsOnMacros = dependsOnMacros;
    b.rawCode = rawCode;
    b.compiledCode = compiledCode.orElse(null);
    b.language = language.orElse(null);
    b.checksum = checksum;
    b.columns = columns;
    b.testMetadata = testMetadata.orElse(null);
    b.attachedNode = attachedNode.orElse(null);
    b.columnName = columnName.orElse(null);
    b.version = version.orElse(null);
    b.latestVersion = latestVersion.orElse(null);
    b.group = group.orElse(null);
    b.access = access.orElse(null);
    b.sourceName = sourceName.orElse(null);
    b.attributes = attributes;
    return b;
  }

  private static Map<String, Column> orderedCopy(Map<String, Column> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    source.values().forEach(c -> Objects.requireNonNull(c, "column"));
    return dev.dbttriage.internal.collect.FrozenMap.copyOf(source);
  }

  /**
   * Builds a {@link Node}, for hand-made manifests in tests and for readers. Not thread-safe.
   *
   * <p>The name defaults to the last part of the unique id, the package to its second part, and the fqn to
   * {@code [package, name]}.
   */
  public static final class Builder {
    private final String uniqueId;
    private final ResourceType resourceType;
    private String resourceTypeName;
    private String name;
    private String packageName;
    private List<String> fqn;
    private String path = "";
    private String originalFilePath = "";
    private String patchPath;
    private String description = "";
    private String database;
    private String schema;
    private String alias;
    private String relationName;
    private List<String> tags = List.of();
    private NodeConfig config = NodeConfig.EMPTY;
    private Map<String, Object> unrenderedConfig = Map.of();
    private Map<String, Object> meta = Map.of();
    private List<String> dependsOnNodes = List.of();
    private List<String> dependsOnMacros = List.of();
    private String rawCode = "";
    private String compiledCode;
    private String language;
    private Checksum checksum = Checksum.NONE;
    private Map<String, Column> columns = Map.of();
    private TestMetadata testMetadata;
    private String attachedNode;
    private String columnName;
    private String version;
    private String latestVersion;
    private String group;
    private String access;
    private String sourceName;
    private Map<String, Object> attributes = Map.of();

    private Builder(String uniqueId, ResourceType resourceType) {
      this.uniqueId = Objects.requireNonNull(uniqueId, "uniqueId");
      this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
    }

    /** Sets the raw {@code resource_type} string (defaults to the type's dbt name). */
    public Builder resourceTypeName(String value) { this.resourceTypeName = value; return this; }
    /** Sets the name. */
    public Builder name(String value) { this.name = value; return this; }
    /** Sets the package name. */
    public Builder packageName(String value) { this.packageName = value; return this; }
    /** Sets the fqn. */
    public Builder fqn(List<String> value) { this.fqn = value; return this; }
    /** Sets the path. */
    public Builder path(String value) { this.path = value; return this; }
    /** Sets the original file path. */
    public Builder originalFilePath(String value) { this.originalFilePath = value; return this; }
    /** Sets the patch path, or null for none. */
    public Builder patchPath(String value) { this.patchPath = value; return this; }
    /** Sets the description. */
    public Builder description(String value) { this.description = value; return this; }
    /** Sets the database, or null. */
    public Builder database(String value) { this.database = value; return this; }
    /** Sets the schema, or null. */
    public Builder schema(String value) { this.schema = value; return this; }
    /** Sets the alias, or null. */
    public Builder alias(String value) { this.alias = value; return this; }
    /** Sets the relation name, or null. */
    public Builder relationName(String value) { this.relationName = value; return this; }
    /** Sets the tags. */
    public Builder tags(List<String> value) { this.tags = value; return this; }
    /** Sets the rendered config. */
    public Builder config(NodeConfig value) { this.config = value; return this; }
    /** Sets the rendered config from plain values. */
    public Builder config(Map<String, Object> value) { this.config = new NodeConfig(value); return this; }
    /** Sets the unrendered config. */
    public Builder unrenderedConfig(Map<String, Object> value) { this.unrenderedConfig = value; return this; }
    /** Sets the meta. */
    public Builder meta(Map<String, Object> value) { this.meta = value; return this; }
    /** Sets the unique ids this node depends on. */
    public Builder dependsOnNodes(List<String> value) { this.dependsOnNodes = value; return this; }
    /** Sets the macros this node calls. */
    public Builder dependsOnMacros(List<String> value) { this.dependsOnMacros = value; return this; }
    /** Sets the raw code. */
    public Builder rawCode(String value) { this.rawCode = value == null ? "" : value; return this; }
    /** Sets the compiled code, or null. */
    public Builder compiledCode(String value) { this.compiledCode = value; return this; }
    /** Sets the language, or null. */
    public Builder language(String value) { this.language = value; return this; }
    /** Sets the checksum. */
    public Builder checksum(Checksum value) { this.checksum = value; return this; }
    /** Sets the columns. */
    public Builder columns(Map<String, Column> value) { this.columns = value; return this; }
    /** Sets the test metadata, or null. */
    public Builder testMetadata(TestMetadata value) { this.testMetadata = value; return this; }
    /** Sets the attached node, or null. */
    public Builder attachedNode(String value) { this.attachedNode = value; return this; }
    /** Sets the column name, or null. */
    public Builder columnName(String value) { this.columnName = value; return this; }
    /** Sets the version, or null. */
    public Builder version(String value) { this.version = value; return this; }
    /** Sets the latest version, or null. */
    public Builder latestVersion(String value) { this.latestVersion = value; return this; }
    /** Sets the group, or null. */
    public Builder group(String value) { this.group = value; return this; }
    /** Sets the access, or null. */
    public Builder access(String value) { this.access = value; return this; }
    /** Sets the source name, or null. */
    public Builder sourceName(String value) { this.sourceName = value; return this; }
    /** Sets the type-specific attributes. */
    public Builder attributes(Map<String, Object> value) { this.attributes = value; return this; }

    /** Returns the node. */
    public Node build() {
      String[] parts = uniqueId.split("\\.");
      String n = name != null ? name : parts[parts.length - 1];
      String pkg = packageName != null ? packageName : (parts.length > 1 ? parts[1] : "");
      List<String> f = fqn;
      if (f == null) {
        f = new ArrayList<>();
        f.add(pkg);
        f.add(n);
      }
      return new Node(
          uniqueId,
          resourceType,
          resourceTypeName != null ? resourceTypeName : resourceType.dbtName(),
          n,
          pkg,
          f,
          path,
          originalFilePath,
          Optional.ofNullable(patchPath),
          description,
          Optional.ofNullable(database),
          Optional.ofNullable(schema),
          Optional.ofNullable(alias),
          Optional.ofNullable(relationName),
          tags,
          config,
          unrenderedConfig,
          meta,
          dependsOnNodes,
          dependsOnMacros,
          rawCode,
          Optional.ofNullable(compiledCode),
          Optional.ofNullable(language),
          checksum,
          columns,
          Optional.ofNullable(testMetadata),
          Optional.ofNullable(attachedNode),
          Optional.ofNullable(columnName),
          Optional.ofNullable(version),
          Optional.ofNullable(latestVersion),
          Optional.ofNullable(group),
          Optional.ofNullable(access),
          Optional.ofNullable(sourceName),
          attributes);
    }
  }
}
