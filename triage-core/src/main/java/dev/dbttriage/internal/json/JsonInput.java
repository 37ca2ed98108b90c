package dev.dbttriage.internal.json;

import dev.dbttriage.internal.collect.FrozenMap;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.ArtifactWarning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming cursor over one JSON artifact: typed reads that fail with an {@link ArtifactException} naming the
 * file, JSON path, line, column and schema version, plus the interning that keeps a loaded manifest small.
 * Not thread-safe; one instance per read.
 */
public final class JsonInput implements AutoCloseable {
  /**
   * Compiled SQL of one node can be many megabytes, so strings may be long; nesting stays bounded so that a
   * hostile file cannot exhaust the stack.
   */
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxStringLength(200_000_000)
          .maxNestingDepth(500)
          .maxNumberLength(1_000)
          .build();

  private static JsonFactory factory() {
    // A factory per read: its symbol table holds every field name of the file (node ids, column names), and a
    // shared factory would keep the last big manifest's names alive.
    return JsonFactory.builder()
          .streamReadConstraints(CONSTRAINTS)
          // No symbol table: a manifest has tens of thousands of distinct field names (node ids as keys of
          // nodes, parent_map, child_map; column names), and Jackson grows its long-name area 16 KB at a time,
          // copying it each time: that was 70% of a load's allocation. Without canonical names Jackson reads
          // through a UTF-8 Reader, which measured 15% less CPU overall. Ids are shared by this class's own table.
          // (Canonical names through a Reader, i.e. Jackson's char-level table, halved allocation but made cold
          // `inspect` runs slower: median 5.9 s vs 5.1 s wall on the 10k-model manifest.)
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .build();
  }

  private static final int INTERN_MAX = 512;
  private static final int CACHE_BITS = 14;

  private final JsonParser parser;
  private final String file;
  private final List<ArtifactWarning> warnings = new ArrayList<>();
  /**
   * A lossy, direct-mapped string cache: small enough to stay in the CPU cache, so that the many repeated
   * short values (materializations, package names, config values, test names) share one instance without the
   * cost of a growing hash table.
   */
  private final String[] strings = new String[1 << CACHE_BITS];
  /** The characters of {@link #strings}, compared with a vectorised {@code Arrays.equals}. */
  private final char[][] stringChars = new char[1 << CACHE_BITS][];
  private final HashMap<Object, Object> values = new HashMap<>(4096);
  private final HashMap<List<String>, List<String>> lists = new HashMap<>(4096);
  /** Open-addressing table of unique ids, looked up from the parser's buffer without allocating. */
  private String[] ids = new String[1 << 15];
  private char[][] idChars = new char[1 << 15][];
  private int idCount;
  private final HashMap<String, java.util.Optional<String>> optionals = new HashMap<>(1024);
  private String schemaLabel;
  private JsonLocation rootLocation;

  private JsonInput(JsonParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /**
   * Opens a cursor on a stream, which the cursor does not close.
   *
   * @param in the stream
   * @param file the name to use in messages
   * @return the cursor, positioned before the first token
   * @throws ArtifactException if the stream cannot be read
   */
  public static JsonInput open(InputStream in, String file) {
    try {
      JsonParser p = factory().createParser(in);
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new JsonInput(p, file);
    } catch (IOException e) {
      throw new ArtifactException(file + ": cannot read: " + e.getMessage(), file, null, -1, -1, e);
    }
  }

  /** Returns the name used in messages. */
  public String file() {
    return file;
  }

  /** Sets the schema label ({@code v12}, {@code pre-v1}) that error messages mention. */
  public void schemaLabel(String label) {
    this.schemaLabel = label;
  }

  /** Returns the warnings collected so far. */
  public List<ArtifactWarning> warnings() {
    return warnings;
  }

  /** Records a warning at the current position. */
  public void warn(String message) {
    warnings.add(new ArtifactWarning(file, path(), message));
  }

  /** Records a warning at a given path. */
  public void warn(String jsonPath, String message) {
    warnings.add(new ArtifactWarning(file, jsonPath, message));
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Nothing useful to do: the artifact was already read or already failed.
    }
  }

