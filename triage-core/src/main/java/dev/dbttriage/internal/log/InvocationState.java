package dev.dbttriage.internal.log;

import dev.dbttriage.log.LogFormat;
import dev.dbttriage.log.LogSummary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the parser knows of one invocation while it reads; {@link LogParser} turns it into a LogInvocation. */
final class InvocationState {
  final int index;
  LogFormat format;
  final long firstLine;
  String id;
  String version;
  String adapter;
  String command;
  boolean commandFromOrchestrator;
  String startedAt;
  String endedAt;
  final LinkedHashMap<String, NodeState> nodes = new LinkedHashMap<>();
  final Map<String, String> began = new HashMap<>();
  final Map<String, Object> args = new LinkedHashMap<>();
  final Map<String, NodeState> lastResultByThread = new HashMap<>();
  LogSummary summary;
  NodeState lastFusionFailure;
  boolean completed;
  String killSignal;
  String error;

  InvocationState(int index, LogFormat format, long firstLine) {
    this.index = index;
    this.format = format;
    this.firstLine = firstLine;
  }

  boolean nonNodeCommand() {
    if (command == null) {
      return false;
    }
    String c = command.strip();
    String sub = c.startsWith("dbt ") || c.contains(" dbt ") ? c.substring(c.indexOf("dbt ") + 4).strip() : c;
    int sp = sub.indexOf(' ');
    sub = sp < 0 ? sub : sub.substring(0, sp);
    return Set.of("list", "ls", "debug", "deps", "docs", "generate", "serve", "compile", "parse", "clean",
        "show", "init", "run-operation").contains(sub);
  }
}
