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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dbt-triage ls}: {@code dbt ls} from a manifest alone, with dbt's flags, ordering and output formats, and
 * a batch mode that answers many selections over cached manifests.
 */
final class LsCommand implements CliCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "ls";
  }

  @Override
  public String summary() {
    return "list the resources a dbt selection picks, as dbt ls does, from manifest.json alone";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: dbt-triage ls [--manifest PATH | --target-path DIR] [-s|--select SPEC...] [--exclude SPEC...]",
        "                     [-m|--models SPEC...] [--selector NAME] [--selectors-file PATH]",
        "                     [--resource-type TYPE...] [--exclude-resource-type TYPE...]",
        "                     [--indirect-selection eager|cautious|buildable|empty] [--state DIR]",
        "                     [--sources PATH] [--command ls|run|test|build|seed|snapshot|compile|freshness]",
        "                     [--output selector|name|path|json] [--output-keys KEY...]",
        "       dbt-triage ls --batch FILE",
        "",
        "Prints the selected resources, sorted by unique id, one per line (dbt ls order and formats).",
        "A flag taking several values swallows the following arguments up to the next one starting with '-';",
        "repeating it appends, and each value is split on single spaces, as in dbt.",
        "",
        "  --manifest PATH            the manifest.json (default: [--project-dir/]target/manifest.json)",
        "  --project-dir DIR          the dbt project whose target/ to read",
        "  --target-path DIR          read DIR/manifest.json (and DIR/sources.json for source_status:)",
        "  -s, --select SPEC...       selection criteria (default: everything enabled)",
        "  --exclude SPEC...          criteria to remove",
        "  -m, --models SPEC...       like --select, and only models; not with --select or --resource-type",
        "  --selector NAME            a YAML selector (from --selectors-file, else the manifest's selectors)",
        "  --selectors-file PATH      a selectors.yml (YAML subset, see docs/selectors.md) or JSON file",
        "  --resource-type(s) T...    keep these types (all, default, model, test, ...)",
        "  --exclude-resource-type(s) T...  drop these types",
        "  --indirect-selection MODE  eager (default), cautious, buildable or empty",
        "  --state DIR                comparison artifacts: DIR/manifest.json, run_results.json, sources.json",
        "  --sources PATH             the current sources.json (for source_status:)",
        "  --command CMD              compute the result set of another command (default: ls)",
        "  --output FMT, -o FMT       selector (default), name, path or json",
        "  --output-keys KEY...       keys of --output json (dotted keys descend)",
        "  --batch FILE               one JSON object per line {\"args\": [...]} -> one JSON line each,",
        "                             {\"unique_ids\": [...]} or {\"error\": \"...\"}; '-' reads stdin",
        "",
        "  --warn-error               turn the first warning into an error (exit 2)",
        "dbt's other global flags (--quiet, --profiles-dir, --target, --vars, --log-level, --defer, ...) are",
        "accepted and ignored.",
        "",
        "Warnings go to stderr. Exit codes: 0 ok (also when nothing is selected), 2 bad usage, bad input or a",
        "wrong selector.",
        "");
  }

  @Override
  public int run(List<String> args, CliContext context) {
    int batch = args.indexOf("--batch");
    if (batch >= 0) {
      if (batch + 1 >= args.size() || args.size() != 2) {
        throw new CliUsageException("--batch takes exactly one FILE and no other flags");
      }
      return runBatch(args.get(batch + 1), context);
    }
    Cache cache = new Cache();
    Invocation inv = Invocation.parse(args);
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
    Cache cache = new Cache();
    try (BufferedReader reader = file.equals("-")
        ? new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8))
        : Files.newBufferedReader(context.workingDirectory().resolve(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        context.out().println(answer(line, cache, context.workingDirectory()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCodes.OK;
  }

  private static String answer(String line, Cache cache, Path cwd) {
    ObjectNode out = JSON.createObjectNode();
    try {
      JsonNode request = JSON.readTree(line);
      JsonNode argsNode = request == null ? null : request.get("args");
      if (argsNode == null || !argsNode.isArray()) {
        throw new CliUsageException("expected {\"args\": [...]}");
      }
      List<String> args = new ArrayList<>();
      argsNode.forEach(a -> args.add(a.asText()));
      Invocation inv = Invocation.parse(args);
      SelectorEngine engine = cache.engine(inv, cwd);
      Selection selection = engine.select(inv.request());
      failOnWarnings(inv, selection);
      ArrayNode ids = out.putArray("unique_ids");
      selection.ids().forEach(ids::add);
    } catch (TriageException | CliUsageException | UncheckedIOException | UnsupportedOperationException e) {
      out.removeAll();
      out.put("error", String.valueOf(e.getMessage()));
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
    private final Map<Path, Manifest> manifests = new HashMap<>();
    private final Map<String, SelectorEngine> engines = new HashMap<>();
    private final Map<Path, Object> others = new HashMap<>();

    SelectorEngine engine(Invocation inv, Path cwd) {
      Path manifestPath = inv.manifestPath(cwd);
      Path state = inv.state == null ? null : cwd.resolve(inv.state);
      Path sources = inv.currentSources(cwd);
      Path selectors = inv.selectorsFile == null ? null : cwd.resolve(inv.selectorsFile);
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

    /** dbt flags that take a value and do not change the selection; accepted and ignored. */
    private static final List<String> IGNORED_WITH_VALUE = List.of("--profiles-dir", "--profile", "--target", "-t",
        "--vars", "--threads", "--log-level", "--log-format", "--log-path", "--defer-state", "--log-level-file",
        "--log-format-file", "--printer-width");
    /** dbt flags without a value that do not change the selection; accepted and ignored. */
    private static final List<String> IGNORED_FLAGS = List.of("-q", "--quiet", "--no-quiet", "--partial-parse",
        "--no-partial-parse", "--use-colors", "--no-use-colors", "--defer", "--no-defer", "--favor-state",
        "--no-favor-state", "--version-check", "--no-version-check", "--no-warn-error", "--debug", "--no-debug",
        "--static-parser", "--no-static-parser", "--write-json", "--no-write-json", "--no-print", "--print",
        "--state-modified-compare-more-unrendered-values", "--state-modified-compare-vars");

    static Invocation parse(List<String> args) {
      Invocation inv = new Invocation();
      int i = 0;
      while (i < args.size()) {
        String flag = args.get(i);
        String inlineValue = null;
        if (flag.startsWith("--") && flag.contains("=")) {
          inlineValue = flag.substring(flag.indexOf('=') + 1);
          flag = flag.substring(0, flag.indexOf('='));
        }
        i++;
        if (IGNORED_FLAGS.contains(flag) && inlineValue == null) {
          continue;
        }
        if (flag.equals("--warn-error")) {
          inv.warnError = true;
          continue;
        }
        if (IGNORED_WITH_VALUE.contains(flag)) {
          if (inlineValue == null) {
            if (i >= args.size()) {
              throw new CliUsageException("Option '" + flag + "' requires an argument.");
            }
            i++;
          }
          continue;
        }
        List<String> multi;
        switch (flag) {
          case "-s":
          case "--select":
            multi = inv.select;
            inv.selectGiven = true;
            break;
          case "--exclude":
            multi = inv.exclude;
            break;
          case "-m":
          case "--models":
          case "--model":
            multi = inv.models;
            inv.modelsGiven = true;
            break;
          case "--resource-type":
          case "--resource-types":
            multi = inv.resourceTypes;
            break;
          case "--exclude-resource-type":
          case "--exclude-resource-types":
            multi = inv.excludeResourceTypes;
            break;
          case "--output-keys":
            multi = inv.outputKeys;
            break;
          default:
            multi = null;
        }
        if (multi != null) {
          int before = multi.size();
          if (inlineValue != null) {
            multi.add(inlineValue);
          }
          while (i < args.size() && !args.get(i).startsWith("-")) {
            multi.add(args.get(i++));
          }
          if (multi.size() == before) {
            throw new CliUsageException("Option '" + flag + "' requires an argument.");
          }
          continue;
        }
        String value = inlineValue;
        if (value == null) {
          if (i >= args.size()) {
            if (isSingle(flag)) {
              throw new CliUsageException("Option '" + flag + "' requires an argument.");
            }
            throw new CliUsageException("No such option: " + flag);
          }
          value = args.get(i);
        }
        switch (flag) {
          case "--manifest": inv.manifest = value; break;
          case "--project-dir": inv.projectDir = value; break;
          case "--target-path": inv.targetPath = value; break;
          case "--selector": inv.selector = value; break;
          case "--selectors-file": inv.selectorsFile = value; break;
          case "--indirect-selection": inv.indirect = indirect(value); break;
          case "--state": inv.state = value; break;
          case "--sources": inv.sources = value; break;
          case "--command": inv.command = SelectionCommand.fromName(value); break;
          case "-o":
          case "--output":
            if (!ListOutput.FORMATS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
              throw new CliUsageException("Invalid value for '--output' / '-o': '" + value
                  + "' is not one of 'json', 'name', 'path', 'selector'.");
            }
            inv.output = value.toLowerCase(java.util.Locale.ROOT);
            break;
          default:
            throw new CliUsageException("No such option: " + flag);
        }
        if (inlineValue == null) {
          i++;
        }
      }
      // like dbt, the environment supplies resource types when the flags are absent
      if (inv.resourceTypes.isEmpty()) {
        String env = System.getenv("DBT_RESOURCE_TYPES");
        if (env != null && !env.isBlank() && !inv.modelsGiven) {
          inv.resourceTypes.add(env.strip());
        }
      }
      if (inv.excludeResourceTypes.isEmpty()) {
        String env = System.getenv("DBT_EXCLUDE_RESOURCE_TYPES");
        if (env != null && !env.isBlank()) {
          inv.excludeResourceTypes.add(env.strip());
        }
      }
      if (inv.modelsGiven && inv.selectGiven) {
        throw new CliUsageException("\"models\" and \"select\" are mutually exclusive arguments");
      }
      if (inv.modelsGiven && !inv.resourceTypes.isEmpty()) {
        throw new CliUsageException("\"models\" and \"resource_type\" are mutually exclusive arguments");
      }
      List<String> keys = new ArrayList<>();
      for (String k : inv.outputKeys) {
        for (String part : k.split(" ")) {
          if (!part.isEmpty()) {
            keys.add(part);
          }
        }
      }
      inv.outputKeys.clear();
      inv.outputKeys.addAll(keys);
      return inv;
    }

    private static boolean isSingle(String flag) {
      return List.of("--manifest", "--project-dir", "--target-path", "--selector", "--selectors-file", "--indirect-selection",
          "--state", "--sources", "--command", "-o", "--output").contains(flag);
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
