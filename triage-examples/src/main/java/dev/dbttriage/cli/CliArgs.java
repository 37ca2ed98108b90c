package dev.dbttriage.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small parser for the subcommands' flags: single-value flags ({@code --format json} or
 * {@code --format=json}), multi-value flags that take every following argument up to the next one starting
 * with {@code -} (as dbt's own multi options do; repeating the flag appends), boolean flags, and positionals.
 */
final class CliArgs {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positionals = new ArrayList<>();

  private CliArgs() {}

  /**
   * Parses arguments.
   *
   * @param args the arguments after the subcommand
   * @param single flags that take one value
   * @param multi flags that take several values
   * @param booleans flags that take none
   * @return the parsed arguments
   * @throws CliUsageException on an unknown flag or a missing value
   */
  static CliArgs parse(List<String> args, Set<String> single, Set<String> multi, Set<String> booleans) {
    CliArgs parsed = new CliArgs();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("-") && arg.length() > 1) {
        String flag = arg;
        String inline = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          flag = arg.substring(0, eq);
          inline = arg.substring(eq + 1);
        }
        if (booleans.contains(flag)) {
          parsed.values.computeIfAbsent(flag, k -> new ArrayList<>()).add("true");
        } else if (single.contains(flag)) {
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.size()) {
              throw new CliUsageException(flag + " needs a value");
            }
            value = args.get(++i);
          }
          parsed.values.put(flag, new ArrayList<>(List.of(value)));
        } else if (multi.contains(flag)) {
          List<String> list = parsed.values.computeIfAbsent(flag, k -> new ArrayList<>());
          if (inline != null) {
            list.add(inline);
          }
          while (i + 1 < args.size() && !(args.get(i + 1).startsWith("-") && args.get(i + 1).length() > 1)) {
            list.add(args.get(++i));
          }
          if (list.isEmpty()) {
            throw new CliUsageException(flag + " needs at least one value");
          }
        } else {
          List<String> known = new ArrayList<>();
          known.addAll(single);
          known.addAll(multi);
          known.addAll(booleans);
          known.sort(null);
          throw new CliUsageException("unknown option '" + arg + "'; valid options: " + String.join(", ", known));
        }
      } else {
        parsed.positionals.add(arg);
      }
    }
    return parsed;
  }

  Optional<String> value(String flag) {
    List<String> v = values.get(flag);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  List<String> values(String flag) {
    return values.getOrDefault(flag, List.of());
  }

  boolean has(String flag) {
    return values.containsKey(flag);
  }

  List<String> positionals() {
    return positionals;
  }

  int intValue(String flag, int defaultValue) {
    Optional<String> v = value(flag);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliUsageException(flag + " expects a non-negative integer but got '" + v.get() + "'");
    }
  }
}
