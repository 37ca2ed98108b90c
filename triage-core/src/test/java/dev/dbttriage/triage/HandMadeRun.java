package dev.dbttriage.triage;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TestMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A small DSL for hand-made manifests and runs in tests. */
public final class HandMadeRun {
  public HandMadeRun() {}

  public final Map<String, Node> nodes = new LinkedHashMap<>();
  public final Map<String, Node> sources = new LinkedHashMap<>();
  public final Map<String, Node> exposures = new LinkedHashMap<>();
  public final Map<String, Node> unitTests = new LinkedHashMap<>();
  public final Map<String, Node> groups = new LinkedHashMap<>();
  public final List<RunResult> results = new ArrayList<>();
  private List<String> select = List.of();
  private List<String> exclude = List.of();

  public HandMadeRun args(List<String> select, List<String> exclude) {
    this.select = select;
    this.exclude = exclude;
    return this;
  }

  public HandMadeRun model(String name, String... parents) {
    return model(name, Map.of("materialized", "table"), parents);
  }

  public HandMadeRun model(String name, Map<String, Object> config, String... parents) {
    String id = "model.shop." + name;
    nodes.put(id, Node.builder(id, ResourceType.MODEL).config(config).dependsOnNodes(ids(parents))
        .rawCode("select * from " + (parents.length == 0 ? "raw." + name : parents[0]))
        .originalFilePath("models/" + name + ".sql").build());
    return this;
  }

  public HandMadeRun node(Node n) {
    nodes.put(n.uniqueId(), n);
    return this;
  }

  public HandMadeRun test(String name, String testName, String... parents) {
    String id = "test.shop." + name;
    nodes.put(id, Node.builder(id, ResourceType.TEST)
        .testMetadata(new TestMetadata(testName, Optional.empty(), Map.of()))
        .rawCode("{{ test_" + testName + "(**_dbt_generic_test_kwargs) }}")
        .dependsOnNodes(ids(parents)).build());
    return this;
  }

  public HandMadeRun unitTest(String name, String model) {
    String id = "unit_test.shop." + model + "." + name;
    unitTests.put(id, Node.builder(id, ResourceType.UNIT_TEST).name(name)
        .dependsOnNodes(List.of("model.shop." + model)).build());
    return this;
  }

  public HandMadeRun source(String source, String table) {
    String id = "source.shop." + source + "." + table;
    sources.put(id, Node.builder(id, ResourceType.SOURCE).name(table).sourceName(source).build());
    return this;
  }

  public HandMadeRun exposure(String name, String ownerName, String ownerEmail, String... parents) {
    String id = "exposure.shop." + name;
    exposures.put(id, Node.builder(id, ResourceType.EXPOSURE).dependsOnNodes(ids(parents))
        .attributes(Map.of("type", "dashboard", "maturity", "high",
            "owner", Map.of("name", ownerName, "email", ownerEmail)))
        .build());
    return this;
  }

  public HandMadeRun result(String id, RunStatus status) {
    return result(id, status, null);
  }

  public HandMadeRun result(String id, RunStatus status, String message) {
    results.add(RunResult.of(qualify(id), status, message));
    return this;
  }

  public Manifest manifest() {
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.MANIFEST, 12,
        "https://schemas.getdbt.com/dbt/manifest/v12.json", Optional.of("1.10.0"), Optional.empty(),
        Optional.empty(), Optional.of("snowflake"), Optional.of("shop"), Optional.empty());
    return new Manifest(meta, nodes, sources, exposures, Map.of(), Map.of(), Map.of(), unitTests, Map.of(),
        groups, Map.of(), Map.of(), Map.of(), List.of());
  }

  public RunResults run(String command) {
    return run(command, "2026-11-20T03:00:00Z");
  }

  public RunResults run(String command, String generatedAt) {
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.RUN_RESULTS, 6,
        "https://schemas.getdbt.com/dbt/run-results/v6.json", Optional.of("1.10.0"), Optional.of(generatedAt),
        Optional.of("inv-1"), Optional.empty(), Optional.empty(), Optional.empty());
    InvocationArgs args = new InvocationArgs(Optional.of(command), select, exclude, Optional.empty(),
        List.of(), List.of(), Optional.empty(), false, false, Optional.empty(), false, Map.of());
    return new RunResults(meta, args, OptionalDouble.empty(), results, List.of());
  }

  /** Triages the run; nodes without a result are not looked for (most tests give only the results they need). */
  public TriageReport triage(String command) {
    return TriageEngine.builder().selectionResolver((m, r) -> Optional.empty()).build()
        .triage(TriageInput.of(manifest(), run(command)));
  }

  public static List<String> ids(String... refs) {
    List<String> out = new ArrayList<>();
    for (String r : refs) {
      out.add(qualify(r));
    }
    return out;
  }

  public static String qualify(String ref) {
    if (ref.startsWith("model.") || ref.startsWith("test.") || ref.startsWith("source.")
        || ref.startsWith("seed.") || ref.startsWith("unit_test.") || ref.startsWith("exposure.")
        || ref.startsWith("snapshot.") || ref.startsWith("macro.") || ref.startsWith("operation.")) {
      return ref;
    }
    return "model.shop." + ref;
  }
}
