package dev.dbttriage.internal.json;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactKind;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells which kind of artifact a JSON file is, from its schema URL or, for pre-v1 files, from its top-level keys.
 * Not thread-safe; one instance per file.
 */
public final class KindSniffer {
  private KindSniffer() {}

  /**
   * Detects the kind of the artifact in a stream, reading only as far as needed.
   *
   * @param stream the stream, not closed
   * @param name the name to use in messages
   * @return the kind
   * @throws ArtifactException when the input is not JSON or not a dbt artifact
   */
  public static ArtifactKind detect(InputStream stream, String name) {
    try (JsonInput in = JsonInput.open(stream, name)) {
      in.startRootObject();
      Set<String> keys = new HashSet<>();
      boolean sourceResults = false;
      String field;
      while ((field = in.nextField()) != null) {
        keys.add(field);
        if (field.equals("metadata") && in.object()) {
          String f;
          while ((f = in.nextField()) != null) {
            if (f.equals("dbt_schema_version")) {
              String url = in.string();
              if (url != null) {
                for (ArtifactKind k : ArtifactKind.values()) {
                  if (url.contains("/" + k.schemaName() + "/")) {
                    return k;
                  }
                }
              }
            } else {
              in.skip();
            }
          }
        } else if (field.equals("macros")) {
          return ArtifactKind.MANIFEST;
        } else if (field.equals("results") && in.array()) {
          // pre-v1 sources.json lists results with a node of resource_type source and freshness fields
          while (in.nextElement()) {
            if (in.object()) {
              String f;
              while ((f = in.nextField()) != null) {
                if (f.equals("max_loaded_at") || f.equals("snapshotted_at") || f.equals("criteria")
                    || f.equals("max_loaded_at_time_ago_in_s")) {
                  sourceResults = true;
                }
                if (f.equals("node") && in.object()) {
                  String nf;
                  while ((nf = in.nextField()) != null) {
                    if (nf.equals("resource_type") && "source".equals(in.string())) {
                      sourceResults = true;
                    } else {
                      in.skip();
                    }
                  }
                } else {
                  in.skip();
                }
              }
            }
          }
        } else {
          in.skip();
        }
      }
      if (keys.contains("results")) {
        return sourceResults ? ArtifactKind.SOURCES : ArtifactKind.RUN_RESULTS;
      }
      if (keys.contains("meta") && keys.contains("sources")) {
        return ArtifactKind.SOURCES;
      }
      if (keys.contains("nodes") && keys.contains("sources") && !keys.contains("parent_map")) {
        return ArtifactKind.CATALOG;
      }
      if (keys.contains("nodes")) {
        return ArtifactKind.MANIFEST;
      }
      throw in.notArtifact("a dbt artifact", "an object without metadata.dbt_schema_version, nodes or results");
    }
  }
}
