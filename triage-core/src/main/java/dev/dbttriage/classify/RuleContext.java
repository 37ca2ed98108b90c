package dev.dbttriage.classify;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TestMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may see about one failure: the message, the run result and its status, the node (resource
 * type, materialization, {@code test_metadata}), the adapter type, the compiled code, and, when no node is
 * known, a resource type and test name supplied by the caller.
 *
 * <p>Immutable and thread-safe. Build one with {@link #ofMessage(String)}, {@link #of(RunResult, Node)} or
 * {@link #builder()}.
 *
 * @param message the raw message as dbt printed or stored it (timestamps, log prefixes and ANSI escapes
 *     allowed); never null, possibly empty
 * @param result the run result, if known
 * @param node the manifest node, if known
 * @param adapter the adapter type in lower case ({@code snowflake}, {@code bigquery}, ...), if known
 * @param compiledCode the compiled SQL, if known
 * @param resourceType the resource type when no node is known (or to override the node's)
 * @param testName the test's name when no node is known, such as {@code not_null_orders_id}
 */
public record RuleContext(
    String message,
    Optional<RunResult> result,
    Optional<Node> node,
    Optional<String> adapter,
    Optional<String> compiledCode,
    Optional<ResourceType> resourceType,
    Optional<String> testName) {

  /**
   * Validates the components; a null message becomes empty and the adapter is lower-cased.
   *
   * @throws NullPointerException if an Optional component is null
   */
  public RuleContext {
    message = message == null ? "" : message;
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(node, "node");
    adapter = Objects.requireNonNull(adapter, "adapter").map(a -> a.strip().toLowerCase(Locale.ROOT))
        .filter(a -> !a.isEmpty());
    Objects.requireNonNull(compiledCode, "compiledCode");
    Objects.requireNonNull(resourceType, "resourceType");
    testName = Objects.requireNonNull(testName, "testName").map(String::strip).filter(t -> !t.isEmpty());
  }

  /**
   * Returns a context holding only a message.
   *
   * @param message the message, may be null (treated as empty)
   * @return the context
   */
  public static RuleContext ofMessage(String message) {
    return builder().message(message).build();
  }

  /**
   * Returns a context for a run result and its node, with the result's message and compiled code.
   *
   * @param result the result
   * @param node the node, may be null when unknown
   * @return the context
   * @throws NullPointerException if {@code result} is null
   */
  public static RuleContext of(RunResult result, Node node) {
    Objects.requireNonNull(result, "result");
    return builder().result(result).node(node).build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the result's status, if a result is known.
   *
   * @return the status
   */
  public Optional<RunStatus> status() {
    return result.map(RunResult::status);
  }

  /**
   * Returns the effective resource type: the explicit one, else the node's, else the one implied by the
   * result's unique id ({@code test.}, {@code model.}, {@code source.}, {@code unit_test.}).
   *
   * @return the resource type, if known
   */
  public Optional<ResourceType> effectiveResourceType() {
    if (resourceType.isPresent()) {
      return resourceType;
    }
    if (node.isPresent()) {
      return node.map(Node::resourceType);
    }
    return result.map(RunResult::uniqueId).flatMap(id -> {
      int dot = id.indexOf('.');
      return dot > 0 ? ResourceType.fromDbtName(id.substring(0, dot)) : Optional.empty();
    });
  }

  /**
   * Returns the node's {@code test_metadata}, if the node is a generic test.
   *
   * @return the test metadata
   */
  public Optional<TestMetadata> testMetadata() {
    return node.flatMap(Node::testMetadata);
  }

  /**
   * Returns the message normalised for matching: CRLF to LF, ANSI escapes, leading timestamps and
   * {@code [error] [MainThread]:} log prefixes removed, cut at 100,000 characters.
   *
   * @return the normalised text, never null
   */
  public String text() {
    return Text.normalize(message);
  }

  /**
   * Returns the non-blank lines of {@link #text()}, stripped.
   *
   * @return the lines
   */
  public List<String> lines() {
    return Text.lines(text());
  }

  /**
   * Returns the first line that matters: the first non-blank line of {@link #text()} that is not framing such
   * as {@code Encountered an error:} or {@code Completed with 1 error}.
   *
   * @return the line, or empty string when there is none
   */
  public String firstLine() {
    return Text.firstLine(text());
  }

  /** Builds a {@link RuleContext}; not thread-safe. */
  public static final class Builder {
    private String message = "";
    private RunResult result;
    private Node node;
    private String adapter;
    private String compiledCode;
    private ResourceType resourceType;
    private String testName;

    private Builder() {}

    /**
     * Sets the message.
     *
     * @param value the message, may be null (empty)
     * @return this builder
     */
    public Builder message(String value) {
      this.message = value == null ? "" : value;
      return this;
    }

    /**
     * Sets the run result; its message and compiled code are used unless set explicitly.
     *
     * @param value the result, may be null
     * @return this builder
     */
    public Builder result(RunResult value) {
      this.result = value;
      return this;
    }

    /**
     * Sets the node.
     *
     * @param value the node, may be null
     * @return this builder
     */
    public Builder node(Node value) {
      this.node = value;
      return this;
    }

    /**
     * Sets the adapter type, such as {@code snowflake}.
     *
     * @param value the adapter, may be null
     * @return this builder
     */
    public Builder adapter(String value) {
      this.adapter = value;
      return this;
    }

    /**
     * Sets the compiled code.
     *
     * @param value the SQL, may be null
     * @return this builder
     */
    public Builder compiledCode(String value) {
      this.compiledCode = value;
      return this;
    }

    /**
     * Sets the resource type.
     *
     * @param value the resource type, may be null
     * @return this builder
     */
    public Builder resourceType(ResourceType value) {
      this.resourceType = value;
      return this;
    }

    /**
     * Sets the test name, such as {@code unique_orders_id}.
     *
     * @param value the name, may be null
     * @return this builder
     */
    public Builder testName(String value) {
      this.testName = value;
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public RuleContext build() {
      String msg = message;
      if (msg.isEmpty() && result != null) {
        msg = result.message().orElse("");
      }
      Optional<String> code = Optional.ofNullable(compiledCode);
      if (code.isEmpty() && result != null) {
        code = result.compiledCode();
      }
      if (code.isEmpty() && node != null) {
        code = node.compiledCode();
      }
      return new RuleContext(msg, Optional.ofNullable(result), Optional.ofNullable(node),
          Optional.ofNullable(adapter), code, Optional.ofNullable(resourceType), Optional.ofNullable(testName));
    }
  }
}
