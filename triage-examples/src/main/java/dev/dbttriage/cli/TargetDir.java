package dev.dbttriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command finds the run it reads when no directory is given, as dbt finds its {@code target/}: the
 * project directory is {@code --project-dir}, else {@code DBT_PROJECT_DIR}, else the nearest directory from the
 * working directory up that holds a {@code dbt_project.yml}, else the working directory; the target path is
 * {@code --target-path}, else {@code DBT_TARGET_PATH}, else {@code target}, and a relative one is resolved
 * against the project directory. (dbt also reads a deprecated {@code target-path:} key of
 * {@code dbt_project.yml}; dbt-triage does not.)
 */
final class TargetDir {
  private TargetDir() {}

  /**
   * Resolves the directory a command reads.
   *
   * @param positional the TARGET_DIR argument, or null
   * @param targetPath {@code --target-path}, or null
   * @param projectDir {@code --project-dir}, or null
   * @param context the working directory and environment
   * @return the directory, which exists
   * @throws CliUsageException when it is not a directory, saying where it was looked for
   */
  static Path resolve(String positional, String targetPath, String projectDir, CliContext context) {
    Path cwd = context.workingDirectory().toAbsolutePath();
    if (positional != null) {
      Path dir = cwd.resolve(positional);
      if (!Files.isDirectory(dir)) {
        throw new CliUsageException("'" + positional + "' is not a directory (expected a dbt target/ directory)");
      }
      return dir;
    }
    String tp = firstNonBlank(targetPath, context.env().get("DBT_TARGET_PATH"), "target");
    String how = targetPath != null ? "--target-path" : context.env().get("DBT_TARGET_PATH") != null
        ? "DBT_TARGET_PATH" : "the default target path";
    Path project = project(projectDir, context);
    Path dir = project.resolve(tp).normalize();
    if (!Files.isDirectory(dir)) {
      throw new CliUsageException("no dbt target directory at " + dir + " (" + how + " '" + tp + "' in project "
          + "directory " + project + "); give TARGET_DIR, --target-path or --project-dir, or --sample for the "
          + "bundled sample run");
    }
    return dir;
  }

  private static Path project(String projectDir, CliContext context) {
    Path cwd = context.workingDirectory().toAbsolutePath();
    String given = firstNonBlank(projectDir, context.env().get("DBT_PROJECT_DIR"), null);
    if (given != null) {
      Path p = cwd.resolve(given).normalize();
      if (!Files.isDirectory(p)) {
        throw new CliUsageException("project directory " + p + " does not exist");
      }
      return p;
    }
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("dbt_project.yml"))) {
        return p;
      }
    }
    return cwd;
  }

  private static String firstNonBlank(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    if (b != null && !b.isBlank()) {
      return b;
    }
    return fallback;
  }
}
