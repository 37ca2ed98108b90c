package dev.dbttriage.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from message text before it is shown or stored: passwords and tokens in connection strings
 * and key-value pairs, {@code ://user:password@host} credentials, bearer tokens, AWS access keys, JSON web
 * tokens, Databricks/GitHub/Google/Slack tokens and PEM private keys. Each secret becomes {@code ***} (a
 * private key becomes {@code [REDACTED PRIVATE KEY]}); the rest of the text is kept so the message still
 * reads.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {
  /** What a redacted secret is replaced with. */
  public static final String MASK = "***";

  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|\\z)");
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?<=://)([^:/@\\s'\"]{1,256}):([^@/\\s'\"]{1,512})@");
  private static final String KEYS = "(?:password|passwd|pwd|passphrase|private_key_passphrase|secret|"
      + "client_secret|secret_access_key|aws_secret_access_key|access_key|aws_access_key_id|api_key|apikey|"
      + "api_token|token|access_token|refresh_token|id_token|auth_token|private_key|keyfile_json|sas_token|"
      + "account_key|authorization|credentials?)";
  // 'password': 'abc'  "token": "abc"  password="abc"
  private static final Pattern QUOTED_PAIR = Pattern.compile(
      "(?i)([\"']?\\b[a-z_]{0,30}" + KEYS + "[\"']?\\s{0,3}[:=]\\s{0,3})([\"'])([^\"'\\r\\n]{1,4096})\\2");
  // password=abc; token: abc
  private static final Pattern BARE_PAIR = Pattern.compile(
      "(?i)(\\b[a-z_]{0,30}" + KEYS + "\\s{0,3}[:=]\\s{0,3})(?![\"'\\s*])(?!(?i:bearer|basic)\\s)([^\\s\"',;&}\\]\\)]{1,4096})");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final List<Pattern> TOKENS = List.of(
      Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b"),
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}"),
      Pattern.compile("\\bdapi[0-9a-f]{32}(?:-\\d+)?\\b"),
      Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
      Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{30,}\\b"),
      Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
      Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
      Pattern.compile("\\bya29\\.[A-Za-z0-9_-]{20,}"));

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
    String s = PRIVATE_KEY.matcher(text).replaceAll("[REDACTED PRIVATE KEY]");
    s = URL_CREDENTIALS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
    s = QUOTED_PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + m.group(2) + MASK + m.group(2)));
    s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    s = BARE_PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    for (Pattern p : TOKENS) {
      s = p.matcher(s).replaceAll(MASK);
    }
    return s;
  }
}
