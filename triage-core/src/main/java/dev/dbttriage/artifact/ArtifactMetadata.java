package dev.dbttriage.artifact;

import java.util.Objects;
import java.util.Optional;

/**
 * What an artifact says about itself: its kind and schema version, and the dbt invocation that wrote it.
 *
 * @param kind the artifact kind
 * @param schemaVersion the schema version number ({@code 12} for manifest v12, {@code 20} for dbt Fusion's early
 *     manifests), or {@code 0} for the pre-v1 shapes of dbt 0.16 to 0.18 that carry no schema URL
 * @param schemaUrl the {@code dbt_schema_version} URL as written, empty for pre-v1 files
 * @param dbtVersion the dbt version that wrote the file, if recorded
 * @param generatedAt the {@code generated_at} timestamp as written, if recorded
 * @param invocationId the invocation id, if recorded
 * @param adapterType the adapter type ({@code snowflake}, {@code bigquery}, ...), recorded in manifests
 * @param projectName the root project name (manifest v10+), or the one derived from {@code project_id}
 * @param projectId the md5 of the root project name, if recorded
 */
public record ArtifactMetadata(
    ArtifactKind kind,
    int schemaVersion,
    String schemaUrl,
    Optional<String> dbtVersion,
    Optional<String> generatedAt,
    Optional<String> invocationId,
    Optional<String> adapterType,
    Optional<String> projectName,
    Optional<String> projectId) {

  /** Validates the components. */
  public ArtifactMetadata {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schemaUrl, "schemaUrl");
    Objects.requireNonNull(dbtVersion, "dbtVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(adapterType, "adapterType");
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(projectId, "projectId");
  }

  /** Returns the schema version as dbt names it: {@code v12}, or {@code pre-v1}. */
  public String schemaLabel() {
    return schemaVersion == 0 ? "pre-v1" : "v" + schemaVersion;
  }
}
