package dev.dbttriage.artifact;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The outcome of one node in one invocation.
 *
 * <p>Pre-v1 results (dbt 0.18 and older) kept the outcome in booleans ({@code error}, {@code fail},
 * {@code warn}, {@code skip}) and the adapter message in {@code status}; the reader maps them to
 * {@link #status()} and {@link #message()}. Instances are immutable and thread-safe.
 *
 * @param uniqueId the node's unique id
 * @param status the status ({@link RunStatus#UNKNOWN} for a string this library does not know)
 * @param rawStatus the status string as written (for pre-v1 results, the derived dbt name)
 * @param message the message (the error text of a failure; dbt writes none for skipped nodes)
 * @param failures the number of failing rows of a test, if recorded
 * @param timing the compile and execute phases
 * @param executionTime the execution time in seconds
 * @param threadId the thread that ran the node, if recorded
 * @param adapterResponse the adapter response ({@code rows_affected}, {@code query_id}, {@code bytes_processed},
 *     ...) as plain Java values
 * @param compiledCode the compiled code, if recorded
 * @param relationName the relation the node wrote, if recorded
 * @param batchResults a microbatch model's batch results, if any
 */
public record RunResult(
    String uniqueId,
    RunStatus status,
    String rawStatus,
    Optional<String> message,
    OptionalLong failures,
    List<Timing> timing,
    double executionTime,
    Optional<String> threadId,
    Map<String, Object> adapterResponse,
    Optional<String> compiledCode,
    Optional<String> relationName,
    Optional<BatchResults> batchResults) {

  /** Validates and copies the components. */
  public RunResult {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(failures, "failures");
    timing = List.copyOf(timing);
    Objects.requireNonNull(threadId, "threadId");
    adapterResponse = PlainValues.copyMap(adapterResponse);
    Objects.requireNonNull(compiledCode, "compiledCode");
    Objects.requireNonNull(relationName, "relationName");
    Objects.requireNonNull(batchResults, "batchResults");
  }

  /** Returns a result with just an id, a status and a message, for hand-made runs. */
  public static RunResult of(String uniqueId, RunStatus status, String message) {
    return new RunResult(
        uniqueId,
        status,
        status.dbtName(),
        Optional.ofNullable(message),
        OptionalLong.empty(),
        List.of(),
        0.0,
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Returns a copy with a different execution time. */
  public RunResult withExecutionTime(double seconds) {
    return new RunResult(uniqueId, status, rawStatus, message, failures, timing, seconds, threadId,
        adapterResponse, compiledCode, relationName, batchResults);
  }

  /** Returns {@code adapter_response.rows_affected}, if numeric. */
  public OptionalLong rowsAffected() {
    Object v = adapterResponse.get("rows_affected");
    return v instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }

  /** Returns {@code adapter_response.bytes_processed} (or {@code bytes_billed}), if numeric. */
  public OptionalDouble bytesProcessed() {
    Object v = adapterResponse.get("bytes_processed");
    if (!(v instanceof Number)) {
      v = adapterResponse.get("bytes_billed");
    }
    return v instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }
}