  // ---------------------------------------------------------------- tokens

  /** Advances to the next token; returns null at the end of input. */
  public JsonToken next() {
    try {
      return parser.nextToken();
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** Returns the current token. */
  public JsonToken token() {
    return parser.currentToken();
  }

  /**
   * Moves to the root value, which must be an object.
   *
   * @throws ArtifactException when the input is empty or its root is not an object
   */
  public void startRootObject() {
    JsonToken t = next();
    if (t == null) {
      throw new ArtifactException(file + ": expected an object at $ but found an empty file", file, "$", -1, -1,
          null);
    }
    if (t != JsonToken.START_OBJECT) {
      throw typeError("an object");
    }
    rootLocation = parser.currentTokenLocation();
  }

  /**
   * Returns an exception saying the root object is not the expected artifact.
   *
   * @param expected what was expected, such as {@code a dbt manifest}
   * @param found what the object lacks, such as {@code an object without nodes}
   */
  public ArtifactException notArtifact(String expected, String found) {
    return at("expected " + expected, "$", "but found " + found, rootLocation, null);
  }

  /** Returns the location of the current token, to report a problem found later at this value. */
  public JsonLocation location() {
    return parser.currentTokenLocation();
  }

  /** Returns an exception {@code FILE: WHAT at PATH DETAIL (line, column; schema)} at a remembered location. */
  public ArtifactException errorAt(String what, String path, String detail, JsonLocation location) {
    return at(what, path, detail, location, null);
  }

  /**
   * Advances to the next field of the current object and onto its value.
   *
   * @return the field name, or null at the end of the object
   */
  public String nextField() {
    try {
      String name = parser.nextFieldName();
      if (name == null) {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.END_OBJECT) {
          throw typeError("a field name");
        }
        return null;
      }
      parser.nextToken();
      return name;
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** Skips the current value, including an object's or array's children. */
  public void skip() {
    try {
      parser.skipChildren();
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** Returns true when the current value is JSON null. */
  public boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /**
   * Checks that the current value is an object; returns false (having consumed nothing) when it is null.
   *
   * @throws ArtifactException when it is neither
   */
  public boolean object() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw typeError("an object");
  }

  /**
   * Checks that the current value is an array; returns false when it is null.
   *
   * @throws ArtifactException when it is neither
   */
  public boolean array() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw typeError("an array");
  }

  /** Advances to the next array element; returns false at the end of the array. */
  public boolean nextElement() {
    JsonToken t = next();
    if (t == null) {
      throw ioFailure(new JsonEOFException(parser, null, "Unexpected end-of-input in array"));
    }
    return t != JsonToken.END_ARRAY;
  }

  // ---------------------------------------------------------------- scalars

  /**
   * Reads the current value as a string.
   *
   * @return the string, or null for JSON null
   * @throws ArtifactException for any other type
   */
  public String string() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return internText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string");
  }

  /** Reads the current value as a string without caching it (for large code bodies). */
  public String longString() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = text();
      return s.isEmpty() ? "" : s;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string");
  }

  /** Reads a string or a number, numbers as written ({@code 2}, {@code 2.0}); null for JSON null. */
  public String stringOrNumber() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return internText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string or a number");
  }

