package dev.dbttriage.select;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a selectors file as dbt does (PyYAML's safe loader, YAML 1.1): the whole of YAML, anchors, aliases and
 * {@code <<} merge keys, block scalars ({@code |}, {@code >}), flow collections, multiple documents' first
 * one. Scalars resolve as PyYAML resolves them ({@code yes/no/on/off} are booleans); timestamps stay text, as
 * dbt turns them back into text. A text starting with {@code {} is read as JSON. The parser is SnakeYAML, the
 * engine under jackson-dataformat-yaml: Jackson's own YAML parser hands an alias back as the anchor's name
 * instead of the value it refers to, which dbt never does. Stateless and thread-safe.
 *
 * <p>Errors never echo the file's text: they name the file, the line and column, and what the parser expected.
 */
final class MiniYaml {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MiniYaml() {}

  static Object parse(String text, String name) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      try {
        return JSON.readValue(trimmed, Object.class);
      } catch (IOException e) {
        throw new SelectorSyntaxException(name + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), name, -1);
      }
    }
    Object value;
    try {
      value = yaml().load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new SelectorSyntaxException(name + ": " + where + "not valid YAML: " + problem, name, -1);
    } catch (YAMLException e) {
      // Limits (aliases, nesting, size) and constructor refusals (unknown tags) end here.
      throw new SelectorSyntaxException(name + ": not valid YAML: " + firstLine(e.getMessage()), name, -1);
    }
    if (value == null) {
      return new LinkedHashMap<String, Object>();
    }
    return normalize(value);
  }

  /** A new loader: {@code Yaml} instances are not thread-safe, and building one is cheap next to parsing. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // PyYAML keeps the last value, and so does dbt
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(100);
    return new Yaml(new DbtConstructor(options));
  }

  /** PyYAML's safe loader, except that timestamps stay as the text dbt would print back. */
  private static final class DbtConstructor extends SafeConstructor {
    DbtConstructor(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }

  /** Mappings get text keys (as selector files use), in file order; sequences become lists. */
  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normalize(o));
      }
      return out;
    }
    return value;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
