package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.decide.RefreshDecision;
import dev.dbttriage.decide.RefreshKind;
import java.util.Optional;

/** The runbook's resolution kind and the recovery command of one root. Stateless. */
final class RecoveryAdvice {
  private RecoveryAdvice() {}

  /**
   * The resolution kind of a root: the full-refresh advisor's decision where it made one (a full refresh only
   * when it said so), else by the diagnosis.
   */
  static ResolutionKind resolution(RootKind kind, Diagnosis d, Optional<Node> node, Optional<RefreshDecision> refresh) {
    if (kind == RootKind.SOURCE_FRESHNESS) {
      return ResolutionKind.UPSTREAM;
    }
    Subclass sub = d.subclass();
    if (sub == Subclass.PERMISSION_DENIED) {
      return ResolutionKind.PERMISSIONS;
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

  /** What to do: the diagnosis's advice, and what the full-refresh advisor still needs when it could not decide. */
  static String detail(Diagnosis d, Optional<RefreshDecision> refresh) {
    if (refresh.isPresent() && refresh.get().kind() == RefreshKind.NEEDS_EVIDENCE) {
      return d.advice() + " Whether it needs --full-refresh cannot be told from these artifacts: "
          + refresh.get().reasons().get(0)
          + (refresh.get().commands().isEmpty() ? "" : "; gather it with `" + refresh.get().commands().get(0) + "`");
    }
    return d.advice();
  }

  static String command(String command, RootKind kind, Optional<Node> node, String name, ResolutionKind resolution) {
    String cmd = switch (command) {
      case "build", "run", "seed", "snapshot" -> command;
      default -> "run";
    };
    String sel = node.map(DbtNodes::selectorName).orElse(name);
    if (command.equals("run-operation") || name.startsWith("macro.")) {
      return "dbt run-operation " + name.substring(name.lastIndexOf('.') + 1);
    }
    switch (kind) {
      case FAILED_TEST:
      case WARNING:
        if (node.isPresent() && node.get().resourceType() == ResourceType.TEST) {
          return "dbt test --select " + sel + " --store-failures";
        }
        return "dbt " + cmd + " --select " + sel + "+";
      case FAILED_UNIT_TEST:
        return "dbt test --select " + sel;
      default:
        if (resolution == ResolutionKind.FULL_REFRESH) {
          // Only the model is rebuilt from scratch; its downstream runs incrementally as usual.
          return "dbt " + cmd + " --select " + sel + " --full-refresh && dbt " + cmd + " --select " + sel
              + "+ --exclude " + sel;
        }
        if (node.isPresent() && node.get().resourceType() == ResourceType.SEED && cmd.equals("run")) {
          return "dbt seed --select " + sel + " && dbt run --select " + sel + "+";
        }
        return "dbt " + cmd + " --select " + sel + "+";
    }
  }
}
