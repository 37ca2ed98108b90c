package dev.dbttriage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Secrets in the shapes they take in real error messages (redaction-shapes.tsv: 69 shapes, 36 redacted before
 * issue 14), ordinary dbt messages left alone, and hostile text redacted in linear time.
 */
class RedactionShapesTest {
  record Shape(String name, String input, String secret) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Shape> shapes() throws IOException {
    List<Shape> shapes = new ArrayList<>();
    try (InputStream in = RedactionShapesTest.class.getResourceAsStream("redaction-shapes.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        shapes.add(new Shape(f[0], unescape(f[1]), f[2]));
      }
    }
    return shapes;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        b.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void theTableHoldsAtLeast48Shapes() throws IOException {
    assertThat(shapes()).hasSizeGreaterThanOrEqualTo(48);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void secretIsMaskedAndTheRestOfTheMessageKept(Shape shape) {
    String out = Redaction.redact(shape.input());
    assertThat(out).doesNotContain(shape.secret());
    assertThat(out.contains(Redaction.MASK) || out.contains("[REDACTED PRIVATE KEY]")).as(out).isTrue();
    // what surrounds the secret still reads: the first word before it survives
    String before = shape.input().substring(0, shape.input().indexOf(shape.secret()));
    int space = before.indexOf(' ');
    if (space > 0 && !shape.name().startsWith("pem")) {
      assertThat(out).startsWith(before.substring(0, space + 1));
    }
  }

  @Test
  void exactRenderingsOfSomeShapes() {
    assertThat(Redaction.redact("postgres://dbt:pa/ss@w#rd@db.internal:5432/x"))
        .isEqualTo("postgres://dbt:***@db.internal:5432/x");
    assertThat(Redaction.redact("jdbc:oracle:thin:scott/T1ger@//dbhost:1521/ORCL"))
        .isEqualTo("jdbc:oracle:thin:scott/***@//dbhost:1521/ORCL");
    assertThat(Redaction.redact("{\\\"user\\\": \\\"dbt\\\", \\\"password\\\": \\\"x1\\\"}"))
        .isEqualTo("{\\\"user\\\": \\\"dbt\\\", \\\"password\\\": \\\"***\\\"}");
    assertThat(Redaction.redact("CREATE ROLE r WITH LOGIN PASSWORD 'abc'"))
        .isEqualTo("CREATE ROLE r WITH LOGIN PASSWORD '***'");
    assertThat(Redaction.redact("dbt --password hunter2 --target dev")).isEqualTo("dbt --password *** --target dev");
    assertThat(Redaction.redact("DBT_ENV_SECRET_PG=abc DBT_TARGET=dev")).isEqualTo("DBT_ENV_SECRET_PG=*** DBT_TARGET=dev");
  }

  @Test
  void dbtWordsThatResembleSecretsAreKept() {
    for (String msg : List.of(
        "Done. PASS=10 WARN=0 ERROR=1 SKIP=0 TOTAL=11",
        "390144 (08004): JWT token is invalid.",
        "Password authentication failed for user \"dbt\"",
        "Compilation Error: expected token ':', got '}'",
        "unique_key: order_id",
        "models/staging/stg_orders.sql",
        "DB::QueryAnalysisPass::run(std::shared_ptr<DB::IQueryTreeNode>&)",
        "    credentials: Credentials = cls._credentials_from_profile(",
        "'password' is a required property",
        "invocation_id: 8c1b4e2a-1f7d-4c0e-9b7a-2f1d3c4b5a69",
        "checksum: 5b0c3f3e2a1d4c5b6a7988f7e6d5c4b3a2918070")) {
      assertThat(Redaction.redact(msg)).as(msg).isEqualTo(msg);
    }
  }

  static Path devErrors() {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set: dev_errors.jsonl not checked");
    Path file = Path.of(shared, "fixtures", "errors", "dev_errors.jsonl");
    assumeTrue(Files.isRegularFile(file), "corpus absent: " + file);
    return file;
  }

  @Test
  void noOrdinaryDbtErrorMessageChanges() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> changed = new ArrayList<>();
    int total = 0;
    try (Stream<String> lines = Files.lines(devErrors())) {
      for (String line : (Iterable<String>) lines::iterator) {
        JsonNode row = json.readTree(line);
        String text = row.get("text").asText();
        total++;
        if (!Redaction.redact(text).equals(text)) {
          changed.add(row.get("id").asText());
        }
      }
    }
    assertThat(total).isEqualTo(114);
    assertThat(changed).isEmpty();
  }

  @Test
  void hostileTextIsRedactedInLinearTime() {
    List<String> hostile = List.of(
        "password=\"".repeat(100_000),
        "a=\"".repeat(200_000),
        "x".repeat(1_000_000),
        "aB3".repeat(300_000),
        "://a:".repeat(100_000),
        "eyJ".repeat(200_000),
        "--password ".repeat(50_000),
        "-----BEGIN PRIVATE KEY-----".repeat(20_000),
        "IDENTIFIED BY '".repeat(50_000));
    for (String text : hostile) {
      long start = System.nanoTime();
      Redaction.redact(text);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as(text.substring(0, 12)).isLessThan(3_000);
    }
  }
}
