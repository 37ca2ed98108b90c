package dev.dbttriage.log;

/**
 * The format an invocation of a dbt log was written in, detected from the lines themselves (never from the
 * file's name).
 */
public enum LogFormat {
  /** dbt 0.x file log ({@code 2021-06-29 13:43:28.731063 (Thread-1): ...}), also dbt 1.0's {@code dbt.log.legacy}
   * and the dbt Cloud IDE rpc-server log. */
  LEGACY_TEXT("legacy-text"),
  /** dbt 1.0 to 1.4 file log: a {@code =====} header with date, time and invocation id, then
   * {@code 13:06:35.275911 [info ] [MainThread]: ...}. */
  FILE_1_0("file-1.0"),
  /** dbt 1.5+ file log: the header has a time only, and the invocation begins at the {@code start} event before
   * it. */
  DEBUG_1_5("debug-1.5"),
  /** dbt 1.4+ JSON lines ({@code --log-format json}, {@code --log-format-file json}): one event per line with
   * {@code info.invocation_id}. */
  JSON("json"),
  /** The JSON lines of dbt before 1.4 ({@code "log_version": 2, "type": "log_line"}). */
  JSON_LEGACY("json-legacy"),
  /** dbt Fusion: an ISO-dated header with a UUIDv7, lines without thread names, {@code Started running} and
   * {@code Finished running} per node. */
  FUSION("fusion"),
  /** Console output (standard output) as a terminal or an orchestrator captures it, with or without the
   * orchestrator's own prefixes. */
  CONSOLE("console");

  private final String label;

  LogFormat(String label) {
    this.label = label;
  }

  /** Returns the name used in JSON output, such as {@code debug-1.5}. */
  public String label() {
    return label;
  }
}