  /** Reads a boolean; null for JSON null. */
  public Boolean bool() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a boolean");
  }

  /** Reads a number; null for JSON null. */
  public Double number() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return parser.getDoubleValue();
      } catch (IOException e) {
        throw ioFailure(e);
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a number");
  }

  /** Reads an array of strings (null elements dropped) shared with an equal earlier list; null is empty. */
  public List<String> stringList() {
    List<String> list = uniqueStringList();
    if (list.isEmpty()) {
      return list;
    }
    List<String> prior = lists.putIfAbsent(list, list);
    return prior != null ? prior : list;
  }

  /** Reads an array of strings (null elements dropped) that is probably unique (an fqn); null is empty. */
  public List<String> uniqueStringList() {
    return strings(false);
  }

  /** Reads an array of strings, null elements dropped, as ids ({@link #idText()}) or interned text. */
  private List<String> strings(boolean ids) {
    if (!array()) {
      return List.of();
    }
    JsonToken t = next();
    if (t == JsonToken.END_ARRAY) {
      return List.of();
    }
    List<String> list = new ArrayList<>(4);
    while (t != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        list.add(ids ? idText() : internText());
      } else if (t != JsonToken.VALUE_NULL) {
        if (t == null) {
          throw ioFailure(new JsonEOFException(parser, null, "Unexpected end-of-input in array"));
        }
        throw typeError("a string");
      }
      t = next();
    }
    return List.copyOf(list);
  }

  // ---------------------------------------------------------------- plain values

  /**
   * Reads an object as an unmodifiable map of plain values, shared with an equal map read earlier from this
   * file (configs repeat across nodes); JSON null is an empty map.
   */
  public Map<String, Object> plainMap() {
    if (!object()) {
      return Map.of();
    }
    Map<String, Object> map = readObjectBody();
    return map.isEmpty() ? map : canonical(map);
  }

  /** Reads an object as an unmodifiable map of plain values that is probably unique (a test's kwargs). */
  public Map<String, Object> uniquePlainMap() {
    if (!object()) {
      return Map.of();
    }
    return readObjectBody();
  }

  /** Reads any value as a plain Java value (map, list, string, number, boolean or null). */
  public Object plainValue() {
    JsonToken t = parser.currentToken();
    if (t == null) {
      throw ioFailure(new JsonEOFException(parser, null, "Unexpected end-of-input"));
    }
    switch (t) {
      case START_OBJECT:
        return readObjectBody();
      case START_ARRAY:
        return readArrayBody();
      case VALUE_STRING:
        return internText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return numberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw typeError("a value");
    }
  }

  private Map<String, Object> readObjectBody() {
    String name = nextField();
    if (name == null) {
      return Map.of();
    }
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    while (name != null) {
      keys.add(intern(name));
      values.add(plainValue());
      name = nextField();
    }
    Map<String, Object> result = FrozenMap.of(keys, values);
    // Small nested maps ({show, node_color}, {enforced, alias_types}) repeat in every config; sharing them is
    // cheap to hash and saves most of a big manifest's map entries.
    return result.size() <= 4 ? canonical(result) : result;
  }

  private List<Object> readArrayBody() {
    if (!nextElement()) {
      return List.of();
    }
    List<Object> list = new ArrayList<>(4);
    do {
      list.add(plainValue());
    } while (nextElement());
    return Collections.unmodifiableList(list);
  }

  private Object numberValue() {
    try {
      switch (parser.getNumberType()) {
        case INT:
          return Integer.valueOf(parser.getIntValue());
        case LONG:
          return Long.valueOf(parser.getLongValue());
        case BIG_INTEGER:
          return parser.getBigIntegerValue();
        default:
          return Double.valueOf(parser.getDoubleValue());
      }
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  // ---------------------------------------------------------------- interning

  /** Returns the canonical instance of a short string, as far as the cache remembers it. */
  public String intern(String s) {
    if (s == null || s.length() > INTERN_MAX) {
      return s;
    }
    if (s.isEmpty()) {
      return "";
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> CACHE_BITS)) & ((1 << CACHE_BITS) - 1);
    String prior = strings[slot];
    if (prior != null && prior.equals(s)) {
      return prior;
    }
    strings[slot] = s;
    stringChars[slot] = s.toCharArray();
    return s;
  }

  /**
   * Returns the canonical instance of a unique id: ids repeat across the file (as map keys, in depends_on, as
   * attached nodes), and sharing one instance each keeps a big manifest's heap small.
   */
  public String id(String s) {
    if (s == null) {
      return null;
    }
    int mask = ids.length - 1;
    int slot = spread(s.hashCode()) & mask;
    for (String e = ids[slot]; e != null; e = ids[slot]) {
      if (e.equals(s)) {
        return e;
      }
      slot = (slot + 1) & mask;
    }
    addId(slot, s, s.toCharArray());
    return s;
  }

  /** Reads the current value as a unique id; null for JSON null. */
  public String idString() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return idText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string");
  }

  private String idText() {
    try {
      char[] buf = parser.getTextCharacters();
      int off = parser.getTextOffset();
      int len = parser.getTextLength();
      int mask = ids.length - 1;
      int slot = spread(hash(buf, off, len)) & mask;
      for (char[] e = idChars[slot]; e != null; e = idChars[slot]) {
        if (Arrays.equals(e, 0, e.length, buf, off, off + len)) {
          return ids[slot];
        }
        slot = (slot + 1) & mask;
      }
      String s = new String(buf, off, len);
      addId(slot, s, Arrays.copyOfRange(buf, off, off + len));
      return s;
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  private void addId(int slot, String s, char[] chars) {
    ids[slot] = s;
    idChars[slot] = chars;
    if (++idCount * 2 > ids.length) {
      String[] old = ids;
      char[][] oldChars = idChars;
      ids = new String[old.length * 2];
      idChars = new char[old.length * 2][];
      int mask = ids.length - 1;
      for (int j = 0; j < old.length; j++) {
        if (old[j] != null) {
          int i = spread(old[j].hashCode()) & mask;
          while (ids[i] != null) {
            i = (i + 1) & mask;
          }
          ids[i] = old[j];
          idChars[i] = oldChars[j];
        }
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The same hash as {@link String#hashCode()} of those characters. */
  private static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + buf[i];
    }
    return h;
  }

  /** Reads the current string token through the lossy cache, allocating only when the cache misses. */
  private String internText() {
    try {
      char[] buf = parser.getTextCharacters();
      int off = parser.getTextOffset();
      int len = parser.getTextLength();
      if (len == 0) {
        return "";
      }
      if (len > INTERN_MAX) {
        return new String(buf, off, len);
      }
      int h = hash(buf, off, len);
      int slot = (h ^ (h >>> CACHE_BITS)) & ((1 << CACHE_BITS) - 1);
      char[] prior = stringChars[slot];
      if (prior != null && Arrays.equals(prior, 0, prior.length, buf, off, off + len)) {
        return strings[slot];
      }
      String s = new String(buf, off, len);
      strings[slot] = s;
      stringChars[slot] = Arrays.copyOfRange(buf, off, off + len);
      return s;
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** Reads an array of unique ids; JSON null is an empty list. */
  public List<String> idList() {
    return strings(true);
  }

  /** Returns a shared {@code Optional} of a repeated string (a schema, a language), empty for null. */
  public java.util.Optional<String> optional(String s) {
    if (s == null) {
      return java.util.Optional.empty();
    }
    java.util.Optional<String> o = optionals.get(s);
    if (o == null) {
      o = java.util.Optional.of(s);
      if (optionals.size() < 100_000) {
        optionals.put(s, o);
      }
    }
    return o;
  }

  /** Reads the current value as a string that is probably unique to its node, without caching it. */
  public String uniqueString() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = text();
      return s.isEmpty() ? "" : s;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string");
  }

  /** Returns the canonical immutable copy of a list of strings. */
  public List<String> canonicalList(List<String> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    List<String> copy = List.copyOf(list);
    List<String> prior = lists.putIfAbsent(copy, copy);
    return prior != null ? prior : copy;
  }

  /** Returns an equal value seen earlier in this file, or this one. */
  @SuppressWarnings("unchecked")
  public <T> T canonical(T value) {
    Object prior = values.putIfAbsent(value, value);
    return prior != null ? (T) prior : value;
  }

  private String text() {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  // ---------------------------------------------------------------- errors

  /** Returns the JSON path of the current value, such as {@code $.nodes['model.a.b'].config}. */
  public String path() {
    JsonStreamContext ctx = parser.getParsingContext();
    JsonToken t = parser.currentToken();
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
      ctx = ctx.getParent();
    }
    return pathOf(ctx);
  }

  static String pathOf(JsonStreamContext ctx) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(c);
    }
    StringBuilder sb = new StringBuilder("$");
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.size() > 16 && i == chain.size() - 11) {
        sb.append("..."); // a pathologically deep value: keep the message one readable line
        i = 4;
      }
      JsonStreamContext c = chain.get(i);
      if (c.inArray()) {
        sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
      } else if (c.getCurrentName() != null) {
        appendName(sb, c.getCurrentName());
      }
    }
    return sb.toString();
  }

  /** Appends {@code .name} for identifier-like names and {@code ['name']} otherwise. */
  public static void appendName(StringBuilder sb, String name) {
    boolean simple = !name.isEmpty() && !Character.isDigit(name.charAt(0));
    for (int i = 0; i < name.length() && simple; i++) {
      char c = name.charAt(i);
      simple = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (simple) {
      sb.append('.').append(name);
    } else {
      sb.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
    }
  }

  /** Describes the current token: {@code an object}, {@code a string}, ... */
  public String found() {
    JsonToken t = parser.currentToken();
    if (t == null) {
      return "the end of the file";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      case END_OBJECT:
        return "the end of an object";
      case END_ARRAY:
        return "the end of an array";
      default:
        return "a field name";
    }
  }

  /** Returns an exception saying what was expected at the current value and what was found instead. */
  public ArtifactException typeError(String expected) {
    return error("expected " + expected, "but found " + found());
  }

  /**
   * Returns an exception {@code FILE: WHAT at PATH DETAIL (line L, column C; schema vN)} at the current value.
   */
  public ArtifactException error(String what, String detail) {
    String path = path();
    JsonLocation loc = parser.currentTokenLocation();
    return at(what, path, detail, loc, null);
  }

  private ArtifactException at(String what, String path, String detail, JsonLocation loc, Throwable cause) {
    long line = loc == null ? -1 : loc.getLineNr();
    long column = loc == null ? -1 : loc.getColumnNr();
    StringBuilder sb = new StringBuilder(file).append(": ").append(what).append(" at ").append(path);
    if (detail != null && !detail.isEmpty()) {
      sb.append(' ').append(detail);
    }
    sb.append(" (");
    if (line > 0) {
      sb.append("line ").append(line).append(", column ").append(column);
    }
    if (schemaLabel != null) {
      sb.append(line > 0 ? "; " : "").append("schema ").append(schemaLabel);
    }
    sb.append(')');
    String msg = sb.toString().replace(" ()", "");
    return new ArtifactException(msg, file, path, line, column, cause);
  }

  private ArtifactException ioFailure(IOException e) {
    if (e instanceof JsonEOFException) {
      JsonLocation loc = parser.currentLocation();
      return at("unexpected end of file", pathOf(parser.getParsingContext()), "", loc, e);
    }
    if (e instanceof StreamConstraintsException) {
      JsonLocation loc = parser.currentLocation();
      return withDetail(at("input exceeds a reader limit", pathOf(parser.getParsingContext()), "", loc, e),
          firstLine(e.getMessage()));
    }
    if (e instanceof JsonParseException pe) {
      JsonLocation loc = pe.getLocation() != null ? pe.getLocation() : parser.currentLocation();
      ArtifactException base = at("invalid JSON", pathOf(parser.getParsingContext()), "", loc, e);
      return withDetail(base, firstLine(pe.getOriginalMessage()));
    }
    return new ArtifactException(file + ": cannot read: " + firstLine(e.getMessage()), file, null, -1, -1, e);
  }

  private static ArtifactException withDetail(ArtifactException e, String detail) {
    return new ArtifactException(e.getMessage() + ": " + detail, e.file(), e.jsonPath().orElse(null), e.line(),
        e.column(), e.getCause());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
