package dev.dbttriage.log;

import dev.dbttriage.classify.ErrorClass;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One node of an invocation as its log tells it.
 *
 * <p>Text logs name a node by the description dbt prints after {@code N of M START} ({@code sql table model
 * analytics.orders}, {@code test not_null_orders_id}, {@code hook: shop.on-run-start.0}); the unique id is known
 * only where the log prints it (the debug lines of file logs, {@code node_info} of JSON logs), never in console
 * output.
 *
 * @param index the {@code N} of {@code N of M}, or 0 when the log does not number it
 * @param total the {@code M} of {@code N of M}, or 0
 * @param description the node as the log names it
 * @param uniqueId the unique id, when the log prints it
 * @param resourceType the resource type ({@code model}, {@code test}, {@code seed}, {@code snapshot},
 *     {@code source} for a freshness check, {@code operation} for a hook, ...), when the log says it
 * @param name the node's short name (a model's alias or a test's name), as the log prints it
 * @param relation the {@code schema.alias} the log prints for a model, seed or snapshot, if any
 * @param status the status
 * @param errorClass the class of dbt's error header ({@code Database Error in ...}, {@code Failure in test ...},
 *     {@code ERROR STALE}), for an errored or failed node whose header the log shows
 * @param message the error text under the header, or a test's failure line (capped in length)
 * @param executionTime the execution time in seconds the result line prints
 * @param hook true for an {@code on-run-start}/{@code on-run-end} hook
 */
public record LogNode(
    int index,
    int total,
    String description,
    Optional<String> uniqueId,
    Optional<String> resourceType,
    String name,
    Optional<String> relation,
    LogNodeStatus status,
    Optional<ErrorClass> errorClass,
    Optional<String> message,
    OptionalDouble executionTime,
    boolean hook) {

  /** Validates the components. */
  public LogNode {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(executionTime, "executionTime");
  }

  /**
   * Returns the first line of the message that is not blank, trimmed: for a Snowflake error this is the line
   * with the code ({@code 002003 (42S02): SQL compilation error:}), as dbt printed it.
   */
  public Optional<String> messageFirstLine() {
    return message.flatMap(m -> m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst());
  }
}
