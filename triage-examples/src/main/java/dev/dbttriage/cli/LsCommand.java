package dev.dbttriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.select.IndirectSelection;
import dev.dbttriage.select.ListOutput;
import dev.dbttriage.select.Selection;
import dev.dbttriage.select.SelectionCommand;
import dev.dbttriage.select.SelectionContext;
import dev.dbttriage.select.SelectionRequest;
import dev.dbttriage.select.SelectorEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dbt-triage ls}: {@code dbt ls} from a manifest alone, with dbt's flags, ordering and output formats, and
 * a batch mode that answers many selections over cached manifests. As in dbt, a flag taking several values
 * takes every following argument up to the next option ({@code --select a b --exclude c}); repeating it appends.
 */
@Command(name = "ls", header = "list the resources a dbt selection picks, as dbt ls does, from manifest.json alone",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Prints the selected resources, sorted by unique id, one per line (dbt ls order and formats).",
        "A flag taking several values takes the following arguments up to the next option; repeating it "
            + "appends, and each value is split on single spaces, as in dbt.",
        "dbt's other global flags (--quiet, --profiles-dir, --target, --vars, --log-level, --defer, ...) are "
            + "accepted and ignored. Warnings go to stderr."},
    footerHeading = "%n",
    footer = "Exit codes: 0 ok (also when nothing is selected), 2 bad usage, bad input or a wrong selector.")
