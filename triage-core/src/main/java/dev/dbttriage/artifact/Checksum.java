package dev.dbttriage.artifact;

import java.util.Objects;

/**
 * A node's {@code checksum}: the hash algorithm name ({@code sha256}, {@code path} for big seeds, {@code none})
 * and its value.
 *
 * @param name the algorithm name
 * @param checksum the hash value
 */
public record Checksum(String name, String checksum) {
  /** The checksum of a node that has none. */
  public static final Checksum NONE = new Checksum("none", "");

  /** Validates the components. */
  public Checksum {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(checksum, "checksum");
  }
}
