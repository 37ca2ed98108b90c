package dev.dbttriage.command;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbt version as artifacts record it in {@code metadata.dbt_version}: {@code 1.7.14}, {@code 1.12.0b3},
 * {@code 1.10.0-rc1}, {@code 0.21.0}, or a dbt Fusion preview such as {@code 2.0.0-preview.154}.
 *
 * <p>Versions order as dbt's releases do: {@code dev < a (alpha) < b (beta) < preview < rc < final < post} within
 * one {@code major.minor.patch}. The pre-release is kept in a canonical form ({@code beta.2} and {@code b2}
 * are equal), so {@link #equals} agrees with {@link #compareTo}. A version an artifact does not record, or
 * records in a shape this class cannot read (the corpus's {@code pre-0.19} directories carry none), is
 * {@code Optional.empty()} at call sites: see {@link #tryParse}. Instances are immutable and thread-safe.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version ({@code 0} when the string had only two parts)
 * @param preRelease the canonical pre-release or post-release tag ({@code b3}, {@code rc1}, {@code a1},
 *     {@code dev}, {@code preview154}, {@code post1}), empty for a final release
 */
public record DbtVersion(int major, int minor, int patch, String preRelease) implements Comparable<DbtVersion> {

  private static final Pattern SHAPE = Pattern.compile(
      "v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?"
          + "(?:[-_.]?(dev|alpha|a|beta|b|preview|rc|c|post)[-_.]?(\\d{0,9}))?"
          + "(?:[+].*)?");
  private static final Pattern CANONICAL_PRE = Pattern.compile("(?:dev|a|b|preview|rc|post)\\d{0,9}|");

  private static final Comparator<DbtVersion> ORDER = Comparator.comparingInt(DbtVersion::major)
      .thenComparingInt(DbtVersion::minor)
      .thenComparingInt(DbtVersion::patch)
      .thenComparingInt(v -> rank(v.preRelease))
      .thenComparingLong(v -> number(v.preRelease));

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a number is negative or {@code preRelease} is not canonical
   */
  public DbtVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version part in " + major + "." + minor + "." + patch);
    }
    Objects.requireNonNull(preRelease, "preRelease");
    if (!CANONICAL_PRE.matcher(preRelease).matches()) {
      throw new IllegalArgumentException("'" + preRelease + "' is not a canonical pre-release tag; expected "
          + "dev, aN, bN, previewN, rcN or postN");
    }
  }

  /**
   * Returns the final release {@code major.minor.patch}.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   * @return the version
   * @throws IllegalArgumentException if a number is negative
   */
  public static DbtVersion of(int major, int minor, int patch) {
    return new DbtVersion(major, minor, patch, "");
  }

  /**
   * Reads a {@code dbt_version} string.
   *
   * @param text the version as written, such as {@code 1.12.0b3} or {@code 2.0.0-preview.154}
   * @return the version
   * @throws IllegalArgumentException if {@code text} is not a dbt version, naming the text and the expected shape
   * @throws NullPointerException if {@code text} is null
   */
  public static DbtVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
        + "' is not a dbt version; expected major.minor[.patch] with an optional pre-release such as 1.7.14, "
        + "1.12.0b3, 1.10.0-rc1 or 2.0.0-preview.154"));
  }

  /**
   * Reads a {@code dbt_version} string leniently, as found in an artifact.
   *
   * @param text the version as written, may be null
   * @return the version, or empty when {@code text} is null, blank or not a dbt version
   */
  public static Optional<DbtVersion> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      String pre = "";
      if (m.group(4) != null) {
        String kind = switch (m.group(4)) {
          case "alpha" -> "a";
          case "beta" -> "b";
          case "c" -> "rc";
          default -> m.group(4);
        };
        String num = m.group(5) == null ? "" : m.group(5);
        if (!num.isEmpty()) {
          num = Long.toString(Long.parseLong(num));
        }
        pre = kind + num;
      }
      return Optional.of(new DbtVersion(major, minor, patch, pre));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Returns true when this is a pre-release (dev, alpha, beta, preview or release candidate). */
  public boolean isPreRelease() {
    return rank(preRelease) < rank("");
  }

  /**
   * Returns true for dbt Fusion (the Rust engine, versions 2.x), whose artifacts carry {@code 2.0.0-preview.N}.
   */
  public boolean isFusion() {
    return major >= 2;
  }

  /**
   * Returns true when this version's release ({@code major.minor.patch}, pre-release ignored) is at least
   * {@code other}'s. A feature that landed in {@code 1.6.0} lands in the 1.6 betas first, so {@code 1.6.0b1}
   * counts as 1.6 here.
   *
   * @param other the version to compare with
   * @return whether this release is {@code other}'s or later
   * @throws NullPointerException if {@code other} is null
   */
  public boolean releaseAtLeast(DbtVersion other) {
    Objects.requireNonNull(other, "other");
    return of(major, minor, patch).compareTo(of(other.major, other.minor, other.patch)) >= 0;
  }

  /** Orders versions as dbt releases them; see the class description. */
  @Override
  public int compareTo(DbtVersion other) {
    return ORDER.compare(this, other);
  }

  /** Returns the version as dbt writes it: {@code 1.12.0b3}, {@code 1.10.0rc1}, {@code 2.0.0-preview.154}. */
  @Override
  public String toString() {
    String base = major + "." + minor + "." + patch;
    if (preRelease.startsWith("preview")) {
      String n = preRelease.substring("preview".length());
      return base + "-preview" + (n.isEmpty() ? "" : "." + n);
    }
    if (preRelease.startsWith("post") || preRelease.startsWith("dev")) {
      return base + "." + preRelease;
    }
    return base + preRelease;
  }

  private static int rank(String pre) {
    if (pre.isEmpty()) {
      return 5;
    }
    if (pre.startsWith("dev")) {
      return 0;
    }
    if (pre.startsWith("preview")) {
      return 3;
    }
    if (pre.startsWith("post")) {
      return 6;
    }
    if (pre.startsWith("rc")) {
      return 4;
    }
    return pre.charAt(0) == 'a' ? 1 : 2;
  }

  private static long number(String pre) {
    int i = 0;
    while (i < pre.length() && !Character.isDigit(pre.charAt(i))) {
      i++;
    }
    return i == pre.length() ? 0 : Long.parseLong(pre.substring(i));
  }
}