final class LsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CliContext context;

  @Option(names = "--manifest", paramLabel = "PATH",
      description = "the manifest.json (default: [--project-dir/]target/manifest.json); '-' reads standard input")
  String manifest;

  @Option(names = "--project-dir", paramLabel = "DIR", description = "the dbt project whose target/ to read")
  String projectDir;

  @Option(names = "--target-path", paramLabel = "DIR",
      description = "read DIR/manifest.json (and DIR/sources.json for source_status:)")
  String targetPath;

  @Option(names = {"-s", "--select"}, arity = "1..*", paramLabel = "SPEC",
      description = "selection criteria (default: everything enabled)")
  List<String> select = new ArrayList<>();

  @Option(names = "--exclude", arity = "1..*", paramLabel = "SPEC", description = "criteria to remove")
  List<String> exclude = new ArrayList<>();

  @Option(names = {"-m", "--models", "--model"}, arity = "1..*", paramLabel = "SPEC",
      description = "like --select, and only models; not with --select or --resource-type")
  List<String> models = new ArrayList<>();

  @Option(names = "--selector", paramLabel = "NAME",
      description = "a YAML selector (from --selectors-file, else the manifest's selectors)")
  String selector;

  @Option(names = "--selectors-file", paramLabel = "PATH",
      description = "a selectors.yml (YAML as dbt reads it, see docs/selectors.md) or JSON file")
  String selectorsFile;

  @Option(names = {"--resource-type", "--resource-types"}, arity = "1..*", paramLabel = "TYPE",
      description = "keep these types (all, default, model, test, ...)")
  List<String> resourceTypes = new ArrayList<>();

  @Option(names = {"--exclude-resource-type", "--exclude-resource-types"}, arity = "1..*", paramLabel = "TYPE",
      description = "drop these types")
  List<String> excludeResourceTypes = new ArrayList<>();

  @Option(names = "--indirect-selection", paramLabel = "MODE",
      description = "eager (default), cautious, buildable or empty")
  String indirect;

  @Option(names = "--state", paramLabel = "DIR",
      description = "comparison artifacts: DIR/manifest.json, run_results.json, sources.json")
  String state;

  @Option(names = "--sources", paramLabel = "PATH", description = "the current sources.json (for source_status:)")
  String sources;

  @Option(names = "--command", paramLabel = "CMD",
      description = "compute the result set of another command: ls (default), run, test, build, seed, snapshot, "
          + "compile, freshness")
  String command;

  @Option(names = {"-o", "--output"}, paramLabel = "FMT", description = "selector (default), name, path or json")
  String output;

  @Option(names = "--output-keys", arity = "1..*", paramLabel = "KEY",
      description = "keys of --output json (dotted keys descend)")
  List<String> outputKeys = new ArrayList<>();

  @Option(names = "--warn-error", description = "turn the first warning into an error (exit 2)")
  boolean warnError;

  @Option(names = "--batch", paramLabel = "FILE", description = "one JSON object per line {\"args\": [...]} -> one "
      + "JSON line each, {\"unique_ids\": [...]} or {\"error\": \"...\"}; '-' reads stdin; no other flags")
  String batch;

  /** dbt flags that take a value and do not change the selection; accepted and ignored. */
  @Option(names = {"--profiles-dir", "--profile", "--target", "-t", "--vars", "--threads", "--log-level",
      "--log-format", "--log-path", "--defer-state", "--log-level-file", "--log-format-file", "--printer-width"},
      hidden = true)
  List<String> ignoredWithValue = new ArrayList<>();

  /** dbt flags without a value that do not change the selection; accepted and ignored. */
  @Option(names = {"-q", "--quiet", "--no-quiet", "--partial-parse", "--no-partial-parse", "--use-colors",
      "--no-use-colors", "--defer", "--no-defer", "--favor-state", "--no-favor-state", "--version-check",
      "--no-version-check", "--no-warn-error", "--debug", "--no-debug", "--static-parser", "--no-static-parser",
      "--write-json", "--no-write-json", "--no-print", "--print", "--state-modified-compare-more-unrendered-values",
      "--state-modified-compare-vars"}, hidden = true)
  boolean[] ignoredFlags = new boolean[0];

  @Spec CommandSpec spec;

  LsCommand(CliContext context) {
    this.context = context;
  }

  /** dbt's parsing: an argument that looks like an option is never a value of the option before it. */
  static CommandLine configure(CommandLine cl) {
    cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
    cl.setAllowOptionsAsOptionParameters(false);
    cl.setOverwrittenOptionsAllowed(true);
    return cl;
  }

  @Override
  public Integer call() {
    if (batch != null) {
      CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
      if (parsed.matchedOptions().size() != 1 || !parsed.unmatched().isEmpty()) {
        throw new CliUsageException("--batch takes exactly one FILE and no other flags");
      }
      return runBatch(batch, context);
    }
    Cache cache = new Cache(context);
    Invocation inv = Invocation.of(this, context.env());
    SelectorEngine engine = cache.engine(inv, context.workingDirectory());
    Selection selection = engine.select(inv.request());
    failOnWarnings(inv, selection);
    for (String warning : selection.warnings()) {
      context.err().println("warning: " + warning);
    }
    for (String line : ListOutput.lines(engine.manifest(), selection.ids(), inv.output, inv.outputKeys)) {
      context.out().println(line);
    }
    return ExitCodes.OK;
  }

  private int runBatch(String file, CliContext context) {
    Cache cache = new Cache(context);
    try (Inputs.LineReader reader = new Inputs.LineReader(Inputs.open(file, "--batch", context))) {
      Inputs.Line line;
      while ((line = reader.next()) != null) {
        if (line.error() != null) {
          ObjectNode out = JSON.createObjectNode();
          out.put("error", line.error());
          context.out().println(out);
          continue;
        }
        if (line.text().isBlank()) {
          continue;
        }
        context.out().println(answer(line.text(), cache, context));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCodes.OK;
  }

  private static String answer(String line, Cache cache, CliContext context) {
    ObjectNode out = JSON.createObjectNode();
    try {
      JsonNode request = JSON.readTree(line);
      JsonNode argsNode = request == null ? null : request.get("args");
      if (argsNode == null || !argsNode.isArray()) {
        throw new CliUsageException("expected {\"args\": [...]}");
      }
      List<String> args = new ArrayList<>();
      argsNode.forEach(a -> args.add(a.asText()));
      Invocation inv = Invocation.parse(args, context);
      SelectorEngine engine = cache.engine(inv, context.workingDirectory());
      Selection selection = engine.select(inv.request());
      failOnWarnings(inv, selection);
      ArrayNode ids = out.putArray("unique_ids");
      selection.ids().forEach(ids::add);
    } catch (TriageException | CliUsageException | UncheckedIOException | UnsupportedOperationException e) {
      out.removeAll();
      out.put("error", String.valueOf(e.getMessage()));
    } catch (ParameterException e) {
      out.removeAll();
      out.put("error", Main.usageMessage(e));
    } catch (IOException e) {
      out.removeAll();
      out.put("error", "not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return out.toString();
  }

  /** {@code --warn-error}: dbt turns the first warning into an error. */
  private static void failOnWarnings(Invocation inv, Selection selection) {
    if (inv.warnError && !selection.warnings().isEmpty()) {
      throw new CliUsageException(selection.warnings().get(0));
    }
  }

  /** Manifests, state and engines loaded once per path. */
  private static final class Cache {
    private final CliContext context;
    private final Map<Path, Manifest> manifests = new HashMap<>();
    private final Map<String, SelectorEngine> engines = new HashMap<>();
    private final Map<Path, Object> others = new HashMap<>();
    private final Map<String, Path> stdinManifest = new HashMap<>();

    Cache(CliContext context) {
      this.context = context;
    }

    SelectorEngine engine(Invocation inv, Path cwd) {
      Path manifestPath = Inputs.isStdin(inv.manifest)
          ? stdinManifest.computeIfAbsent("-", k -> Inputs.asFile("-", "--manifest", context))
          : inv.manifestPath(cwd);
      Path state = inv.state == null ? null : cwd.resolve(inv.state);
      Path sources = inv.currentSources(cwd);
      Path selectors = inv.selectorsFile == null ? null : Inputs.isStdin(inv.selectorsFile)
          ? stdinManifest.computeIfAbsent("selectors", k -> Inputs.asFile("-", "--selectors-file", context))
          : cwd.resolve(inv.selectorsFile);
      String key = manifestPath + "|" + state + "|" + sources + "|" + selectors;
      SelectorEngine engine = engines.get(key);
      if (engine != null) {
        return engine;
      }
      Manifest manifest = manifests.computeIfAbsent(manifestPath, p -> readManifest(p));
      SelectionContext.Builder ctx = SelectionContext.builder();
      if (state != null) {
        if (!Files.isDirectory(state)) {
          throw new CliUsageException("--state " + inv.state + ": not a directory");
        }
        Path prevManifest = state.resolve("manifest.json");
        if (Files.exists(prevManifest)) {
          ctx.previousManifest(manifests.computeIfAbsent(prevManifest.toAbsolutePath().normalize(),
              p -> readManifest(p)));
        }
        Path runResults = state.resolve("run_results.json");
        if (Files.exists(runResults)) {
          ctx.previousRunResults((RunResults) others.computeIfAbsent(runResults, Artifacts::readRunResults));
        }
        Path prevSources = state.resolve("sources.json");
        if (Files.exists(prevSources)) {
          ctx.previousSources((SourceFreshness) others.computeIfAbsent(prevSources, Artifacts::readSources));
        }
      }
      if (sources != null && Files.exists(sources)) {
        ctx.currentSources((SourceFreshness) others.computeIfAbsent(sources, Artifacts::readSources));
      } else if (inv.sources != null) {
        throw new CliUsageException("--sources " + inv.sources + ": no such file");
      }
      if (selectors != null) {
        ctx.selectorsFile(selectors);
      }
      engine = SelectorEngine.of(manifest, ctx.build());
      engines.put(key, engine);
      return engine;
    }

    private static Manifest readManifest(Path p) {
      if (!Files.exists(p)) {
        throw new CliUsageException(p + ": no such file (give --manifest PATH or --target-path DIR)");
      }
      return Artifacts.readManifest(p);
    }
  }

  /** One parsed {@code ls} command line. */
  static final class Invocation {
    String manifest;
    String targetPath;
    final List<String> select = new ArrayList<>();
    final List<String> exclude = new ArrayList<>();
    final List<String> models = new ArrayList<>();
    boolean selectGiven;
    boolean modelsGiven;
    String selector;
    String selectorsFile;
    final List<String> resourceTypes = new ArrayList<>();
    final List<String> excludeResourceTypes = new ArrayList<>();
    IndirectSelection indirect = IndirectSelection.EAGER;
    String state;
    String sources;
    SelectionCommand command = SelectionCommand.LS;
    String output = "selector";
    final List<String> outputKeys = new ArrayList<>();
    String projectDir;
    boolean warnError;

    /** Parses one {@code --batch} line's arguments with the same picocli model as the command line. */
    static Invocation parse(List<String> args, CliContext context) {
      return parse(args, context.env());
    }

    /** Parses arguments as {@code dbt-triage ls} does, with the given environment. */
    static Invocation parse(List<String> args, Map<String, String> env) {
      LsCommand c = new LsCommand(null);
      configure(new CommandLine(c)).parseArgs(args.toArray(String[]::new));
      if (c.batch != null) {
        throw new CliUsageException("--batch is not allowed inside a --batch line");
      }
      return of(c, env);
    }

    /** Parses arguments with an empty environment. */
    static Invocation parse(List<String> args) {
      return parse(args, Map.of());
    }

    /** The invocation the parsed options describe, with dbt's checks and environment defaults. */
    static Invocation of(LsCommand c, Map<String, String> env) {
      Invocation inv = new Invocation();
      inv.manifest = c.manifest;
      inv.projectDir = c.projectDir;
      inv.targetPath = c.targetPath;
      inv.select.addAll(c.select);
      inv.selectGiven = !c.select.isEmpty();
      inv.exclude.addAll(c.exclude);
      inv.models.addAll(c.models);
      inv.modelsGiven = !c.models.isEmpty();
      inv.selector = c.selector;
      inv.selectorsFile = c.selectorsFile;
      inv.resourceTypes.addAll(c.resourceTypes);
      inv.excludeResourceTypes.addAll(c.excludeResourceTypes);
      if (c.indirect != null) {
        inv.indirect = indirect(c.indirect);
      }
      inv.state = c.state;
      inv.sources = c.sources;
      if (c.command != null) {
        inv.command = SelectionCommand.fromName(c.command);
      }
      if (c.output != null) {
        if (!ListOutput.FORMATS.contains(c.output.toLowerCase(java.util.Locale.ROOT))) {
          throw new CliUsageException("Invalid value for '--output' / '-o': '" + c.output
              + "' is not one of 'json', 'name', 'path', 'selector'.");
        }
        inv.output = c.output.toLowerCase(java.util.Locale.ROOT);
      }
      inv.warnError = c.warnError;
      // like dbt, the environment supplies resource types when the flags are absent
      if (inv.resourceTypes.isEmpty()) {
        String v = env.get("DBT_RESOURCE_TYPES");
        if (v != null && !v.isBlank() && !inv.modelsGiven) {
          inv.resourceTypes.add(v.strip());
        }
      }
      if (inv.excludeResourceTypes.isEmpty()) {
        String v = env.get("DBT_EXCLUDE_RESOURCE_TYPES");
        if (v != null && !v.isBlank()) {
          inv.excludeResourceTypes.add(v.strip());
        }
      }
      if (inv.modelsGiven && inv.selectGiven) {
        throw new CliUsageException("\"models\" and \"select\" are mutually exclusive arguments");
      }
      if (inv.modelsGiven && !inv.resourceTypes.isEmpty()) {
        throw new CliUsageException("\"models\" and \"resource_type\" are mutually exclusive arguments");
      }
      for (String k : c.outputKeys) {
        for (String part : k.split(" ")) {
          if (!part.isEmpty()) {
            inv.outputKeys.add(part);
          }
        }
      }
      return inv;
    }

    private static IndirectSelection indirect(String value) {
      try {
        return IndirectSelection.fromFlag(value.toLowerCase(java.util.Locale.ROOT));
      } catch (TriageException e) {
        throw new CliUsageException("Invalid value for '--indirect-selection': '" + value
            + "' is not one of 'eager', 'cautious', 'buildable', 'empty'.");
      }
    }

    Path manifestPath(Path cwd) {
      if (manifest != null) {
        return cwd.resolve(manifest).toAbsolutePath().normalize();
      }
      return targetDir(cwd).resolve("manifest.json").toAbsolutePath().normalize();
    }

    private Path targetDir(Path cwd) {
      Path base = projectDir != null ? cwd.resolve(projectDir) : cwd;
      return base.resolve(targetPath != null ? targetPath : "target");
    }

    Path currentSources(Path cwd) {
      if (sources != null) {
        return cwd.resolve(sources);
      }
      Path dir = manifest != null ? cwd.resolve(manifest).toAbsolutePath().getParent() : targetDir(cwd);
      return dir == null ? null : dir.resolve("sources.json");
    }

    SelectionRequest request() {
      SelectionRequest.Builder b = SelectionRequest.builder().command(command).indirectSelection(indirect)
          .exclude(exclude).resourceTypes(resourceTypes).excludeResourceTypes(excludeResourceTypes)
          .selector(selector);
      if (modelsGiven) {
        b.select(models).models(command == SelectionCommand.LS);
      } else {
        b.select(select);
      }
      return b.build();
    }
  }
}
