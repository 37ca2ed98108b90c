package dev.dbttriage.internal.json;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.WarningCode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a {@code sources.json} of any schema version: v1 to v3, the dbt 0.17/0.18 shape of {@code results} with
 * a {@code node} each, and the dbt 0.16 shape {@code {meta, sources}}. Not thread-safe; one instance per file.
 */
public final class SourcesReader extends RootReader<SourceFreshness> {
  private final List<FreshnessResult> results = new ArrayList<>();
  private Double elapsed;
  private boolean sawResults;

  private SourcesReader(JsonInput in) {
    super(in, ArtifactKind.SOURCES, "dbt source freshness results",
        "an object without metadata.dbt_schema_version, results or sources");
  }

  /** Reads freshness results from {@code stream}, which stays open, naming the file {@code name} in messages. */
  public static SourceFreshness read(InputStream stream, String name) {
    return RootReader.read(stream, name, SourcesReader::new);
  }

  @Override
  boolean field(String name) {
    switch (name) {
      case "results":
        sawResults = true;
        readResults();
        return true;
      case "sources":
        sawResults = true;
        readLegacySources();
        return true;
      case "meta":
        readLegacyMeta();
        return true;
      case "elapsed_time":
        elapsed = in.number();
        return true;
      default:
        return false;
    }
  }

  @Override
  boolean recognised() {
    return sawResults;
  }

  @Override
  SourceFreshness finish() {
    if (!sawResults) {
      warnNoResults("freshness result");
    }
    return new SourceFreshness(meta.toMetadata(null),
        elapsed == null ? OptionalDouble.empty() : OptionalDouble.of(elapsed), results, in.warnings());
  }

  private void readLegacyMeta() {
    if (!in.object()) {
      return;
    }
    String f;
    while ((f = in.nextField()) != null) {
      if (f.equals("generated_at")) {
        fallbackGeneratedAt(in.string());
      } else if (f.equals("elapsed_time")) {
        elapsed = in.number();
      } else {
        in.skip();
      }
    }
  }

  private void readLegacySources() {
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      readResult(key, "$.sources['" + key + "']");
    }
  }

  private void readResults() {
    if (!in.array()) {
      in.warn(WarningCode.RESULTS_NULL, "results is null: no freshness result could be read");
      return;
    }
    int index = 0;
    while (in.nextElement()) {
      readResult(null, "$.results[" + index++ + "]");
    }
  }

  private void readResult(String key, String path) {
    if (!in.object()) {
      in.warn(WarningCode.RESULT_NOT_OBJECT, path, "a result is null instead of an object; skipped");
      return;
    }
    com.fasterxml.jackson.core.JsonLocation start = in.location();
    String uniqueId = key;
    String status = null;
    String maxLoadedAt = null;
    String snapshottedAt = null;
    Double age = null;
    Map<String, Object> criteria = Map.of();
    String error = null;
    Double executionTime = null;
    Boolean fail = null;
    Boolean warn = null;
    String f;
    while ((f = in.nextField()) != null) {
      switch (f) {
        case "unique_id":
          uniqueId = in.string();
          break;
        case "status":
        case "state":
          status = in.string();
          break;
        case "max_loaded_at":
          maxLoadedAt = in.string();
          break;
        case "snapshotted_at":
          snapshottedAt = in.string();
          break;
        case "max_loaded_at_time_ago_in_s":
        case "age":
          age = in.number();
          break;
        case "criteria":
          criteria = in.plainMap();
          break;
        case "error":
        case "message":
          String e = in.token() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
              || in.isNull() ? in.longString() : String.valueOf(in.plainValue());
          if (e != null) {
            error = e;
          }
          break;
        case "execution_time":
          executionTime = in.number();
          break;
        case "fail":
          fail = in.bool();
          break;
        case "warn":
          warn = in.bool();
          break;
        case "node":
          if (in.object()) {
            String nf;
            while ((nf = in.nextField()) != null) {
              if (nf.equals("unique_id") && uniqueId == null) {
                uniqueId = in.string();
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
    if (uniqueId == null) {
      throw in.errorAt("expected a unique_id", path, "but found none", start);
    }
    String raw = status;
    if (raw == null) {
      if (Boolean.TRUE.equals(fail)) {
        raw = "error";
      } else if (Boolean.TRUE.equals(warn)) {
        raw = "warn";
      } else if (error != null) {
        raw = "runtime error";
      } else if (Boolean.FALSE.equals(fail) && Boolean.FALSE.equals(warn)) {
        raw = "pass";
      } else {
        // Neither the status nor both pre-v1 booleans: the outcome is unknown, not a pass (a file whose
        // status was lost but kept fail: false must not turn a warning into a pass).
        in.warn(WarningCode.RESULT_STATUS_MISSING, path, "a freshness result has no status; outcome unknown");
        raw = "";
      }
    }
    FreshnessStatus s = FreshnessStatus.parse(raw);
    if (s == FreshnessStatus.UNKNOWN && !raw.isEmpty()) {
      in.warn(WarningCode.UNKNOWN_STATUS, path + ".status", "unknown freshness status '" + raw + "' kept raw");
    }
    results.add(new FreshnessResult(uniqueId, s, raw, Optional.ofNullable(maxLoadedAt),
        Optional.ofNullable(snapshottedAt), age == null ? OptionalDouble.empty() : OptionalDouble.of(age),
        criteria, Optional.ofNullable(error), executionTime == null ? 0.0 : executionTime));
  }
}
