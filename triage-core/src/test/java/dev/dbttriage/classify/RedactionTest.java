package dev.dbttriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void urlCredentials() {
    assertThat(Redaction.redact("postgresql://dbt_user:p%40ss@host:5432/db"))
        .isEqualTo("postgresql://dbt_user:***@host:5432/db");
  }

  @Test
  void keyValuePairsQuotedAndBare() {
    assertThat(Redaction.redact("{'user': 'dbt', 'password': 'hunter2', 'port': 5432}"))
        .isEqualTo("{'user': 'dbt', 'password': '***', 'port': 5432}");
    assertThat(Redaction.redact("Driver={ODBC Driver 17};UID=dbt;PWD=Hunter2;Server=x"))
        .isEqualTo("Driver={ODBC Driver 17};UID=dbt;PWD=***;Server=x");
    assertThat(Redaction.redact("token: dapi0123456789abcdef0123456789abcdef"))
        .isEqualTo("token: ***");
    assertThat(Redaction.redact("\"client_secret\": \"abc123\"")).isEqualTo("\"client_secret\": \"***\"");
  }

  @Test
  void bearerTokensAwsKeysJwtsAndPrivateKeys() {
    assertThat(Redaction.redact("Authorization: Bearer abcdefghijklmnop.qrs")).doesNotContain("abcdefghijklmnop");
    assertThat(Redaction.redact("key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("key *** used");
    assertThat(Redaction.redact("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk end"))
        .isEqualTo("jwt *** end");
    assertThat(Redaction.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
        .isEqualTo("[REDACTED PRIVATE KEY]");
  }

  @Test
  void ordinaryErrorTextIsKept() {
    String msg = "390144 (08004): JWT token is invalid. Password authentication failed for user \"dbt\"";
    assertThat(Redaction.redact(msg)).isEqualTo(msg);
    assertThat(Redaction.redact(null)).isEmpty();
  }
}
