package dev.dbttriage.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two warehouse data types as written in YAML {@code data_type} or reported in {@code catalog.json},
 * across the spellings of the common adapters ({@code INT64} and {@code bigint}, {@code TEXT} and
 * {@code character varying}, {@code NUMBER(38,0)} and {@code integer}, ...).
 *
 * <p>A type written without parameters ({@code varchar}) matches the same type with any parameters
 * ({@code varchar(256)}): YAML often leaves them out while the warehouse always reports them. All methods are
 * stateless and thread-safe.
 */
public final class DataTypes {
  /** How a type moved from one spelling to another. */
  public enum Change {
    /** The same type, perhaps spelled differently. */
    SAME,
    /** The same family, now holding every value it held before (a longer string, a wider integer). */
    WIDENED,
    /** The same family, now holding fewer values (a shorter string, a narrower integer, a timestamp to a date). */
    NARROWED,
    /** A different type altogether. */
    CHANGED
  }

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  private static final Map<String, Integer> INTEGER_BYTES = Map.ofEntries(
      Map.entry("tinyint", 1), Map.entry("int1", 1), Map.entry("byteint", 1),
      Map.entry("smallint", 2), Map.entry("int2", 2),
      Map.entry("int", 4), Map.entry("integer", 4), Map.entry("int4", 4), Map.entry("mediumint", 4),
      Map.entry("bigint", 8), Map.entry("int8", 8), Map.entry("int64", 8), Map.entry("long", 8),
      Map.entry("hugeint", 16));
  private static final Map<String, Integer> FLOAT_BYTES = Map.ofEntries(
      Map.entry("real", 4), Map.entry("float4", 4),
      Map.entry("float", 8), Map.entry("float8", 8), Map.entry("double", 8), Map.entry("double precision", 8),
      Map.entry("float64", 8));
  private static final List<String> DECIMALS = List.of("numeric", "decimal", "number", "bignumeric", "bigdecimal");
  private static final List<String> STRINGS = List.of("varchar", "character varying", "text", "string", "char",
      "character", "nvarchar", "nchar", "bpchar", "varchar2", "clob");
  private static final List<String> BOOLEANS = List.of("boolean", "bool");
  private static final List<String> BINARIES = List.of("binary", "varbinary", "bytes", "bytea", "blob");
  private static final List<String> SEMI_STRUCTURED = List.of("json", "jsonb", "variant", "object", "super");

  private DataTypes() {}

  /**
   * Says how {@code after} relates to {@code before}.
   *
   * @param before the type before, such as {@code varchar(100)}
   * @param after the type after, such as {@code varchar(50)}
   * @return {@link Change#SAME}, {@link Change#WIDENED}, {@link Change#NARROWED} or {@link Change#CHANGED}
   * @throws NullPointerException if an argument is null
   */
  public static Change compare(String before, String after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Parsed a = parse(before);
    Parsed b = parse(after);
    if (!a.family.equals(b.family)) {
      if (a.family.equals("integer") && (b.family.equals("decimal") || b.family.equals("float"))) {
        return Change.WIDENED;
      }
      if (a.family.equals("date") && b.family.equals("timestamp")) {
        return Change.WIDENED;
      }
      if (a.family.equals("timestamp") && b.family.equals("date")) {
        return Change.NARROWED;
      }
      if ((a.family.equals("decimal") || a.family.equals("float")) && b.family.equals("integer")) {
        return Change.NARROWED;
      }
      return Change.CHANGED;
    }
    if (!a.variant.equals(b.variant)) {
      return Change.CHANGED;
    }
    if (a.numberAlias != b.numberAlias) {
      // Snowflake spells every integer type NUMBER(38,0): INT and NUMBER(38,0) are one type there.
      return Change.SAME;
    }
    if (a.params.isEmpty() || b.params.isEmpty()) {
      return Change.SAME;
    }
    return compareParams(a.params, b.params);
  }

