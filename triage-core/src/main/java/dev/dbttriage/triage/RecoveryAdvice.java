package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.command.DbtCommand;
import dev.dbttriage.command.DbtSubcommand;
import dev.dbttriage.command.InvocationContext;
import dev.dbttriage.command.NodeCommands;
import dev.dbttriage.decide.RefreshDecision;
import dev.dbttriage.decide.RefreshKind;
import dev.dbttriage.artifact.Manifest;
import java.util.List;
import java.util.Optional;

/** The runbook's resolution kind and the recovery command of one root. Stateless. */
final class RecoveryAdvice {
  private RecoveryAdvice() {}

  /**
   * The resolution kind of a root: the full-refresh advisor's decision where it made one (a full refresh only
   * when it said so), else by the diagnosis.
   */
  static ResolutionKind resolution(RootKind kind, Diagnosis d, Optional<Node> node, Optional<RefreshDecision> refresh,
      Manifest manifest) {
    if (kind == RootKind.SOURCE_FRESHNESS) {
      return ResolutionKind.UPSTREAM;
    }
    Subclass sub = d.subclass();
    if (sub == Subclass.PERMISSION_DENIED || sub == Subclass.NO_WAREHOUSE_OR_DATABASE) {
      // no warehouse or database in the session: the role's default or its USAGE grant, not the model's code
      return ResolutionKind.PERMISSIONS;
    }
    if (missingSource(d, node, manifest).isPresent()) {
      // dbt does not build sources: a missing source table is the ingestion's to fix, not a model's
      return ResolutionKind.UPSTREAM;
    }
    if (refresh.isPresent()) {
      switch (refresh.get().kind()) {
        case FULL_REFRESH:
          return ResolutionKind.FULL_REFRESH;
        case RETRY_AS_IS:
        case RETRY_FAILED_BATCHES:
          return ResolutionKind.RETRY;
        default:
          break;
      }
    }
    if (d.retryable()) {
      return ResolutionKind.RETRY;
    }
    return switch (d.errorClass()) {
      case TEST, FRESHNESS -> ResolutionKind.UPSTREAM;
      case RUNTIME -> ResolutionKind.ESCALATE;
      default -> ResolutionKind.CODE_FIX;
    };
  }

