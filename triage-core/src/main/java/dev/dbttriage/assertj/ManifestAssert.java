package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.select.Selection;
import dev.dbttriage.select.SelectionCommand;
import dev.dbttriage.select.SelectionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a whole {@link Manifest}, obtained from {@link TriageAssertions#assertThat(Manifest)}: whether a
 * model exists, and navigation to one resource ({@link #model(String)}, {@link #node(String)}) or to a layer
 * ({@link #models()}, {@link #incrementalModels()}, {@link #modelsInPath(String)}, {@link #exposures()}, ...)
 * for the checks of {@link NodeAssert} and {@link NodesAssert}, or to what a selector selects
 * ({@link #selection(String)}, for {@link SelectionAssert}).
 *
 * <pre>{@code
 * assertThat(manifest).incrementalModels().allHaveUniqueKey();
 * assertThat(manifest).modelsMaterializedAs("view").noneInPath("models/marts");
 * assertThat(manifest).exposures().allHaveOwner();
 * assertThat(manifest).model("orders").isIncremental().hasUniqueKey("order_id");
 * assertThat(manifest).model("stg_orders").blastRadius().hasSizeLessThan(50);
 * assertThat(manifest).modelsInPath("models/staging").allHaveBlastRadiusBelow(50);
 * assertThat(manifest).selection("tag:daily+").ofType(ResourceType.MODEL).hasSizeLessThan(200);
 * }</pre>
 *
 * <p>Models are looked up among the manifest's enabled {@code nodes}; disabled ones are not models here. Selection
 * and blast radius build the manifest's selector engine once per manifest instance (the last one used is kept).
 * Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class ManifestAssert extends AbstractAssert<ManifestAssert, Manifest> {

  /**
   * Creates an assertion about a manifest; prefer {@link TriageAssertions#assertThat(Manifest)}.
   *
   * @param actual the manifest, may be null (every check then fails with "Expecting actual not to be null")
   */
  public ManifestAssert(Manifest actual) {
    super(actual, ManifestAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
  }

  /**
   * Checks that the manifest has a model with this name.
   *
   * @param name the model name, such as {@code orders}
   * @return this
   * @throws AssertionError if there is none
   */
  public ManifestAssert hasModel(String name) {
    findModel(name);
    return myself;
  }

  /**
   * Checks that the manifest has no model with this name.
   *
   * @param name the model name
   * @return this
   * @throws AssertionError naming the model if there is one
   */
  public ManifestAssert doesNotHaveModel(String name) {
    isNotNull();
    List<Node> found = modelsNamed(name);
    if (!found.isEmpty()) {
      failWithMessage("Expecting the manifest not to have a model named \"%s\" but it has %s", name,
          Describe.ids(found));
    }
    return myself;
  }

  /**
   * Checks the adapter recorded in {@code metadata.adapter_type}.
   *
   * @param adapterType the adapter, such as {@code snowflake}
   * @return this
   * @throws AssertionError if the manifest records another adapter or none
   */
  public ManifestAssert hasAdapterType(String adapterType) {
    isNotNull();
    Optional<String> a = actual.adapterType();
    if (!a.equals(Optional.of(adapterType))) {
      failWithMessage("Expecting the manifest's adapter_type to be \"%s\" but it is %s", adapterType,
          Describe.quotedOrNone(a));
    }
    return myself;
  }

  /**
   * Navigates to the model with this name. For a versioned model it is the latest version.
   *
   * @param name the model name, such as {@code orders}
   * @return assertions about the model
   * @throws AssertionError if there is no such model, or several and none is the latest version
   */
  public NodeAssert model(String name) {
    return new NodeAssert(findModel(name), Optional.of(actual));
  }

  /**
   * Navigates to the resource with this unique id in any collection of the manifest.
   *
   * @param uniqueId the unique id, such as {@code source.shop.raw.orders}
   * @return assertions about the resource
   * @throws AssertionError if there is none
   */
  public NodeAssert node(String uniqueId) {
    isNotNull();
    Optional<Node> node = actual.node(uniqueId);
    if (node.isEmpty()) {
      failWithMessage("Expecting the manifest to have a resource with unique_id \"%s\" but it has none", uniqueId);
    }
    return new NodeAssert(node.orElseThrow(), Optional.of(actual));
  }

  /**
   * Navigates to what {@code dbt ls --select SELECT} lists (dbt's default resource types, indirect selection
   * eager), e.g. {@code assertThat(manifest).selection("tag:daily+").ofType(ResourceType.MODEL)
   * .hasSizeLessThan(200)}. The selector engine is built once per manifest instance and reused.
   *
   * @param select space-separated criteria, as one {@code --select} value, such as {@code tag:daily+}
   * @return assertions about the selection, labelled {@code the selection "tag:daily+"}
   * @throws dev.dbttriage.select.SelectorSyntaxException if the expression is malformed
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public SelectionAssert selection(String select) {
    isNotNull();
    Selection s = Engines.of(actual).select(SelectionRequest.builder().command(SelectionCommand.LS)
        .select(select).build());
    return new SelectionAssert(s, "the selection \"" + select + "\"");
  }

  /**
   * Navigates to what a full request selects ({@code --exclude}, {@code --selector}, resource types, the
   * command), e.g. {@code selection(SelectionRequest.builder().select("tag:daily+").exclude("tag:manual")
   * .command(SelectionCommand.BUILD).build())}.
   *
   * @param request the request
   * @return assertions about the selection, labelled with the request's select values
   * @throws dev.dbttriage.select.SelectorSyntaxException if the request is malformed or names an unknown selector
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  public SelectionAssert selection(SelectionRequest request) {
    isNotNull();
    Selection s = Engines.of(actual).select(request);
    String what = request.selector().map(n -> "--selector " + n).orElse(String.join(" ", request.select()));
    if (!request.exclude().isEmpty()) {
      what += " --exclude " + String.join(" ", request.exclude());
    }
    return new SelectionAssert(s, "the selection \"" + what + "\"");
  }

  /**
   * Navigates to every enabled model.
   *
   * @return assertions about the models, labelled "models"
   */
  public NodesAssert models() {
    return models("models", n -> true);
  }

  /**
   * Navigates to the models materialized {@code incremental}.
   *
   * @return assertions about them, labelled "incremental models"
   */
  public NodesAssert incrementalModels() {
    return models("incremental models", n -> n.config().isIncremental());
  }

  /**
   * Navigates to the models with this materialization.
   *
   * @param materialization such as {@code view}
   * @return assertions about them, labelled {@code models materialized "view"}
   */
  public NodesAssert modelsMaterializedAs(String materialization) {
    return models("models materialized \"" + materialization + "\"",
        n -> n.materialized().equals(Optional.of(materialization)));
  }

  /**
   * Navigates to the models whose file lies under a folder (whole segments of {@code original_file_path}).
   *
   * @param folder the folder relative to the project root, such as {@code models/marts}
   * @return assertions about them, labelled {@code models under "models/marts"}
   */
  public NodesAssert modelsInPath(String folder) {
    return models("models under \"" + folder + "\"", n -> Describe.isUnder(n.originalFilePath(), folder));
  }

  /**
   * Navigates to the models carrying a tag.
   *
   * @param tag the tag
   * @return assertions about them, labelled {@code models tagged "nightly"}
   */
  public NodesAssert modelsTagged(String tag) {
    return models("models tagged \"" + tag + "\"", n -> NodeAssert.tags(n).contains(tag));
  }

  /**
   * Navigates to the exposures.
   *
   * @return assertions about them, labelled "exposures"
   */
  public NodesAssert exposures() {
    isNotNull();
    return new NodesAssert(new ArrayList<>(actual.exposures().values()), "exposures", Optional.of(actual));
  }

  /**
   * Navigates to the groups.
   *
   * @return assertions about them, labelled "groups"
   */
  public NodesAssert groups() {
    isNotNull();
    return new NodesAssert(new ArrayList<>(actual.groups().values()), "groups", Optional.of(actual));
  }

  private NodesAssert models(String label, Predicate<Node> filter) {
    isNotNull();
    return new NodesAssert(enabledModels(filter), label, Optional.of(actual));
  }

  private List<Node> enabledModels(Predicate<Node> filter) {
    List<Node> selected = new ArrayList<>();
    for (Node n : actual.models()) {
      if (n.enabled() && filter.test(n)) {
        selected.add(n);
      }
    }
    return selected;
  }

  private List<Node> modelsNamed(String name) {
    List<Node> found = new ArrayList<>();
    for (Node n : actual.models()) {
      if (n.enabled() && n.name().equals(name)) {
        found.add(n);
      }
    }
    return found;
  }

  private Node findModel(String name) {
    isNotNull();
    List<Node> found = modelsNamed(name);
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      failWithMessage("Expecting the manifest to have a model named \"%s\" but it has none among its %d models",
          name, enabledModels(n -> true).size());
    }
    for (Node n : found) {
      if (n.version().isPresent() && n.version().equals(n.latestVersion())) {
        return n;
      }
    }
    failWithMessage("Expecting the manifest to have one model named \"%s\" but it has %d and none is the latest"
        + " version: %s", name, found.size(), Describe.ids(found));
    throw new AssertionError("unreachable");
  }
}
