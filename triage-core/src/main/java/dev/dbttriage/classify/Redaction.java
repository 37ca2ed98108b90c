package dev.dbttriage.classify;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from message text before it is shown or stored, by the shapes secrets take rather than by a
 * list of examples:
 *
 * <ul>
 *   <li>key-value pairs whose key names a secret ({@code password}, {@code PWD}, {@code api_key},
 *       {@code AccountKey}, {@code sig}, {@code client_secret}, {@code DBT_ENV_SECRET_*}, any upper-case
 *       environment name with {@code SECRET}, {@code PASSWORD}, {@code TOKEN} or {@code KEY}...), quoted, bare,
 *       in JSON (also escaped JSON), connection strings, URLs' query strings, command-line flags
 *       ({@code --password X}) and SQL ({@code PASSWORD '...'}, {@code IDENTIFIED BY ...});
 *   <li>credentials in URLs and DSNs ({@code scheme://user:pa/ss@word@host}, Oracle thin {@code user/pass@host}),
 *       and webhook URLs (Slack, Discord, Teams...);
 *   <li>values after an auth word ({@code Bearer}, {@code Basic}, {@code Token}, {@code Digest});
 *   <li>vendor tokens by their prefix (dbt Cloud {@code dbtc_}/{@code dbtu_}, Stripe, Slack, GitHub, GitLab,
 *       AWS key ids, Google, Databricks, npm, PyPI, Hugging Face, SendGrid...), JSON web tokens;
 *   <li>PEM blocks of private keys;
 *   <li>long high-entropy strings that mix upper case, lower case and digits, as keys and tokens do.
 * </ul>
 *
 * <p>Each secret becomes {@code ***} (a private key becomes {@code [REDACTED PRIVATE KEY]}); the rest of the text
 * is kept so the message still reads. Every pattern is linear in the text (bounded repetitions, no nested
 * quantifiers), so a hostile message cannot make redaction slow. Stateless and thread-safe.
 */
public final class Redaction {
  /** What a redacted secret is replaced with. */
  public static final String MASK = "***";

  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----[\\s\\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY"
          + "( BLOCK)?-----|\\z)");
  /** Oracle thin JDBC and sqlplus-style {@code user/password@host}. */
  private static final Pattern ORACLE = Pattern.compile(
      "(?i)((?:jdbc:oracle:[a-z0-9]{1,10}:|\\b(?:sqlplus|connect|conn)\\s{1,3})(?:\\[?[A-Za-z0-9_$#\\]\\[]"
          + "{1,128})/)([^\\s@'\"]{1,256})@");
  private static final Pattern WEBHOOK = Pattern.compile(
      "(?i)(https?://(?:hooks\\.slack\\.com/(?:services|workflows|triggers)/|[a-z0-9.-]{1,100}/(?:api/)?"
          + "webhook(?:s|b2)?/))[^\\s'\"<>]{4,1024}");
  private static final Pattern AUTH_WORD = Pattern.compile(
      "(?i)\\b(bearer|basic|token|digest|negotiate|sharedkey|sas)\\s{1,3}([A-Za-z0-9._~+/=:-]{8,4096}+)");
  /**
   * The key and separator of {@code key = value}, {@code "key": "value"}, escaped JSON, {@code key=>value}, and
   * of flags {@code --password X}, {@code --api-token=X}. The value is parsed by hand, and only after a key that
   * names a secret, so that no text is scanned twice.
   */
  private static final Pattern PAIR = Pattern.compile(
      "(?<![\\w.$-])([A-Za-z_$][\\w.$-]{0,80}+)(\\\\?[\"'])?(\\s{0,3}(?::=|=>|=|:(?!:))\\s{0,3})"
          + "|(?<![\\w-])(--?[A-Za-z][\\w-]{0,60}+)(\\s{1,3}|=)");
  /** A bare value that is code ({@code cls._credentials_from_profile(}), as in a Python traceback. */
  private static final Pattern CODE_CALL = Pattern.compile("[A-Za-z_][\\w.]{0,200}+\\(.*");
  /** SQL: {@code PASSWORD 'x'}, {@code SECRET 'x'}, {@code IDENTIFIED BY x}, {@code IDENTIFIED BY VALUES 'x'}. */
  private static final Pattern SQL_SECRET = Pattern.compile(
      "(?i)\\b(password|passwd|secret|(?:encrypted\\s{1,3})?password\\s{1,3}=?"
          + "|identified\\s{1,3}(?:with\\s{1,3}\\w{1,64}\\s{1,3})?by(?:\\s{1,3}values)?)"
          + "(\\s{1,3})('[^'\\r\\n]{0,4096}'|\"[^\"\\r\\n]{0,4096}\"|(?<=by\\s{1,3})"
          + "(?!values\\b)[^\\s;,)'\"]{1,4096})");
  private static final Pattern VENDOR_TOKEN = Pattern.compile(
      "\\b(?:dbtc_|dbtu_|sk_live_|sk_test_|rk_live_|rk_test_|whsec_|xox[abposrce]-|xapp-|gh[pousr]_|github_pat_"
          + "|glpat-|gldt-|glptt-|npm_|pypi-|hf_|shpat_|shpss_|shpca_|sq0atp-|sq0csp-|SG\\.|dapi|dkea|ATATT|"
          + "xai-|sk-(?:proj-|ant-|svcacct-)?|AccountKey=|lin_api_|pat-na1-|sl\\.|EAA[A-Za-z0-9]{4})"
          + "[A-Za-z0-9_\\-.=+/]{16,4096}+");
  private static final Pattern FIXED_TOKENS = Pattern.compile(
      "\\b(?:(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[0-9A-Z]{16}\\b"
          + "|eyJ[A-Za-z0-9_-]{5,4096}+\\.[A-Za-z0-9_-]{5,4096}+\\.[A-Za-z0-9_-]{0,4096}+"
          + "|AIza[0-9A-Za-z_-]{35}|ya29\\.[A-Za-z0-9_-]{20,4096}+)");
  /** Candidate runs for the entropy test: long strings of key and token characters. */
  private static final Pattern LONG_RUN = Pattern.compile("(?<![\\w+/=-])[A-Za-z0-9+/_=-]{32,}+");

  private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "pw", "passcode", "passphrase", "secret",
      "secrets", "token", "apikey", "credential", "credentials", "authorization", "signature", "sig", "sas",
      "privatekey", "accountkey", "secretkey", "accesskey", "clientsecret", "authtoken", "accesstoken",
      "refreshtoken", "idtoken", "sessiontoken", "sessionkey", "masterkey", "encryptionkey", "signingkey",
      "authkey", "pat", "pass", "keyfile", "keyfilejson", "sastoken", "connectionstring", "dsn");
  /** Words that name a secret wherever they occur in a key ({@code PGPASSWORD}, {@code DBT_ENV_SECRET_X}). */
  private static final List<String> STRONG_WORDS = List.of("password", "passwd", "passphrase", "secret",
      "credential", "apikey", "privatekey", "accountkey", "secretkey", "accesskey", "authtoken", "accesstoken",
      "sessiontoken", "refreshtoken", "clientsecret", "sastoken");
  /** Words that end a key naming a secret when joined with the previous segment ({@code api_key}). */
  private static final Set<String> KEY_SUFFIX_WORDS = Set.of("api", "private", "account", "secret", "access",
      "client", "auth", "session", "master", "encryption", "signing", "sas", "service", "app", "ssh", "storage");

  private Redaction() {}

  /**
   * Returns {@code text} with every recognised secret masked.
   *
   * @param text the text, may be null (treated as empty)
   * @return the redacted text, never null
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = text;
    if (s.contains("-----BEGIN")) {
      s = PRIVATE_KEY.matcher(s).replaceAll("[REDACTED PRIVATE KEY]");
    }
    if (s.contains("://")) {
      s = urlCredentials(s);
      s = replace(WEBHOOK, s, m -> m.group(1) + MASK);
    }
    s = replace(ORACLE, s, m -> m.group(1) + MASK + "@");
    s = replace(AUTH_WORD, s, m -> authValue(m.group(1), m.group(2)) ? m.group(1) + " " + MASK : m.group());
    s = pairs(s);
    s = replace(SQL_SECRET, s, m -> m.group(1) + m.group(2) + quoteLike(m.group(3)));
    s = VENDOR_TOKEN.matcher(s).replaceAll(MASK);
    s = FIXED_TOKENS.matcher(s).replaceAll(MASK);
    s = replace(LONG_RUN, s, m -> highEntropy(m.group()) ? MASK : m.group());
    return s;
  }

  /**
   * Masks {@code ://user:password@}: the password runs to the last {@code @} of the URL, so it may hold '/', '@'
   * and '#'. Scanned by hand, each URL at most 800 characters, so that the work stays linear.
   */
  private static String urlCredentials(String s) {
    StringBuilder out = null;
    int copied = 0;
    int i = s.indexOf("://");
    while (i >= 0) {
      int userStart = i + 3;
      int limit = Math.min(s.length(), userStart + 800);
      int runEnd = userStart;
      while (runEnd < limit && " \t\r\n'\"<>".indexOf(s.charAt(runEnd)) < 0) {
        runEnd++;
      }
      int colon = -1;
      for (int k = userStart; k < runEnd && k - userStart <= 256; k++) {
        char c = s.charAt(k);
        if (c == ':') {
          colon = k;
          break;
        }
        if (c == '/' || c == '@') {
          break;
        }
      }
      int at = -1;
      for (int k = runEnd - 1; colon >= 0 && k > colon + 1; k--) {
        if (s.charAt(k) == '@') {
          at = k;
          break;
        }
      }
      if (at > 0 && !s.startsWith(MASK, colon + 1)) {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, colon + 1).append(MASK);
        copied = at;
        i = s.indexOf("://", at);
      } else {
        i = s.indexOf("://", userStart);
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  private static String replace(Pattern p, String s, Function<MatchResult, String> f) {
    return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
  }

  /**
   * Masks the values of every pair whose key names a secret. A pair that is not a secret gives back its value
   * to the scan, so that {@code env: {DBT_ENV_SECRET_X: 'v'}} still finds the inner pair.
   */
  private static String pairs(String s) {
    Matcher m = PAIR.matcher(s);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < s.length() && m.find(from)) {
      boolean flag = m.group(4) != null;
      String key = flag ? stripDashes(m.group(4)) : m.group(1);
      int start = m.end();
      int end = valueEnd(s, start, flag);
      if (end < 0 || !secretPair(key, s.substring(start, end))) {
        from = m.end();
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, start).append(quoteLike(s.substring(start, end)));
      copied = end;
      from = end;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /**
   * Returns where the value starting at {@code i} ends: a quoted string (plain, {@code b'...'} or escaped JSON)
   * on one line, else a bare run up to a delimiter; -1 if there is none.
   */
  private static int valueEnd(String s, int i, boolean flag) {
    int n = s.length();
    if (i >= n) {
      return -1;
    }
    if (s.startsWith("\\\"", i)) {
      int close = s.indexOf("\\\"", i + 2);
      return close > 0 && close - i <= 4096 && !newline(s, i, close) ? close + 2 : -1;
    }
    int q = i;
    if ((s.charAt(q) == 'b' || s.charAt(q) == 'B') && q + 1 < n
        && (s.charAt(q + 1) == '\'' || s.charAt(q + 1) == '"')) {
      q++;
    }
    char c = s.charAt(q);
    if (c == '"' || c == '\'') {
      int close = s.indexOf(c, q + 1);
      return close > 0 && close - q <= 4096 && !newline(s, q, close) ? close + 1 : -1;
    }
    if (flag && c == '-') {
      return -1;
    }
    if (s.regionMatches(true, i, "bearer ", 0, 7) || s.regionMatches(true, i, "basic ", 0, 6)
        || s.regionMatches(true, i, "token ", 0, 6) || s.regionMatches(true, i, "digest ", 0, 7)) {
      return -1; // the auth-word rule masks what follows
    }
    int j = i;
    while (j < n && j - i < 4096 && " \t\r\n\"',;&}])<>|".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    return j > i ? j : -1;
  }

  private static boolean newline(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Tells whether a pair's value is a secret to mask. */
  private static boolean secretPair(String key, String value) {
    String v = unquote(value);
    boolean secret = isSecretKey(key)
        // a bare "key" (a URL's ?key=, a config's key:) names a secret only when its value looks like one
        || (key.equalsIgnoreCase("key") && highEntropy(v));
    return secret && !value.equals(MASK) && !isLiteral(v) && !v.equalsIgnoreCase(key)
        && !(value.equals(v) && CODE_CALL.matcher(v).matches());
  }

  /** Keeps a value's quotes (plain or escaped) around the mask. */
  private static String quoteLike(String value) {
    if (value.length() >= 3 && (value.charAt(0) == 'b' || value.charAt(0) == 'B')
        && (value.charAt(1) == '"' || value.charAt(1) == '\'')) {
      return value.charAt(0) + quoteLike(value.substring(1));
    }
    if (value.startsWith("\\\"")) {
      return "\\\"" + MASK + "\\\"";
    }
    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      return value.charAt(0) + MASK + value.charAt(0);
    }
    return MASK;
  }

  private static String unquote(String value) {
    if (value.startsWith("\\\"") && value.length() >= 4) {
      return value.substring(2, value.length() - 2);
    }
    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** JSON and YAML literals and empty values carry no secret; masking them would only hide the shape. */
  private static boolean isLiteral(String v) {
    return v.isEmpty() || v.equals("null") || v.equals("None") || v.equals("true") || v.equals("false")
        || v.equals("{") || v.equals("[") || v.startsWith("*") || v.startsWith("<") || v.startsWith("{{")
        || v.startsWith("$") || v.equals("Field") || v.equals("required");
  }

  /**
   * Tells whether a key names a secret: one of its words (split at {@code _ - .} and case changes) is a secret
   * word, or two adjacent words make one ({@code api_key}, {@code AccountKey}), or it is an upper-case
   * environment name with {@code KEY} in it. {@code PASS} alone is dbt's pass count, not a password.
   */
  static boolean isSecretKey(String key) {
    StringBuilder letters = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = Character.toLowerCase(key.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        letters.append(c);
      }
    }
    String joined = letters.toString();
    for (String strong : STRONG_WORDS) {
      if (joined.contains(strong)) {
        return true;
      }
    }
    String[] words = words(key);
    if (words.length == 0) {
      return false;
    }
    boolean env = key.equals(key.toUpperCase(Locale.ROOT)) && key.indexOf('_') > 0;
    String prev = null;
    for (String w : words) {
      if (SECRET_WORDS.contains(w) && !(w.equals("pass") && !passSuffix(key, words))
          && !(w.equals("pat") && !env) && !(w.equals("dsn") && words.length > 1)) {
        return true;
      }
      if (w.equals("key") && (env || (prev != null && KEY_SUFFIX_WORDS.contains(prev)))) {
        return true;
      }
      if (prev != null && SECRET_WORDS.contains(prev + w) && !(prev + w).equals("pat")) {
        return true;
      }
      prev = w;
    }
    return false;
  }

  /** {@code DB_PASS}, {@code pg-pass}: "pass" as the last word after a separator; not {@code PASS} or {@code QueryPass}. */
  private static boolean passSuffix(String key, String[] words) {
    String lower = key.toLowerCase(Locale.ROOT);
    return words.length > 1 && (lower.endsWith("_pass") || lower.endsWith("-pass") || lower.endsWith(".pass"));
  }

  private static String[] words(String key) {
    StringBuilder sb = new StringBuilder(key.length() + 8);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_' || c == '-' || c == '.' || c == '$') {
        sb.append(' ');
      } else {
        if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
      }
    }
    List<String> words = new java.util.ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= sb.length(); i++) {
      boolean space = i == sb.length() || sb.charAt(i) == ' ';
      if (space && start >= 0) {
        words.add(sb.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words.toArray(new String[0]);
  }

  private static String stripDashes(String flag) {
    int i = 0;
    while (i < flag.length() && flag.charAt(i) == '-') {
      i++;
    }
    return flag.substring(i);
  }

  /** After an auth word: Bearer and Basic always carry a credential; the others only when it looks like one. */
  private static boolean authValue(String word, String value) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("bearer") || w.equals("basic")) {
      return !value.equals(MASK);
    }
    return value.length() >= 16 && hasLetterAndDigit(value);
  }

  private static boolean hasLetterAndDigit(String v) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  /**
   * A run of at least 16 characters that mixes upper case, lower case and digits with high Shannon entropy, as
   * generated keys and tokens do; file paths, identifiers, hex hashes and UUIDs do not pass.
   */
  static boolean highEntropy(String v) {
    if (v.length() < 16) {
      return false;
    }
    int upper = 0;
    int lower = 0;
    int digit = 0;
    int slash = 0;
    int[] counts = new int[128];
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= 128) {
        return false;
      }
      counts[c]++;
      if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (c >= '0' && c <= '9') {
        digit++;
      } else if (c == '/') {
        slash++;
      }
    }
    if (upper < 2 || lower < 2 || digit < 2 || slash > v.length() / 12) {
      return false;
    }
    double entropy = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / v.length();
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    return entropy >= Math.min(4.0, Math.log(v.length()) / Math.log(2) - 0.5);
  }
}
