package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
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
    announce(dir.resolve("manifest.json"), context);
    // the out-of-memory message names the biggest artifact of the target
    for (String f : new String[] {"manifest.json", "run_results.json", "sources.json", "catalog.json"}) {
      try {
        Inputs.noteSize(dir.resolve(f).toString(), java.nio.file.Files.size(dir.resolve(f)));
      } catch (java.io.IOException | SecurityException e) {
        // absent or unreadable: the reader says so
      }
    }
    return Artifacts.readTarget(dir);
  }

  static Manifest readManifest(Path file, CliContext context) {
    announce(file, context);
    return Artifacts.readManifest(file);
  }

  /** Says on stderr (terminals only) that a big file is being read, so a long pause is not taken for a hang. */
  static void announce(Path file, CliContext context) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > BIG) {
        context.progress(String.format(Locale.ROOT, "reading %s (%.0f MB)...", file, Files.size(file) / 1048576.0));
      }
    } catch (IOException e) {
      // The reader reports the problem with the file itself.
    }
  }
}
