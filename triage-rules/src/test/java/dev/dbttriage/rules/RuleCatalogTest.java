package dev.dbttriage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.rules.internal.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/rules.md in step with the rule descriptors. Regenerate with
 * {@code mvn -o -q -pl triage-rules -am test -Dtest=RuleCatalogTest -Ddbttriage.updateDocs=true}.
 */
class RuleCatalogTest {
  @Test
  void docsRulesMdIsUpToDate() throws IOException {
    Path docs = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs")
        .resolve("rules.md");
    String expected = RuleCatalog.markdown();
    if (Boolean.getBoolean("dbttriage.updateDocs")) {
      Files.createDirectories(docs.getParent());
      Files.writeString(docs, expected, StandardCharsets.UTF_8);
    }
    assertThat(docs).exists();
    assertThat(Files.readString(docs, StandardCharsets.UTF_8))
        .as("docs/rules.md is stale: regenerate it with "
            + "mvn -o -q -pl triage-rules -am test -Dtest=RuleCatalogTest -Ddbttriage.updateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void everyBuiltInRuleHasACatalogueEntryAndAnchor() {
    String md = RuleCatalog.markdown();
    assertThat(BuiltInRules.all()).allSatisfy(r -> {
      assertThat(md).contains("### `" + r.descriptor().id() + "`");
      String anchor = r.descriptor().docLink().orElseThrow().getFragment();
      assertThat(md).contains("<a id=\"" + anchor + "\"></a>");
    });
  }
}
