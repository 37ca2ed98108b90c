package dev.dbttriage.select;

/**
 * One fqn selector value compiled once per criterion ({@code is_selected_node}), matched against the per-vertex
 * flattened fqns the engine precomputes. Immutable and thread-safe.
 */
final class FqnPattern {
  private final String selector;
  private final String[] parts;
  private final String versionTail;
  private final int slurp;
  private final String tailPattern;

  FqnPattern(String selector) {
    this.selector = selector;
    this.parts = selector.split("\\.", -1);
    this.versionTail = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1]
        : parts[parts.length - 1];
    int s = -1;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('[') >= 0 || p.indexOf(']') >= 0) {
        s = i;
        break;
      }
    }
    this.slurp = s;
    this.tailPattern = s < 0 ? null : String.join(".", java.util.Arrays.copyOfRange(parts, s, parts.length));
  }

  String selector() {
    return selector;
  }

  String versionTail() {
    return versionTail;
  }

  String firstPart() {
    return parts[0];
  }

  boolean startsWithWildcard() {
    return slurp == 0;
  }

  /**
   * Matches a vertex.
   *
   * @param fqn the unflattened fqn
   * @param flat the flattened fqn
   * @param pkgParts how many flattened parts the package contributes
   * @param versioned whether the vertex is a versioned model
   */
  boolean matches(java.util.List<String> fqn, String[] flat, int pkgParts, boolean versioned) {
    int n = fqn.size();
    if (n == 0) {
      return false;
    }
    if (exact(fqn, n, versioned) || prefix(flat, 0)) {
      return true;
    }
    return n > 1 && (exact(fqn, n, versioned) || prefix(flat, pkgParts));
  }

  private boolean exact(java.util.List<String> fqn, int n, boolean versioned) {
    if (versioned) {
      if (n < 2) {
        return false;
      }
      String name = fqn.get(n - 2);
      if (name.equals(selector)) {
        return true;
      }
      String v = fqn.get(n - 1);
      return versionTail.length() == name.length() + 1 + v.length() && versionTail.startsWith(name)
          && versionTail.charAt(name.length()) == '_' && versionTail.endsWith(v);
    }
    return fqn.get(n - 1).equals(selector);
  }

  private boolean prefix(String[] flat, int off) {
    int n = flat.length - off;
    if (n < parts.length) {
      return false;
    }
    int upto = slurp < 0 ? parts.length : slurp;
    for (int i = 0; i < upto; i++) {
      if (!flat[off + i].equals(parts[i])) {
        return false;
      }
    }
    if (slurp < 0) {
      return true;
    }
    if (tailPattern.equals("*")) {
      return true;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = off + slurp; i < flat.length; i++) {
      if (i > off + slurp) {
        sb.append('.');
      }
      sb.append(flat[i]);
    }
    return Fnmatch.matches(sb.toString(), tailPattern);
  }
}
