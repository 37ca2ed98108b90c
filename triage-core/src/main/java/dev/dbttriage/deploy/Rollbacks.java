package dev.dbttriage.deploy;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/** Writes the rollback strategies of the deploy guide in the adapter's own syntax. */
final class Rollbacks {
  static final String SECONDS = "seconds to tens of seconds";
  static final String CLONE = "seconds to a few minutes";
  static final String REBUILD = "minutes to tens of minutes";
  private static final int MAX_RELATIONS = 20;

  private Rollbacks() {}

  /**
   * Returns the strategies for an adapter, fastest first.
   *
   * @param adapter the adapter type, lower case
   * @param tables the production versions of the tables to roll back
   * @param pointInTime the last known good time, or a placeholder
   * @param rebuildSelect the {@code --select} for the rebuild
   * @param rebuildSeconds the estimated rebuild time from history, if known
   * @param rebuildBasis how the estimate was computed
   */
  static List<RollbackStrategy> forAdapter(String adapter, List<Node> tables, String pointInTime,
      String rebuildSelect, OptionalDouble rebuildSeconds, String rebuildBasis) {
    List<Node> shown = tables.size() > MAX_RELATIONS ? tables.subList(0, MAX_RELATIONS) : tables;
    List<RollbackStrategy> out = new ArrayList<>();
    out.add(blueGreen(adapter, shown));
    cloneOrTimeTravel(adapter, shown, pointInTime).ifPresent(out::add);
    List<String> rebuild = new ArrayList<>(List.of(
        "LAST_GREEN_SHA=<saved release SHA>",
        "git checkout \"$LAST_GREEN_SHA\"",
        "dbt deps"));
    List<String> incremental = new ArrayList<>();
    List<String> snapshots = new ArrayList<>();
    for (Node t : tables) {
      if (t.resourceType() == ResourceType.SNAPSHOT) {
        snapshots.add(t.name());
      } else if (t.config().isIncremental()) {
        incremental.add(DeployCheck.selectorName(t));
      }
    }
    String prereq = "the SHA of the last green release is saved; works on every engine";
    if (!incremental.isEmpty()) {
      // An incremental run at the old commit keeps the rows the bad deploy wrote; rewrite those tables.
      rebuild.add("dbt run --select " + String.join(" ", incremental) + " --full-refresh --target prod");
      prereq += "; the incremental models are rebuilt with --full-refresh, or rows the failed deploy wrote stay";
    }
    rebuild.add("dbt build --select " + rebuildSelect + " --target prod --fail-fast");
    if (!snapshots.isEmpty()) {
      prereq += "; snapshots (" + String.join(", ", snapshots) + ") keep what the failed deploy recorded: restore"
          + " them from clone/time travel, a rebuild cannot";
    }
    String expected = REBUILD;
    if (rebuildSeconds.isPresent()) {
      expected = "about " + duration(rebuildSeconds.getAsDouble()) + " of node time " + rebuildBasis
          + ", plus dbt's start-up; " + REBUILD + " on a typical project";
    }
    out.add(new RollbackStrategy(RollbackKind.REBUILD_LAST_GREEN, adapter, expected, rebuildSeconds, prereq,
        rebuild));
    return List.copyOf(out);
  }

  private static RollbackStrategy blueGreen(String adapter, List<Node> tables) {
    List<String> commands = new ArrayList<>();
    String prereq;
    switch (adapter) {
      case "snowflake":
        prereq = "the previous version is still built in the Blue/Green copy (shown as <schema>_blue; use"
            + " your own) and the role owns both tables";
        for (Node t : tables) {
          commands.add("ALTER TABLE " + name(adapter, t, "") + " SWAP WITH " + blue(adapter, t) + ";");
        }
        break;
      case "postgres":
      case "redshift":
        prereq = "the previous version is still built in a parallel schema (shown as <schema>_blue);"
            + " the swap renames whole schemas in one transaction";
        for (String schema : schemas(tables)) {
          commands.add("BEGIN; ALTER SCHEMA " + schema + " RENAME TO " + schema + "_failed; ALTER SCHEMA "
              + schema + "_blue RENAME TO " + schema + "; COMMIT;");
        }
        break;
      default:
        prereq = "consumers read through views and the previous version is still built in a parallel schema"
            + " (shown as <schema>_blue); " + adapter + " has no table swap, so repoint the views";
        for (Node t : tables) {
          commands.add("CREATE OR REPLACE VIEW " + name(adapter, t, "") + " AS SELECT * FROM " + blue(adapter, t)
              + ";");
        }
        break;
    }
    if (commands.isEmpty()) {
      commands.add("-- no table or incremental model to swap: views are rebuilt in seconds by dbt");
    }
    return new RollbackStrategy(RollbackKind.BLUE_GREEN_SWAP, adapter, SECONDS, OptionalDouble.empty(), prereq,
        commands);
  }

