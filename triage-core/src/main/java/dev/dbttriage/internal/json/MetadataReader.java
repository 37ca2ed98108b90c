package dev.dbttriage.internal.json;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.WarningCode;
import java.util.Optional;

/**
 * Reads an artifact's {@code metadata} object and checks its schema URL against the kind the caller expects.
 * Not thread-safe.
 */
final class MetadataReader {
  final ArtifactKind kind;
  String schemaUrl;
  int schemaVersion;
  String dbtVersion;
  String generatedAt;
  String invocationId;
  String adapterType;
  String projectName;
  String projectId;
  boolean sawMetadata;

  MetadataReader(ArtifactKind kind) {
    this.kind = kind;
  }

  /** Reads the current {@code metadata} value. */
  void read(JsonInput in) {
    if (!in.object()) {
      return;
    }
    sawMetadata = true;
    String field;
    while ((field = in.nextField()) != null) {
      switch (field) {
        case "dbt_schema_version":
          schemaUrl = in.string();
          if (schemaUrl != null) {
            checkSchema(in, schemaUrl);
          }
          break;
        case "dbt_version":
          dbtVersion = in.string();
          break;
        case "generated_at":
          generatedAt = in.string();
          break;
        case "invocation_id":
          invocationId = in.string();
          break;
        case "adapter_type":
          adapterType = in.string();
          break;
        case "project_name":
          projectName = in.string();
          break;
        case "project_id":
          projectId = in.string();
          break;
        default:
          in.skip();
      }
    }
    if (schemaUrl == null) {
      in.schemaLabel("pre-v1");
    }
  }

  private void checkSchema(JsonInput in, String url) {
    // https://schemas.getdbt.com/dbt/<kind>/v<N>.json
    String s = url;
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    int slash = s.lastIndexOf('/');
    int prev = slash > 0 ? s.lastIndexOf('/', slash - 1) : -1;
    String file = slash >= 0 ? s.substring(slash + 1) : s;
    String kindName = prev >= 0 ? s.substring(prev + 1, slash) : "";
    int version = -1;
    if (file.startsWith("v") && file.endsWith(".json")) {
      try {
        version = Integer.parseInt(file.substring(1, file.length() - 5));
      } catch (NumberFormatException e) {
        version = -1;
      }
    }
    ArtifactKind found = null;
    for (ArtifactKind k : ArtifactKind.values()) {
      if (k.schemaName().equals(kindName)) {
        found = k;
      }
    }
    if (found != null && found != kind) {
      throw in.error("expected a dbt " + kind.schemaName() + " schema URL",
          "but found '" + url + "', a dbt " + found.schemaName() + " artifact");
    }
    if (version < 1) {
      in.warn(WarningCode.SCHEMA_URL_UNRECOGNISED, "unrecognised schema URL '" + url + "'; read best-effort");
      schemaVersion = 0;
      return;
    }
    schemaVersion = version;
    in.schemaLabel("v" + version);
    if (!known(kind, version)) {
      in.warn(WarningCode.UNKNOWN_SCHEMA_VERSION, kind.schemaName() + " schema v" + version + " is newer than this library knows (v"
          + latest(kind) + "); read best-effort");
    }
  }

  static boolean known(ArtifactKind kind, int version) {
    if (kind == ArtifactKind.MANIFEST && version == 20) {
      return true; // dbt Fusion's early manifests
    }
    return version >= 1 && version <= latest(kind);
  }

  static int latest(ArtifactKind kind) {
    switch (kind) {
      case MANIFEST:
        return 12;
      case RUN_RESULTS:
        return 6;
      case SOURCES:
        return 3;
      default:
        return 1;
    }
  }

  /** Returns the record, with a project name derived by the caller if needed. */
  ArtifactMetadata toMetadata(String derivedProjectName) {
    return new ArtifactMetadata(
        kind,
        schemaUrl == null ? 0 : schemaVersion,
        schemaUrl == null ? "" : schemaUrl,
        Optional.ofNullable(dbtVersion),
        Optional.ofNullable(generatedAt),
        Optional.ofNullable(invocationId),
        Optional.ofNullable(adapterType),
        Optional.ofNullable(projectName != null ? projectName : derivedProjectName),
        Optional.ofNullable(projectId));
  }
}
