package dev.dbttriage.internal.json;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.CatalogColumn;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.WarningCode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code catalog.json} (v1 and the pre-v1 shape). Not thread-safe; one instance per file. */
public final class CatalogReader extends RootReader<Catalog> {
  private final Map<String, CatalogTable> nodes = new LinkedHashMap<>();
  private final Map<String, CatalogTable> sources = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private boolean sawNodes;
  private boolean sawManifestKeys;

  private CatalogReader(JsonInput in) {
    super(in, ArtifactKind.CATALOG, "a dbt catalog", "an object without metadata.dbt_schema_version or nodes");
  }

  /** Reads a catalog from {@code stream}, which stays open, naming the file {@code name} in messages. */
  public static Catalog read(InputStream stream, String name) {
    return RootReader.read(stream, name, CatalogReader::new);
  }

  @Override
  boolean field(String name) {
    switch (name) {
      case "nodes":
        sawNodes = true;
        if (in.isNull()) {
          in.warn(WarningCode.NODES_NULL, "nodes is null: no table could be read");
        }
        readTables(nodes);
        return true;
      case "sources":
        readTables(sources);
        return true;
      case "errors":
        if (in.array()) {
          while (in.nextElement()) {
            Object e = in.plainValue();
            if (e != null) {
              errors.add(String.valueOf(e));
            }
          }
        }
        return true;
      case "macros":
      case "results":
        sawManifestKeys = true;
        return false;
      default:
        return false;
    }
  }

  @Override
  boolean recognised() {
    return sawNodes && !sawManifestKeys;
  }

  @Override
  Catalog finish() {
    return new Catalog(meta.toMetadata(null), nodes, sources, errors, in.warnings());
  }

  private void readTables(Map<String, CatalogTable> target) {
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      if (!in.object()) {
        continue;
      }
      String uniqueId = key;
      String type = "";
      String database = null;
      String schema = "";
      String name = "";
      String owner = null;
      Map<String, CatalogColumn> columns = new LinkedHashMap<>();
      LinkedHashMap<String, Object> stats = new LinkedHashMap<>();
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "unique_id":
            String u = in.string();
            if (u != null) {
              uniqueId = u;
            }
            break;
          case "metadata":
            if (in.object()) {
              String mf;
              while ((mf = in.nextField()) != null) {
                switch (mf) {
                  case "type":
                    type = orEmpty(in.string());
                    break;
                  case "database":
                    database = in.string();
                    break;
                  case "schema":
                    schema = orEmpty(in.string());
                    break;
                  case "name":
                    name = orEmpty(in.string());
                    break;
                  case "owner":
                    owner = in.string();
                    break;
                  default:
                    in.skip();
                }
              }
            }
            break;
          case "columns":
            readColumns(columns);
            break;
          case "stats":
            readStats(stats);
            break;
          default:
            in.skip();
        }
      }
      target.put(uniqueId, new CatalogTable(uniqueId, type, Optional.ofNullable(database), schema, name,
          Optional.ofNullable(owner), columns, stats));
    }
  }

  private void readColumns(Map<String, CatalogColumn> columns) {
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      if (!in.object()) {
        continue;
      }
      String name = key;
      String type = "";
      int index = columns.size() + 1;
      String comment = null;
      String f;
      while ((f = in.nextField()) != null) {
        switch (f) {
          case "name":
            String n = in.string();
            if (n != null) {
              name = n;
            }
            break;
          case "type":
            type = orEmpty(in.string());
            break;
          case "index":
            Double d = in.number();
            if (d != null) {
              index = d.intValue();
            }
            break;
          case "comment":
            comment = in.longString();
            break;
          default:
            in.skip();
        }
      }
      columns.put(key, new CatalogColumn(name, type, index, Optional.ofNullable(comment)));
    }
  }

  private void readStats(Map<String, Object> stats) {
    if (!in.object()) {
      return;
    }
    String key;
    while ((key = in.nextField()) != null) {
      if (!in.object()) {
        in.skip();
        continue;
      }
      Object value = null;
      String f;
      while ((f = in.nextField()) != null) {
        if (f.equals("value")) {
          value = in.plainValue();
        } else {
          in.skip();
        }
      }
      stats.put(key, value);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