  private static java.util.Optional<RollbackStrategy> cloneOrTimeTravel(
      String adapter, List<Node> tables, String at) {
    List<String> commands = new ArrayList<>();
    String prereq;
    switch (adapter) {
      case "snowflake":
        prereq = "the point in time is within the tables' Time Travel retention (DATA_RETENTION_TIME_IN_DAYS,"
            + " 1 day by default; none for transient tables with 0 retention)";
        for (Node t : tables) {
          String restored = name(adapter, t, "_restored");
          commands.add("CREATE OR REPLACE TABLE " + restored + " CLONE " + name(adapter, t, "")
              + " AT (TIMESTAMP => '" + at + "'::TIMESTAMP_LTZ);");
          commands.add("ALTER TABLE " + name(adapter, t, "") + " SWAP WITH " + restored + ";");
        }
        break;
      case "databricks":
      case "spark":
        prereq = "Delta tables, and the point in time is within the table history"
            + " (delta.deletedFileRetentionDuration, 7 days by default); DESCRIBE HISTORY shows the versions";
        for (Node t : tables) {
          commands.add("DESCRIBE HISTORY " + name(adapter, t, "") + ";");
          commands.add("RESTORE TABLE " + name(adapter, t, "") + " TO TIMESTAMP AS OF '" + at + "';");
          commands.add("-- or: RESTORE TABLE " + name(adapter, t, "") + " TO VERSION AS OF <version before the"
              + " deploy, from DESCRIBE HISTORY>;");
        }
        break;
      case "bigquery":
        prereq = "the point in time is within the dataset's time travel window (7 days by default)";
        for (Node t : tables) {
          commands.add("CREATE OR REPLACE TABLE " + name(adapter, t, "_restored") + " CLONE " + name(adapter, t, "")
              + " FOR SYSTEM_TIME AS OF TIMESTAMP('" + at + "');");
          commands.add("bq cp -f " + bqName(t, "_restored") + " " + bqName(t, ""));
        }
        break;
      default:
        return java.util.Optional.empty();
    }
    if (commands.isEmpty()) {
      commands.add("-- no table or incremental model to restore");
    }
    return java.util.Optional.of(new RollbackStrategy(RollbackKind.CLONE_TIME_TRAVEL, adapter, CLONE,
        OptionalDouble.empty(), prereq, commands));
  }

  private static Set<String> schemas(List<Node> tables) {
    Set<String> out = new LinkedHashSet<>();
    tables.forEach(t -> out.add(t.schema().orElse("<schema>")));
    return out;
  }

  private static String identifier(Node t) {
    return t.alias().orElse(t.name());
  }

  static String name(String adapter, Node t, String suffix) {
    String id = identifier(t) + suffix;
    String schema = t.schema().orElse("<schema>");
    String path = t.database().map(d -> d + "." + schema).orElse(schema) + "." + id;
    return adapter.equals("bigquery") ? "`" + path + "`" : path;
  }

  private static String blue(String adapter, Node t) {
    String schema = t.schema().orElse("<schema>") + "_blue";
    String path = t.database().map(d -> d + "." + schema).orElse(schema) + "." + identifier(t);
    return adapter.equals("bigquery") ? "`" + path + "`" : path;
  }

  private static String bqName(Node t, String suffix) {
    String dataset = t.schema().orElse("<dataset>") + "." + identifier(t) + suffix;
    return t.database().map(d -> d + ":" + dataset).orElse(dataset);
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 5400) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }
}
