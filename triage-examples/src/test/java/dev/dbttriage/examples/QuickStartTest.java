package dev.dbttriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's first screen true: its example output is what QuickStart prints on the sample. */
class QuickStartTest {
  @Test
  void theReadmeShowsTheLiteralOutputOfTheQuickStart() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.print(SampleRun.load(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);

    String readme = Files.readString(Path.of("..", "README.md"));
    String marker = "QuickStart.java)):\n\n```\n";
    int start = readme.indexOf(marker) + marker.length();
    String shown = readme.substring(start, readme.indexOf("```", start));

    assertThat(printed).startsWith("MODERATE stripe.payments ");
    assertThat(shown).isEqualTo(printed.replace(System.lineSeparator(), "\n"));
  }
}
