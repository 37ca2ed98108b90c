package dev.dbttriage.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which versioned parts of dbt's selection syntax a {@code --select}/{@code --exclude} token uses: selector
 * methods, the {@code @} and depth operators, intersections. Stateless and thread-safe.
 */
final class SelectionSyntax {
  private static final Pattern LEADING_DEPTH = Pattern.compile("^(\\d+)\\+");
  private static final Pattern TRAILING_DEPTH = Pattern.compile("\\+(\\d+)$");
  private static final Pattern METHOD = Pattern.compile("^([a-z_]+)(?:\\.[^:]*)?:");

  private static final Map<String, DbtFeature> METHODS = Map.ofEntries(
      Map.entry("tag", DbtFeature.METHOD_TAG),
      Map.entry("source", DbtFeature.METHOD_SOURCE),
      Map.entry("path", DbtFeature.METHOD_PATH),
      Map.entry("config", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("test_type", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("test_name", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("package", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("fqn", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("exposure", DbtFeature.METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE),
      Map.entry("state", DbtFeature.METHOD_STATE),
      Map.entry("result", DbtFeature.METHOD_RESULT),
      Map.entry("resource_type", DbtFeature.METHOD_RESOURCE_TYPE),
      Map.entry("metric", DbtFeature.METHOD_RESOURCE_TYPE),
      Map.entry("source_status", DbtFeature.METHOD_SOURCE_STATUS),
      Map.entry("file", DbtFeature.METHOD_FILE),
      Map.entry("group", DbtFeature.METHOD_GROUP_ACCESS_VERSION),
      Map.entry("access", DbtFeature.METHOD_GROUP_ACCESS_VERSION),
      Map.entry("version", DbtFeature.METHOD_GROUP_ACCESS_VERSION),
      Map.entry("semantic_model", DbtFeature.METHOD_SEMANTIC_MODEL),
      Map.entry("saved_query", DbtFeature.METHOD_SAVED_QUERY),
      Map.entry("unit_test", DbtFeature.UNIT_TESTS));

  private SelectionSyntax() {}

  /** Returns the versioned features {@code token} uses; plain names and {@code +} need none. */
  static Set<DbtFeature> features(String token) {
    Set<DbtFeature> out = EnumSet.noneOf(DbtFeature.class);
    String[] parts = token.split(",", -1);
    if (parts.length > 1) {
      out.add(DbtFeature.INTERSECTION);
    }
    for (String part : parts) {
      String p = part;
      if (p.startsWith("@")) {
        out.add(DbtFeature.AT_OPERATOR);
        p = p.substring(1);
      }
      Matcher lead = LEADING_DEPTH.matcher(p);
      if (lead.find()) {
        out.add(DbtFeature.DEPTH_OPERATOR);
        p = p.substring(lead.end());
      } else if (p.startsWith("+")) {
        p = p.substring(1);
      }
      Matcher trail = TRAILING_DEPTH.matcher(p);
      if (trail.find()) {
        out.add(DbtFeature.DEPTH_OPERATOR);
      }
      Matcher method = METHOD.matcher(p.toLowerCase(Locale.ROOT));
      if (method.find()) {
        DbtFeature f = METHODS.get(method.group(1));
        if (f != null) {
          out.add(f);
        }
      }
    }
    return out;
  }
}
