package dev.dbttriage.select;

import java.util.Locale;

/** The dbt command whose result set a selection reproduces; it decides the resource types kept at the end. */
public enum SelectionCommand {
  /** {@code dbt ls}: the default resource types (or {@code --resource-type}), empty nodes kept. */
  LS,
  /** {@code dbt run}: models (ephemeral models are selected but never run, so they are dropped). */
  RUN,
  /** {@code dbt test}: data tests and unit tests, narrowed by {@code --resource-type}. */
  TEST,
  /** {@code dbt build}: models, snapshots, seeds, tests, unit tests, saved queries, exposures, functions. */
  BUILD,
  /** {@code dbt seed}. */
  SEED,
  /** {@code dbt snapshot}. */
  SNAPSHOT,
  /** {@code dbt compile}: every executable type, analyses included. */
  COMPILE,
  /** {@code dbt source freshness}: sources. */
  FRESHNESS;

  /** Returns the command's name as typed, such as {@code ls}. */
  public String commandName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the command a dbt command name denotes ({@code list} is {@code ls}; {@code source freshness} and
   * {@code source} are {@code freshness}).
   *
   * @param name the name
   * @return the command
   * @throws SelectorSyntaxException when the command has no selection
   */
  public static SelectionCommand fromName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "list":
        return LS;
      case "source freshness":
      case "source":
        return FRESHNESS;
      default:
        for (SelectionCommand c : values()) {
          if (c.commandName().equals(n)) {
            return c;
          }
        }
        throw new SelectorSyntaxException("'" + name + "' is not a command with a selection; valid commands: ls, "
            + "run, test, build, seed, snapshot, compile, freshness", String.valueOf(name), -1);
    }
  }
}
