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
import dev.dbttriage.artifact.WarningCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A streaming cursor over one JSON artifact: typed reads that fail with an {@link ArtifactException} naming the
 * file, JSON path, line, column and schema version. Equal values are shared through an {@link Interner}, which
 * keeps a loaded manifest small. Error messages never quote the file's own text outside string values the
 * reader understood (a token file or {@code /etc/shadow} given by mistake must not be echoed). Not thread-safe;
 * one instance per read.
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

  private final JsonParser parser;
  private final Utf8Reader reader;
  private final String file;
  private final List<ArtifactWarning> warnings = new ArrayList<>();
  private final Interner interner = new Interner();
  private boolean utf8Reported;
  private String schemaLabel;
  private JsonLocation rootLocation;

  private JsonInput(JsonParser parser, Utf8Reader reader, String file) {
    this.parser = parser;
    this.reader = reader;
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
      // Our own decoder instead of Jackson's InputStreamReader: the same replacement of malformed bytes, but
      // counted, so that altered text is reported (INVALID_UTF8) rather than loaded silently.
      Utf8Reader reader = new Utf8Reader(in);
      JsonParser p = factory().createParser(reader);
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new JsonInput(p, reader, file);
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

  /**
   * Returns the warnings collected so far, including one for bytes that were not UTF-8 (call it after the
   * last value was read).
   */
  public List<ArtifactWarning> warnings() {
    if (!utf8Reported && reader.replaced() > 0) {
      utf8Reported = true;
      long n = reader.replaced();
      warnings.add(new ArtifactWarning(file, "$", n + (n == 1 ? " byte sequence that is" : " byte sequences that are")
          + " not UTF-8 replaced by U+FFFD (first at byte offset " + reader.firstBadOffset() + ")",
          WarningCode.INVALID_UTF8));
    }
    return warnings;
  }

  /** Records a warning at the current position. */
  public void warn(WarningCode code, String message) {
    warnings.add(new ArtifactWarning(file, path(), message, code));
  }

  /** Records a warning at a given path. */
  public void warn(WarningCode code, String jsonPath, String message) {
    warnings.add(new ArtifactWarning(file, jsonPath, message, code));
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
    return opens(JsonToken.START_OBJECT, "an object");
  }

  /**
   * Checks that the current value is an array; returns false when it is null.
   *
   * @throws ArtifactException when it is neither
   */
  public boolean array() {
    return opens(JsonToken.START_ARRAY, "an array");
  }

  private boolean opens(JsonToken start, String expected) {
    JsonToken t = parser.currentToken();
    if (t == start) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw typeError(expected);
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
    return stringValue(false);
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
        return finite(parser.getDoubleValue());
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
    return interner.list(list);
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
          return finite(parser.getDoubleValue());
      }
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** Returns the value, or null with a {@link WarningCode#NUMBER_OUT_OF_RANGE} warning when it is infinite. */
  private Double finite(double d) {
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      warn(WarningCode.NUMBER_OUT_OF_RANGE, "a number beyond the range of a double was read as absent");
      return null;
    }
    return d;
  }

  // ---------------------------------------------------------------- interning

  /** Returns the canonical instance of a short string, as far as the cache remembers it. */
  public String intern(String s) {
    return interner.intern(s);
  }

  /**
   * Returns the canonical instance of a unique id: ids repeat across the file (as map keys, in depends_on, as
   * attached nodes), and sharing one instance each keeps a big manifest's heap small.
   */
  public String id(String s) {
    return interner.id(s);
  }

  /** Reads the current value as a unique id; null for JSON null. */
  public String idString() {
    return stringValue(true);
  }

  private String stringValue(boolean id) {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return id ? idText() : internText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError("a string");
  }

  private String idText() {
    return tokenText(true);
  }

  /** Reads the current string token through the lossy cache, allocating only when the cache misses. */
  private String internText() {
    return tokenText(false);
  }

  /** The current string token as a canonical id or through the lossy cache, read from the parser's buffer. */
  private String tokenText(boolean id) {
    try {
      char[] chars = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      int length = parser.getTextLength();
      return id ? interner.id(chars, offset, length) : interner.intern(chars, offset, length);
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
    return interner.optional(s);
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
    return interner.list(List.copyOf(list));
  }

  /** Returns an equal value seen earlier in this file, or this one. */
  public <T> T canonical(T value) {
    return interner.canonical(value);
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
      return withDetail(base, describeSyntaxError(pe.getOriginalMessage()));
    }
    return new ArtifactException(file + ": cannot read: " + firstLine(e.getMessage()), file, null, -1, -1, e);
  }

  /**
   * Rewrites Jackson's syntax message without the input it quotes ({@code Unrecognized token 'ghp_...'}): what
   * kind of problem, and what was expected.
   */
  static String describeSyntaxError(String jacksonMessage) {
    String m = firstLine(jacksonMessage);
    String expected = "";
    int w = m.indexOf("was expecting");
    if (w < 0) {
      w = m.indexOf("expected ");
    }
    if (w >= 0) {
      expected = m.substring(w);
      int paren = expected.indexOf(" (for ");
      if (paren >= 0) {
        expected = expected.substring(0, paren);
      }
      m = m.substring(0, w);
    }
    String what = m;
    int cut = what.length();
    for (char c : new char[] {'\'', '"', '(', ':'}) {
      int i = what.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    what = what.substring(0, cut).trim();
    if (what.isEmpty()) {
      what = "malformed JSON";
    }
    // What Jackson expected is its own vocabulary (token names in quotes), never the input's text, except in
    // the rare "expected a value of type" forms: keep only Jackson's fixed wording.
    expected = expected.replaceAll("'[^']{9,}'", "...").trim();
    return expected.isEmpty() ? what : what + "; " + expected;
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
