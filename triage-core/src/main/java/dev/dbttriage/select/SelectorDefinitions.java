package dev.dbttriage.select;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Normalises selector definitions to a map from name to {@code {definition, default}}. Stateless. */
final class SelectorDefinitions {
  private SelectorDefinitions() {}

  static Map<String, Object> normalize(Map<String, Object> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    Object list = raw.get("selectors");
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String)) {
          throw new SelectorSyntaxException("selectors.yml: each selector needs a 'name' and a 'definition'",
              String.valueOf(item), -1);
        }
        if (!m.containsKey("definition")) {
          throw new SelectorSyntaxException("selectors.yml: selector '" + m.get("name") + "' has no 'definition'",
              String.valueOf(m.get("name")), -1);
        }
        out.put((String) m.get("name"), entry(m));
      }
    } else if (raw.containsKey("selectors") && list == null) {
      return Collections.unmodifiableMap(out);
    } else {
      for (Map.Entry<String, Object> e : raw.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> m && m.containsKey("definition")) {
          out.put(e.getKey(), entry(m));
        }
      }
    }
    String firstDefault = null;
    for (Map.Entry<String, Object> e : out.entrySet()) {
      if (isDefault(e.getValue())) {
        if (firstDefault != null) {
          throw new SelectorSyntaxException("Found multiple selectors with `default: true`:" + firstDefault + " and "
              + e.getKey(), e.getKey(), -1);
        }
        firstDefault = e.getKey();
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Object> entry(Map<?, ?> m) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("definition", m.get("definition"));
    Object d = m.get("default");
    e.put("default", d instanceof Boolean b ? b : d instanceof String s && s.strip().equalsIgnoreCase("true"));
    return Collections.unmodifiableMap(e);
  }

  static boolean isDefault(Object entry) {
    return entry instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("default"));
  }

  static Optional<String> defaultName(Map<String, Object> defs) {
    for (Map.Entry<String, Object> e : defs.entrySet()) {
      if (isDefault(e.getValue())) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }
}
