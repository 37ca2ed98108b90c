package dev.dbttriage.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code fnmatch.fnmatch} on POSIX (case-sensitive): {@code * ? [seq] [!seq]}. Thread-safe.
 *
 * <p>A pattern is compiled to a list of one-character matchers and stars, and matched with the greedy
 * algorithm that backtracks only to the last star: at most (name length x pattern length) steps, however many
 * stars a hostile pattern holds (a backtracking regular expression takes exponential time on {@code *a*a*a*b}).
 */
final class Fnmatch {
  private static final ConcurrentHashMap<String, Glob> CACHE = new ConcurrentHashMap<>();

  private Fnmatch() {}

  static boolean hasWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String name, String pattern) {
    if (!hasWildcard(pattern)) {
      return name.equals(pattern);
    }
    if (pattern.equals("*")) {
      return true;
    }
    return compile(pattern).matches(name);
  }

  static Glob compile(String pattern) {
    Glob g = CACHE.get(pattern);
    if (g == null) {
      g = translate(pattern);
      if (CACHE.size() > 10_000) {
        CACHE.clear();
      }
      CACHE.put(pattern, g);
    }
    return g;
  }

  /** One position of a compiled pattern: a star, any character, a literal code point or a character class. */
  private static final class Atom {
    static final Atom STAR = new Atom(-1, null);
    static final Atom ANY = new Atom(-2, null);

    final int literal;
    final Pattern charClass;

    Atom(int literal, Pattern charClass) {
      this.literal = literal;
      this.charClass = charClass;
    }

    boolean matches(int codePoint) {
      if (this == ANY) {
        return true;
      }
      if (charClass != null) {
        return charClass.matcher(new String(Character.toChars(codePoint))).matches();
      }
      return literal == codePoint;
    }
  }

  /** A compiled pattern. */
  static final class Glob {
    private final Atom[] atoms;
    private final boolean never;

    private Glob(Atom[] atoms, boolean never) {
      this.atoms = atoms;
      this.never = never;
    }

    boolean matches(String name) {
      if (never) {
        return false;
      }
      int[] s = name.codePoints().toArray();
      int si = 0;
      int pi = 0;
      int starP = -1;
      int starS = 0;
      while (si < s.length) {
        if (pi < atoms.length && atoms[pi] == Atom.STAR) {
          starP = pi++;
          starS = si;
        } else if (pi < atoms.length && atoms[pi].matches(s[si])) {
          pi++;
          si++;
        } else if (starP >= 0) {
          pi = starP + 1;
          si = ++starS;
        } else {
          return false;
        }
      }
      while (pi < atoms.length && atoms[pi] == Atom.STAR) {
        pi++;
      }
      return pi == atoms.length;
    }
  }

  private static Glob translate(String pat) {
    List<Atom> atoms = new ArrayList<>();
    int i = 0;
    int n = pat.length();
    while (i < n) {
      int c = pat.codePointAt(i);
      i += Character.charCount(c);
      if (c == '*') {
        while (i < n && pat.charAt(i) == '*') {
          i++;
        }
        atoms.add(Atom.STAR);
      } else if (c == '?') {
        atoms.add(Atom.ANY);
      } else if (c == '[') {
        int j = i;
        if (j < n && pat.charAt(j) == '!') {
          j++;
        }
        if (j < n && pat.charAt(j) == ']') {
          j++;
        }
        while (j < n && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          atoms.add(new Atom('[', null));
        } else {
          String stuff = pat.substring(i, j);
          i = j + 1;
          String cls = charClass(stuff);
          if (cls.equals("[]")) {
            return new Glob(new Atom[0], true);
          } else if (cls.equals("[^]")) {
            atoms.add(Atom.ANY);
          } else {
            try {
              atoms.add(new Atom(-3, Pattern.compile(cls, Pattern.DOTALL)));
            } catch (PatternSyntaxException e) {
              return new Glob(new Atom[0], true); // Python raises re.error; the selector matches nothing
            }
          }
        }
      } else {
        atoms.add(new Atom(c, null));
      }
    }
    return new Glob(atoms.toArray(new Atom[0]), false);
  }

  /** Translates the inside of {@code [...]} to a Java character class, as Python's {@code translate} does. */
  private static String charClass(String stuff) {
    StringBuilder cls = new StringBuilder("[");
    int k = 0;
    boolean negated = stuff.startsWith("!");
    if (negated) {
      cls.append('^');
      k = 1;
    }
    for (; k < stuff.length(); k++) {
      char s = stuff.charAt(k);
      if (s == '-' && k > (negated ? 1 : 0) && k < stuff.length() - 1) {
        cls.append('-');
      } else if (Character.isLetterOrDigit(s)) {
        cls.append(s);
      } else {
        cls.append('\\').append(s);
      }
    }
    return cls.append(']').toString();
  }
}
