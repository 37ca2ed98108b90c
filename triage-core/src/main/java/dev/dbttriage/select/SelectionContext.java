package dev.dbttriage.select;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state some selector methods compare against: the {@code --state} manifest ({@code state:}), its
 * {@code run_results.json} ({@code result:}), its and the current {@code sources.json} ({@code source_status:}),
 * the YAML selector definitions ({@code --selector}, {@code selector:}) and the root project name. Everything is
 * optional; a method that needs a missing part fails with dbt's message. Instances are immutable and
 * thread-safe.
 */
public final class SelectionContext {
  /** A context with nothing in it. */
  public static final SelectionContext EMPTY = builder().build();

  private final Manifest previousManifest;
  private final RunResults previousRunResults;
  private final SourceFreshness previousSources;
  private final SourceFreshness currentSources;
  private final Map<String, Object> selectors;
  private final String rootProjectName;

  private SelectionContext(Builder b) {
    this.previousManifest = b.previousManifest;
    this.previousRunResults = b.previousRunResults;
    this.previousSources = b.previousSources;
    this.currentSources = b.currentSources;
    this.selectors = b.selectors;
    this.rootProjectName = b.rootProjectName;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the comparison manifest ({@code --state DIR/manifest.json}), if any. */
  public Optional<Manifest> previousManifest() {
    return Optional.ofNullable(previousManifest);
  }

  /** Returns the previous run results ({@code --state DIR/run_results.json}), if any. */
  public Optional<RunResults> previousRunResults() {
    return Optional.ofNullable(previousRunResults);
  }

  /** Returns the previous freshness results ({@code --state DIR/sources.json}), if any. */
  public Optional<SourceFreshness> previousSources() {
    return Optional.ofNullable(previousSources);
  }

  /** Returns the current freshness results ({@code target/sources.json}), if any. */
  public Optional<SourceFreshness> currentSources() {
    return Optional.ofNullable(currentSources);
  }

  /**
   * Returns the selector definitions given explicitly (a parsed selectors file), if any; when absent the
   * manifest's own {@code selectors} map is used.
   */
  public Optional<Map<String, Object>> selectors() {
    return Optional.ofNullable(selectors);
  }

  /** Returns the root project name override, if any (else the manifest's {@code metadata.project_name}). */
  public Optional<String> rootProjectName() {
    return Optional.ofNullable(rootProjectName);
  }

  /** Builds a {@link SelectionContext}. Not thread-safe. */
  public static final class Builder {
    private Manifest previousManifest;
    private RunResults previousRunResults;
    private SourceFreshness previousSources;
    private SourceFreshness currentSources;
    private Map<String, Object> selectors;
    private String rootProjectName;

    private Builder() {}

    /** Sets the comparison manifest, or null. */
    public Builder previousManifest(Manifest value) {
      this.previousManifest = value;
      return this;
    }

    /** Sets the previous run results, or null. */
    public Builder previousRunResults(RunResults value) {
      this.previousRunResults = value;
      return this;
    }

    /** Sets the previous freshness results, or null. */
    public Builder previousSources(SourceFreshness value) {
      this.previousSources = value;
      return this;
    }

    /** Sets the current freshness results, or null. */
    public Builder currentSources(SourceFreshness value) {
      this.currentSources = value;
      return this;
    }

    /**
     * Sets the selector definitions: either the parsed file ({@code {"selectors": [{"name": ..., "definition":
     * ...}, ...]}}) or a manifest-style map from name to {@code {"definition": ..., "default": ...}}.
     */
    public Builder selectors(Map<String, Object> value) {
      this.selectors = value == null ? null : SelectorDefinitions.normalize(value);
      return this;
    }

    /**
     * Reads a selectors file: YAML (the subset documented in {@code docs/selectors.md}) or JSON.
     *
     * @param file the file
     * @return this builder
     * @throws SelectorSyntaxException if the file is not a valid selectors file
     * @throws UncheckedIOException if it cannot be read
     */
    public Builder selectorsFile(Path file) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": " + e.getMessage(), e);
      }
      return selectorsText(text, file.getFileName().toString());
    }

    /**
     * Parses selectors file text (YAML subset or JSON).
     *
     * @param text the text
     * @param name the name used in messages
     * @return this builder
     * @throws SelectorSyntaxException if the text is not a valid selectors file
     */
    public Builder selectorsText(String text, String name) {
      Object parsed = MiniYaml.parse(Objects.requireNonNull(text, "text"), name);
      if (!(parsed instanceof Map<?, ?>)) {
        throw new SelectorSyntaxException(name + ": expected a mapping with a 'selectors' list", name, -1);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) parsed;
      return selectors(map);
    }

    /** Sets the root project name, or null to use the manifest's. */
    public Builder rootProjectName(String value) {
      this.rootProjectName = value;
      return this;
    }

    /** Returns the context. */
    public SelectionContext build() {
      return new SelectionContext(this);
    }
  }
}
