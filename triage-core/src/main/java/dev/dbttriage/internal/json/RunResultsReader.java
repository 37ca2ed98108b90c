package dev.dbttriage.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.BatchResults;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.Timing;
import dev.dbttriage.artifact.WarningCode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads a {@code run_results.json} of any schema version, including the pre-v1 shape of dbt 0.18 and older
 * whose {@code status} holds the adapter message and whose outcome is in the {@code error}, {@code fail},
 * {@code warn} and {@code skip} fields. Not thread-safe; one instance per file.
 */
public final class RunResultsReader extends RootReader<RunResults> {
  private final List<Raw> raws = new ArrayList<>();
  private Map<String, Object> args;
  private Double elapsed;
  private boolean sawResults;

  /** One result as written, interpreted once the file's shape is known. */
  private static final class Raw {
    String path;
    String uniqueId;
    String nodeType;
    String status;
    Double statusNumber;
    boolean statusPresent;
    String message;
    Double failures;
    List<Timing> timing = List.of();
    double executionTime;
    String threadId;
    Map<String, Object> adapterResponse = Map.of();
    String compiledCode;
    String relationName;
    BatchResults batchResults;
    String error;
    Boolean fail;
    Boolean warn;
    Boolean skip;
    /** The result carries the pre-v1 shape's own fields ({@code node}, {@code fail}, {@code warn}, {@code skip}). */
    boolean legacyFields;
    boolean sawError;
    boolean sawSkip;
  }

  /** The compiled code the manifest of the same target holds per unique id, to share instead of copy. */
  private final java.util.function.Function<String, Optional<String>> knownCode;

  private RunResultsReader(JsonInput in, java.util.function.Function<String, Optional<String>> knownCode) {
    super(in, ArtifactKind.RUN_RESULTS, "dbt run results", "an object without metadata.dbt_schema_version or results");
    this.knownCode = knownCode;
  }

  /**
   * Reads run results from a stream, sharing each result's {@code compiled_code} with the manifest's when they
   * are the same text: a run's results repeat the compiled SQL its manifest holds, which on a large project is
   * tens of megabytes held twice.
   *
   * @param stream the stream, not closed
   * @param name the name to use in messages
   * @param manifest the manifest of the same target
   * @return the run results
   * @throws ArtifactException on bad input
   */
  public static RunResults read(InputStream stream, String name, dev.dbttriage.artifact.Manifest manifest) {
    return RootReader.read(stream, name,
        in -> new RunResultsReader(in, id -> manifest.node(id).flatMap(n -> n.compiledCode())));
  }

  /** Reads run results from {@code stream}, which stays open, naming the file {@code name} in messages. */
  public static RunResults read(InputStream stream, String name) {
    return RootReader.read(stream, name, in -> new RunResultsReader(in, id -> Optional.empty()));
  }