  /**
   * The source a "relation does not exist" names, when it is one the node reads: the message's relation ends
   * with the source's identifier (its {@code relation_name}, {@code schema.identifier} or identifier alone).
   */
  static Optional<Node> missingSource(Diagnosis d, Optional<Node> node, Manifest manifest) {
    Optional<String> relation = d.classification().flatMap(c -> c.objects().relation()).map(RecoveryAdvice::bare);
    if (relation.isEmpty() || node.isEmpty() || d.subclass() != Subclass.MISSING_RELATION) {
      return Optional.empty();
    }
    String rel = relation.get();
    for (String dep : node.get().dependsOnNodes()) {
      Node source = manifest.sources().get(dep);
      if (source == null) {
        continue;
      }
      String identifier = bare(source.alias().orElse(source.name()));
      String relationName = source.relationName().map(RecoveryAdvice::bare).orElse("");
      if (rel.equals(relationName) || rel.equals(identifier) || rel.endsWith("." + identifier)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  private static String bare(String name) {
    return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "").strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** What to do: the diagnosis's advice, and what the full-refresh advisor still needs when it could not decide. */
  static String detail(Diagnosis d, Optional<Node> node, Optional<RefreshDecision> refresh, Manifest manifest) {
    Optional<Node> source = missingSource(d, node, manifest);
    if (source.isPresent()) {
      return "The source table " + source.get().sourceName().map(x -> x + ".").orElse("") + source.get().name()
          + " does not exist in the warehouse: dbt does not build sources, so the ingestion that loads it must run"
          + " (or the source's database/schema/identifier config is wrong); then rebuild what reads it.";
    }
    if (refresh.isPresent() && refresh.get().kind() == RefreshKind.NEEDS_EVIDENCE) {
      return d.advice() + " Whether it needs --full-refresh cannot be told from these artifacts: "
          + refresh.get().reasons().get(0)
          + (refresh.get().commands().isEmpty() ? "" : "; gather it with `" + refresh.get().commands().get(0) + "`");
    }
    return d.advice();
  }

  /**
   * The recovery command of a root, printed through {@link DbtCommand} in the run's dbt version and with its
   * flags: a model with its downstream ({@code m+}), a seed or snapshot with the command that builds it (or
   * {@code build}), a data test that failed with {@code --store-failures} (one that errored is not a data
   * problem), a unit test alone, a failed {@code run-operation} as that macro again, a hook with the invocation
   * that carried it. A full refresh follows the advisor's own commands.
   */
  static String command(InvocationContext context, RootKind kind, Optional<Node> node, String id, String status,
      Diagnosis d, ResolutionKind resolution, Optional<RefreshDecision> refresh) {
    if (node.isEmpty()) {
      if (id.startsWith("macro.") || context.subcommand().orElse(null) == DbtSubcommand.RUN_OPERATION) {
        return render(NodeCommands.runOperation(context.macro().orElse(id), context), context);
      }
      if (id.startsWith("operation.")) {
        return NodeCommands.rerunHook(context).map(b -> render(b, context)).orElse("");
      }
      return "";
    }
    Node n = node.get();
    if (resolution == ResolutionKind.FULL_REFRESH && refresh.isPresent() && !refresh.get().commands().isEmpty()) {
      return String.join(" && ", refresh.get().commands());
    }
    if (n.resourceType() == ResourceType.OPERATION) {
      return NodeCommands.rerunHook(context).map(b -> render(b, context)).orElse("");
    }
    Optional<DbtSubcommand> sub = NodeCommands.subcommandFor(n, context.subcommand()
        .filter(x -> x != DbtSubcommand.RETRY));
    if (sub.isEmpty()) {
      return "";
    }
    // A data test is looked at with `dbt test`, whatever command ran it: its failing rows are the evidence.
    DbtSubcommand subcommand = n.resourceType() == ResourceType.TEST ? DbtSubcommand.TEST : sub.get();
    DbtCommand.Builder b = DbtCommand.builder(subcommand).withContext(context);
    String sel = DbtNodes.selectorName(n);
    switch (n.resourceType()) {
      case TEST:
        if (status.equals("error") && d.subclass() == Subclass.MISSING_RELATION) {
          // the test errored because the model it tests does not exist: build the model (and test it again)
          List<String> parents = n.dependsOnNodes().stream().filter(p -> p.startsWith("model.") || p.startsWith("seed.")
              || p.startsWith("snapshot.")).map(p -> p.substring(p.lastIndexOf('.') + 1)).toList();
          if (!parents.isEmpty()) {
            return render(DbtCommand.builder(DbtSubcommand.BUILD).select(parents).withContext(context)
                .fullRefresh(false), context);
          }
        }
        // --store-failures keeps the failing rows to look at; an errored test returned none.
        b.select(sel).fullRefresh(false);
        if ((kind == RootKind.FAILED_TEST || kind == RootKind.WARNING) && !status.equals("error")
            && b.subcommand() == DbtSubcommand.TEST) {
          b.storeFailures(true);
        }
        return render(b, context);
      case UNIT_TEST:
        return render(b.select(sel).fullRefresh(false), context);
      case MODEL:
      case SEED:
      case SNAPSHOT:
        return render(b.select(sel + (b.subcommand() == DbtSubcommand.RUN || b.subcommand() == DbtSubcommand.BUILD
            ? "+" : "")), context);
      default:
        return render(b, context);
    }
  }

  private static String render(DbtCommand.Builder b, InvocationContext context) {
    try {
      return b.build().renderFor(context.dbtVersion());
    } catch (IllegalStateException | IllegalArgumentException e) {
      return b.build().render();
    }
  }
}
