package dev.dbttriage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.RuleContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Measures the built-in classifier on the labelled dev set ({@code fixtures/errors/dev_errors.jsonl}) with only
 * what the batch CLI gets: the text and the adapter. Prints the accuracy and every miss.
 */
class DevSetAccuracyTest {
  @Test
  void classAndSubclassAccuracyOnTheDevSet() throws IOException {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set");
    Path file = Path.of(shared, "fixtures", "errors", "dev_errors.jsonl");
    assumeTrue(Files.isRegularFile(file), "no dev set at " + file);
    ObjectMapper json = new ObjectMapper();
    int total = 0;
    int classOk = 0;
    int subclassOk = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode r = json.readTree(line);
        String adapter = r.path("adapter").asText("");
        RuleContext ctx = RuleContext.builder().message(r.path("text").asText(""))
            .adapter(adapter.equals("unknown") || adapter.equals("other") ? null : adapter).build();
        Classification c = BuiltInRules.classifier().classify(ctx);
        total++;
        boolean cls = c.errorClass().name().equals(r.path("class").asText());
        boolean sub = c.subclass().name().equals(r.path("subclass").asText());
        classOk += cls ? 1 : 0;
        subclassOk += cls && sub ? 1 : 0;
        if (!cls || !sub) {
          System.out.printf("MISS %s: expected %s/%s got %s/%s by %s%n", r.path("id").asText(),
              r.path("class").asText(), r.path("subclass").asText(), c.errorClass(), c.subclass(),
              c.ruleId().orElse("fallback"));
        }
      }
    }
    double classAccuracy = 100.0 * classOk / total;
    double subclassAccuracy = 100.0 * subclassOk / total;
    System.out.printf("dev set: %d messages, class accuracy %.1f%%, subclass accuracy %.1f%%%n", total,
        classAccuracy, subclassAccuracy);
    assertThat(total).isEqualTo(114);
    assertThat(classAccuracy).isGreaterThanOrEqualTo(95.0);
    assertThat(subclassAccuracy).isGreaterThanOrEqualTo(85.0);
  }
}