  @Override
  boolean field(String name) {
    switch (name) {
      case "results":
        sawResults = true;
        readResults();
        return true;
      case "elapsed_time":
        elapsed = in.number();
        return true;
      case "args":
        args = in.plainMap();
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
  RunResults finish() {
    if (!sawResults) {
      warnNoResults("result");
    }
    // Dispatch on what each result holds, not on one key: a v1+ file whose metadata lost dbt_schema_version
    // must keep its statuses (read as pre-v1, 17 errors and 398 skips became successes).
    boolean noSchema = meta.schemaUrl == null;
    boolean modernWithoutSchema = false;
    List<RunResult> results = new ArrayList<>(raws.size());
    for (Raw r : raws) {
      boolean legacy = noSchema && r.legacyFields;
      modernWithoutSchema |= noSchema && !r.legacyFields;
      results.add(legacy ? legacyResult(r) : result(r));
    }
    if (modernWithoutSchema) {
      in.warn(WarningCode.SCHEMA_VERSION_MISSING, meta.sawMetadata ? "$.metadata" : "$",
          "metadata.dbt_schema_version is missing but the results have the v1+ shape; read as v1+");
    }
    return new RunResults(meta.toMetadata(null), args == null ? InvocationArgs.NONE : InvocationArgs.of(args),
        elapsed == null ? OptionalDouble.empty() : OptionalDouble.of(elapsed), results, in.warnings());
  }

  private RunResult result(Raw r) {
    String raw = r.status != null ? r.status : (r.statusNumber != null ? number(r.statusNumber) : "");
    RunStatus status = RunStatus.parse(raw);
    if (r.status == null && r.statusNumber == null) {
      in.warn(WarningCode.RESULT_STATUS_MISSING, r.path + ".status",
          "the result of '" + r.uniqueId + "' has no status; outcome unknown");
    } else if (status == RunStatus.UNKNOWN) {
      in.warn(WarningCode.UNKNOWN_STATUS, r.path + ".status", "unknown status '" + raw + "' kept raw");
    }
    String code = r.compiledCode;
    if (code != null && r.uniqueId != null) {
      Optional<String> known = knownCode.apply(r.uniqueId);
      if (known.isPresent() && known.get().equals(code)) {
        code = known.get();
      }
    }
    return new RunResult(r.uniqueId, status, raw, Optional.ofNullable(r.message),
        r.failures == null ? OptionalLong.empty() : OptionalLong.of(r.failures.longValue()), r.timing,
        r.executionTime, Optional.ofNullable(r.threadId), r.adapterResponse, Optional.ofNullable(code),
        Optional.ofNullable(r.relationName), Optional.ofNullable(r.batchResults));
  }

  private RunResult legacyResult(Raw r) {
    RunStatus status;
    String message = r.status;
    OptionalLong failures = OptionalLong.empty();
    if (r.statusNumber != null) {
      failures = OptionalLong.of(r.statusNumber.longValue()); // tests wrote their failure count here
    }
    if (r.error != null) {
      status = RunStatus.ERROR;
      message = r.error;
    } else if (Boolean.TRUE.equals(r.skip)) {
      status = RunStatus.SKIPPED;
    } else if (!r.sawError || r.skip == null) {
      // dbt 0.18 and older always wrote error (null on success) and skip (a boolean): without them the outcome
      // is unknown, not a success.
      in.warn(WarningCode.RESULT_STATUS_MISSING, r.path,
          "the pre-v1 result of '" + r.uniqueId + "' lacks error or skip; outcome unknown");
      status = RunStatus.UNKNOWN;
    } else if (Boolean.TRUE.equals(r.fail)) {
      status = RunStatus.FAIL;
    } else if (Boolean.TRUE.equals(r.warn)) {
      status = RunStatus.WARN;
    } else if ("test".equals(r.nodeType)) {
      status = RunStatus.PASS;
    } else {
      status = RunStatus.SUCCESS;
    }
    return new RunResult(r.uniqueId, status, status.dbtName(), Optional.ofNullable(message), failures,
        r.timing, r.executionTime, Optional.ofNullable(r.threadId), r.adapterResponse,
        Optional.ofNullable(r.compiledCode), Optional.ofNullable(r.relationName), Optional.empty());
  }

  private static String number(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private void readResults() {
    if (!in.array()) {
      in.warn(WarningCode.RESULTS_NULL, "results is null: no result could be read");
      return;
    }
    int index = -1;
    while (in.nextElement()) {
      index++;
      if (!in.object()) {
        in.warn(WarningCode.RESULT_NOT_OBJECT, "a result is null instead of an object; skipped");
        continue;
      }
      Raw r = new Raw();
      r.path = "$.results[" + index + "]";
      com.fasterxml.jackson.core.JsonLocation start = in.location();
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "unique_id":
            r.uniqueId = in.string();
            break;
          case "status":
            r.statusPresent = true;
            JsonToken t = in.token();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              r.statusNumber = in.number();
            } else {
              r.status = in.string();
            }
            break;
          case "message":
            JsonToken mt = in.token();
            if (mt == JsonToken.VALUE_STRING || mt == JsonToken.VALUE_NULL) {
              r.message = in.longString();
            } else {
              Object v = in.plainValue(); // Fusion has written structured messages
              r.message = String.valueOf(v);
            }
            break;
          case "failures":
            if (in.token() == JsonToken.VALUE_STRING) {
              // Seen in real files: a text instead of the count. Keep it readable, not fatal.
              String text = in.string();
              try {
                r.failures = Double.valueOf(text.trim());
                if (r.failures.isInfinite() || r.failures.isNaN()) {
                  r.failures = null;
                  in.warn(WarningCode.NUMBER_OUT_OF_RANGE, "failures is out of range; left unknown");
                }
              } catch (NumberFormatException e) {
                in.warn(WarningCode.FAILURES_NOT_A_NUMBER, "expected a number but found a string that is not"
                    + " one; failures left unknown");
              }
            } else {
              r.failures = in.number();
            }
            break;
          case "timing":
            r.timing = readTiming();
            break;
          case "execution_time":
            Double d = in.number();
            r.executionTime = d == null ? 0.0 : d;
            break;
          case "thread_id":
            r.threadId = in.string();
            break;
          case "adapter_response":
            r.adapterResponse = in.plainMap();
            break;
          case "compiled_code":
          case "compiled_sql":
            r.compiledCode = in.longString();
            break;
          case "relation_name":
            r.relationName = in.string();
            break;
          case "batch_results":
            r.batchResults = readBatchResults();
            break;
          case "node":
            r.legacyFields |= !in.isNull();
            readLegacyNode(r);
            break;
          case "error":
            r.sawError = true;
            r.error = in.longString();
            break;
          case "fail":
            r.legacyFields = true;
            r.fail = in.bool();
            break;
          case "warn":
            r.legacyFields = true;
            r.warn = in.bool();
            break;
          case "skip":
            r.legacyFields = true;
            r.sawSkip = true;
            r.skip = in.bool();
            break;
          default:
            in.skip();
        }
      }
      if (r.uniqueId == null) {
        throw in.errorAt("expected a unique_id", r.path, "but found none", start);
      }
      raws.add(r);
    }
  }