  /**
   * Returns true when the two spellings name the same type ({@link #compare} is {@link Change#SAME}).
   *
   * @param a one type
   * @param b another type
   * @return whether they are the same
   * @throws NullPointerException if an argument is null
   */
  public static boolean same(String a, String b) {
    return compare(a, b) == Change.SAME;
  }

  private static Change compareParams(List<Integer> a, List<Integer> b) {
    boolean wider = false;
    boolean narrower = false;
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int x = i < a.size() ? a.get(i) : 0;
      int y = i < b.size() ? b.get(i) : 0;
      if (y > x) {
        wider = true;
      } else if (y < x) {
        narrower = true;
      }
    }
    if (narrower) {
      return Change.NARROWED;
    }
    return wider ? Change.WIDENED : Change.SAME;
  }

  /** A type reduced to a family, a variant inside it, and size parameters (bytes, length, precision). */
  private record Parsed(String family, String variant, List<Integer> params, boolean numberAlias) {
    Parsed(String family, String variant, List<Integer> params) {
      this(family, variant, params, false);
    }
  }

  private static Parsed parse(String raw) {
    String t = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    t = t.replace(" not null", "").replace(" null", "").trim();
    String base = t;
    List<Integer> params = new ArrayList<>();
    int open = t.indexOf('(');
    if (open > 0 && t.indexOf(')', open) > open && !t.startsWith("array") && !t.startsWith("struct")) {
      base = (t.substring(0, open) + t.substring(t.indexOf(')', open) + 1)).trim();
      for (String p : t.substring(open + 1, t.indexOf(')', open)).split(",")) {
        try {
          params.add(Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
          params.add(p.trim().equals("max") ? UNBOUNDED : 0);
        }
      }
    }
    base = base.replaceAll("\\s+", " ");
    Integer intBytes = INTEGER_BYTES.get(base);
    if (intBytes != null) {
      return new Parsed("integer", "", List.of(intBytes));
    }
    Integer floatBytes = FLOAT_BYTES.get(base);
    if (floatBytes != null) {
      return new Parsed("float", "", List.of(floatBytes));
    }
    if (DECIMALS.contains(base)) {
      if (params.size() == 2 && params.get(1) == 0 || params.size() == 1) {
        // NUMBER(38,0) is Snowflake's integer: anything with scale 0 and precision >= 19 holds a bigint.
        return new Parsed("integer", "", List.of(params.get(0) >= 19 ? 16 : params.get(0) >= 10 ? 8 : 4), true);
      }
      if (base.equals("number") && params.isEmpty()) {
        return new Parsed("integer", "", List.of(16), true);
      }
      return new Parsed("decimal", "", params);
    }
    if (STRINGS.contains(base)) {
      if (params.isEmpty() && (base.equals("text") || base.equals("string") || base.equals("clob"))) {
        params.add(UNBOUNDED);
      }
      if (params.size() == 1 && params.get(0) >= 16_777_216) {
        params.set(0, UNBOUNDED);
      }
      return new Parsed("string", "", params);
    }
    if (BOOLEANS.contains(base)) {
      return new Parsed("boolean", "", List.of());
    }
    if (BINARIES.contains(base)) {
      return new Parsed("binary", "", params);
    }
    if (SEMI_STRUCTURED.contains(base)) {
      return new Parsed("semi-structured", base.equals("jsonb") ? "json" : base, List.of());
    }
    if (base.equals("date")) {
      return new Parsed("date", "", List.of());
    }
    if (base.startsWith("timestamp") || base.equals("datetime")) {
      return new Parsed("timestamp", timestampVariant(base), params.isEmpty() ? List.of() : List.of());
    }
    return new Parsed(base, "", params);
  }

  private static String timestampVariant(String base) {
    if (base.equals("timestamptz") || base.contains("with time zone") && !base.contains("without")
        || base.equals("timestamp_tz") || base.equals("timestamp_ltz")) {
      return "tz";
    }
    return "ntz";
  }
}
