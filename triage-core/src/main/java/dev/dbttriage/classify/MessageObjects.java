package dev.dbttriage.classify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects a failure message names, as far as a rule could tell: the relation, column, role or principal,
 * privilege or permission, the vendor error code and SQLSTATE, and the name of a missing reference (a node,
 * source, package, profile, macro or variable).
 *
 * <p>Immutable and thread-safe. Every field may be absent.
 *
 * @param relation a table, view, schema, dataset or catalog
 * @param column a column
 * @param role a role, user or principal
 * @param privilege a privilege or IAM permission, such as {@code SELECT} or {@code bigquery.tables.getData}
 * @param errorCode the vendor's error code or name, such as {@code 000904}, {@code 42P01} or
 *     {@code DELTA_MISSING_COLUMN}
 * @param sqlState the five-character SQLSTATE, when the message carries one
 * @param reference the missing node, source, package, profile, macro or variable name
 */
public record MessageObjects(
    Optional<String> relation,
    Optional<String> column,
    Optional<String> role,
    Optional<String> privilege,
    Optional<String> errorCode,
    Optional<String> sqlState,
    Optional<String> reference) {
  private static final MessageObjects EMPTY = new MessageObjects(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the components and drops blank values.
   *
   * @throws NullPointerException if a component is null
   */
  public MessageObjects {
    relation = clean(relation);
    column = clean(column);
    role = clean(role);
    privilege = clean(privilege);
    errorCode = clean(errorCode);
    sqlState = clean(sqlState);
    reference = clean(reference);
  }

  private static Optional<String> clean(Optional<String> value) {
    Objects.requireNonNull(value, "component");
    return value.map(String::strip).filter(v -> !v.isEmpty()).map(v -> v.length() > 300 ? v.substring(0, 300) : v);
  }

  /**
   * Returns the instance with nothing named.
   *
   * @return the empty objects
   */
  public static MessageObjects empty() {
    return EMPTY;
  }

  /**
   * Returns a copy naming this relation.
   *
   * @param value the relation, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withRelation(String value) {
    return new MessageObjects(or(value, relation), column, role, privilege, errorCode, sqlState, reference);
  }

  /**
   * Returns a copy naming this column.
   *
   * @param value the column, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withColumn(String value) {
    return new MessageObjects(relation, or(value, column), role, privilege, errorCode, sqlState, reference);
  }

  /**
   * Returns a copy naming this role or principal.
   *
   * @param value the role, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withRole(String value) {
    return new MessageObjects(relation, column, or(value, role), privilege, errorCode, sqlState, reference);
  }

  /**
   * Returns a copy naming this privilege or permission.
   *
   * @param value the privilege, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withPrivilege(String value) {
    return new MessageObjects(relation, column, role, or(value, privilege), errorCode, sqlState, reference);
  }

  /**
   * Returns a copy with this vendor error code or name.
   *
   * @param value the code, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withErrorCode(String value) {
    return new MessageObjects(relation, column, role, privilege, or(value, errorCode), sqlState, reference);
  }

  /**
   * Returns a copy with this SQLSTATE.
   *
   * @param value the SQLSTATE, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withSqlState(String value) {
    return new MessageObjects(relation, column, role, privilege, errorCode, or(value, sqlState), reference);
  }

  /**
   * Returns a copy naming this missing reference.
   *
   * @param value the reference, may be null (no change)
   * @return the new objects
   */
  public MessageObjects withReference(String value) {
    return new MessageObjects(relation, column, role, privilege, errorCode, sqlState, or(value, reference));
  }

  /**
   * Returns these objects with every absent field taken from {@code other}.
   *
   * @param other the fallback objects
   * @return the merged objects
   */
  public MessageObjects orElse(MessageObjects other) {
    return new MessageObjects(relation.or(other::relation), column.or(other::column), role.or(other::role),
        privilege.or(other::privilege), errorCode.or(other::errorCode), sqlState.or(other::sqlState),
        reference.or(other::reference));
  }

  /**
   * Returns whether nothing is named.
   *
   * @return true when every field is absent
   */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /**
   * Returns the present fields as an ordered map with the keys {@code relation}, {@code column},
   * {@code role}, {@code privilege}, {@code error_code}, {@code sql_state} and {@code reference}.
   *
   * @return the map, without absent fields
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    relation.ifPresent(v -> m.put("relation", v));
    column.ifPresent(v -> m.put("column", v));
    role.ifPresent(v -> m.put("role", v));
    privilege.ifPresent(v -> m.put("privilege", v));
    errorCode.ifPresent(v -> m.put("error_code", v));
    sqlState.ifPresent(v -> m.put("sql_state", v));
    reference.ifPresent(v -> m.put("reference", v));
    return Map.copyOf(m).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(m);
  }

  MessageObjects redacted() {
    return new MessageObjects(relation.map(Redaction::redact), column.map(Redaction::redact),
        role.map(Redaction::redact), privilege.map(Redaction::redact), errorCode.map(Redaction::redact),
        sqlState.map(Redaction::redact), reference.map(Redaction::redact));
  }

  private static Optional<String> or(String value, Optional<String> current) {
    return value == null || value.isBlank() ? current : Optional.of(value);
  }
}
