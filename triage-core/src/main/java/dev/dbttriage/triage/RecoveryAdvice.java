package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.graph.DbtNodes;
import java.util.Optional;

/** The runbook's resolution kind and the recovery command of one root. Stateless. */
final class RecoveryAdvice {
  private RecoveryAdvice() {}

  static ResolutionKind resolution(RootKind kind, Diagnosis d, Optional<Node> node) {
    if (kind == RootKind.SOURCE_FRESHNESS) {
      return ResolutionKind.UPSTREAM;
    }
    Subclass sub = d.subclass();
    boolean incremental = node.map(n -> n.config().isIncremental()).orElse(false);
    if (sub == Subclass.PERMISSION_DENIED) {
      return ResolutionKind.PERMISSIONS;
    }
    if (incremental && (sub == Subclass.SCHEMA_CHANGE_NOT_ALLOWED || sub == Subclass.TYPE_MISMATCH)) {
      return ResolutionKind.FULL_REFRESH;
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
