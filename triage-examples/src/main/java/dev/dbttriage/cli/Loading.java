package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.TargetArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads artifacts for the commands, with a progress note on stderr when a terminal waits on a big file. */
final class Loading {
  private static final long BIG = 32L << 20;

  private Loading() {}

  static TargetArtifacts readTarget(Path dir, CliContext context) {
    Path manifest = dir.resolve("manifest.json");
    try {
      if (Files.isRegularFile(manifest) && Files.size(manifest) > BIG) {
        context.progress(String.format(Locale.ROOT, "reading %s (%.0f MB)...", manifest,
            Files.size(manifest) / 1048576.0));
      }
    } catch (IOException e) {
      // The reader reports the problem with the file itself.
    }
    return Artifacts.readTarget(dir);
  }
}