  private void readLegacyNode(Raw r) {
    if (!in.object()) {
      return;
    }
    String f;
    while ((f = in.nextField()) != null) {
      switch (f) {
        case "unique_id":
          if (r.uniqueId == null) {
            r.uniqueId = in.string();
          } else {
            in.skip();
          }
          break;
        case "resource_type":
          r.nodeType = in.string();
          break;
        case "compiled_sql":
        case "compiled_code":
          if (r.compiledCode == null) {
            r.compiledCode = in.longString();
          } else {
            in.skip();
          }
          break;
        case "relation_name":
          if (r.relationName == null) {
            r.relationName = in.string();
          } else {
            in.skip();
          }
          break;
        default:
          in.skip();
      }
    }
  }

  private List<Timing> readTiming() {
    if (!in.array()) {
      return List.of();
    }
    List<Timing> list = new ArrayList<>(2);
    while (in.nextElement()) {
      if (!in.object()) {
        continue;
      }
      String name = "";
      String started = null;
      String completed = null;
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "name":
            name = in.string();
            break;
          case "started_at":
            started = in.string();
            break;
          case "completed_at":
            completed = in.string();
            break;
          default:
            in.skip();
        }
      }
      list.add(new Timing(name == null ? "" : name, Optional.ofNullable(started), Optional.ofNullable(completed)));
    }
    return list;
  }

  private BatchResults readBatchResults() {
    if (!in.object()) {
      return null;
    }
    List<List<String>> ok = List.of();
    List<List<String>> failed = List.of();
    String f;
    while ((f = in.nextField()) != null) {
      if (f.equals("successful")) {
        ok = readBatches();
      } else if (f.equals("failed")) {
        failed = readBatches();
      } else {
        in.skip();
      }
    }
    return new BatchResults(ok, failed);
  }

  private List<List<String>> readBatches() {
    if (!in.array()) {
      return List.of();
    }
    List<List<String>> batches = new ArrayList<>();
    while (in.nextElement()) {
      batches.add(in.stringList());
    }
    return batches;
  }
}
