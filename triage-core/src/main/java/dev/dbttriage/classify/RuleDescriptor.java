package dev.dbttriage.classify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A rule's identity and ordering: a stable lowercase dotted id such as
 * {@code databricks.delta-missing-column}, a one-line summary, a priority (higher wins; ties break by id),
 * tags, and a link to its documentation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the stable id: lowercase segments of {@code [a-z0-9_-]} joined by dots, at least two segments
 * @param summary what the rule catches, one line
 * @param priority the rule's rank; when several rules match, the highest priority decides
 * @param tags free-form tags such as the warehouse ({@code snowflake}) or the class ({@code database})
 * @param docLink where the rule is documented, if anywhere
 */
public record RuleDescriptor(String id, String summary, int priority, Set<String> tags, Optional<URI> docLink) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9][a-z0-9_-]*)+");

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the id is not lowercase dotted or the summary is blank or multi-line
   * @throws NullPointerException if a component is null
   */
  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(docLink, "docLink");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id
          + "' is not a lowercase dotted id such as 'databricks.delta-missing-column'");
    }
    if (summary.isBlank() || summary.contains("\n")) {
      throw new IllegalArgumentException("rule '" + id + "' needs a one-line summary");
    }
    tags = Set.copyOf(new TreeSet<>(tags));
  }

  /**
   * Creates a descriptor with no tags and no documentation link.
   *
   * @param id the stable dotted id
   * @param summary the one-line summary
   * @param priority the priority (higher wins)
   * @return the descriptor
   * @throws IllegalArgumentException if the id or summary is malformed
   */
  public static RuleDescriptor of(String id, String summary, int priority) {
    return new RuleDescriptor(id, summary, priority, Set.of(), Optional.empty());
  }

  /**
   * Returns a copy with these tags.
   *
   * @param newTags the tags
   * @return the new descriptor
   */
  public RuleDescriptor withTags(String... newTags) {
    return new RuleDescriptor(id, summary, priority, Set.of(newTags), docLink);
  }

  /**
   * Returns a copy with this documentation link.
   *
   * @param link the link
   * @return the new descriptor
   */
  public RuleDescriptor withDocLink(URI link) {
    return new RuleDescriptor(id, summary, priority, tags, Optional.of(link));
  }
}
