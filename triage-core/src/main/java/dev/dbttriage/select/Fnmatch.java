package dev.dbttriage.select;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python's {@code fnmatch.fnmatch} on POSIX (case-sensitive): {@code * ? [seq] [!seq]}. Thread-safe. */
final class Fnmatch {
  private static final Pattern NEVER = Pattern.compile("(?!)");
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

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
    return compile(pattern).matcher(name).matches();
  }

  static Pattern compile(String pattern) {
    Pattern p = CACHE.get(pattern);
    if (p == null) {
      p = translate(pattern);
      if (CACHE.size() > 10_000) {
        CACHE.clear();
      }
      CACHE.put(pattern, p);
    }
    return p;
  }

  private static Pattern translate(String pat) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = pat.length();
    while (i < n) {
      char c = pat.charAt(i++);
      if (c == '*') {
        while (i < n && pat.charAt(i) == '*') {
          i++;
        }
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
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
          re.append("\\[");
        } else {
          String stuff = pat.substring(i, j);
          i = j + 1;
          StringBuilder cls = new StringBuilder("[");
          int k = 0;
          if (stuff.startsWith("!")) {
            cls.append('^');
            k = 1;
          }
          for (; k < stuff.length(); k++) {
            char s = stuff.charAt(k);
            if (s == '-' && k > (stuff.startsWith("!") ? 1 : 0) && k < stuff.length() - 1) {
              cls.append('-');
            } else if (Character.isLetterOrDigit(s)) {
              cls.append(s);
            } else {
              cls.append('\\').append(s);
            }
          }
          cls.append(']');
          if (cls.toString().equals("[]")) {
            re.append("(?!)");
          } else if (cls.toString().equals("[^]")) {
            re.append('.');
          } else {
            re.append(cls);
          }
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(re.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      return NEVER;
    }
  }
}
