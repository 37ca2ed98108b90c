package dev.dbttriage.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.log.LogFormat;
import dev.dbttriage.log.LogNodeStatus;
import dev.dbttriage.log.LogSummary;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/** The JSON lines of a dbt log (1.4+ events with info.invocation_id, and the older log_version 2 shape). */
final class JsonLogEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogParser parser;
  private final Map<String, InvocationState> byId = new HashMap<>();
  private int badLines;
  private long firstBadLine;

  JsonLogEvents(LogParser parser) {
    this.parser = parser;
  }

  /** How many lines starting with '{' were not dbt log events. */
  int badLines() {
    return badLines;
  }

  /** The first of them. */
  long firstBadLine() {
    return firstBadLine;
  }

  /** Reads one line that starts with a brace. */
  void accept(String s, long line) {
    JsonNode root;
    try {
      root = JSON.readTree(s);
    } catch (java.io.IOException | RuntimeException e) {
      badJson(line);
      return;
    }
    if (root == null || !root.isObject()) {
      badJson(line);
      return;
    }
    JsonNode info = root.get("info");
    if (info != null && info.isObject()) {
      parser.sawDbtLine = true;
      jsonEvent(root, info, line);
      return;
    }
    if (root.has("log_version") || root.has("type") && root.has("msg")) {
      parser.sawDbtLine = true;
      legacyJson(root, line);
      return;
    }
    badJson(line);
  }

  private void badJson(long line) {
    if (badLines++ == 0) {
      firstBadLine = line;
    }
  }

  private InvocationState jsonInvocation(String id, LogFormat format, long line) {
    InvocationState inv = id == null ? parser.current : byId.get(id);
    if (inv == null) {
      if (parser.current != null && parser.current.format == format && parser.current.id == null && parser.current.nodes.isEmpty()
          && parser.current.version == null) {
        inv = parser.current;
      } else {
        inv = parser.boundary(format, line);
      }
      inv.format = format;
      inv.id = id;
      if (id != null) {
        byId.put(id, inv);
      }
    }
    if (inv != parser.current) {
      parser.endCapture();
      parser.current = inv;
    }
    return inv;
  }

  private void legacyJson(JsonNode root, long line) {
    String id = text(root, "invocation_id");
    InvocationState inv = jsonInvocation(id, LogFormat.JSON_LEGACY, line);
    String ts = text(root, "ts");
    if (ts != null) {
      if (inv.startedAt == null) {
        inv.startedAt = ts;
      }
      inv.endedAt = ts;
    }
    String msg = text(root, "msg");
    if (msg == null) {
      return;
    }
    JsonNode nodeInfo = root.get("node_info");
    String uid = nodeInfo == null ? null : text(nodeInfo, "unique_id");
    String thread = text(root, "thread_name");
    if (uid != null && thread != null) {
      inv.began.put(thread, uid);
    }
    for (String l : msg.split("\n", LogParser.MAX_MESSAGE_LINES)) {
      parser.message(LogParser.clean(l), thread, null, false, line, LogFormat.JSON_LEGACY);
    }
    parser.endCapture();
  }

  private void jsonEvent(JsonNode root, JsonNode info, long line) {
    String id = text(info, "invocation_id");
    InvocationState inv = jsonInvocation(id, LogFormat.JSON, line);
    String ts = text(info, "ts");
    if (ts != null) {
      if (inv.startedAt == null) {
        inv.startedAt = ts;
      }
      inv.endedAt = ts;
    }
    String name = text(info, "name");
    JsonNode data = root.path("data");
    String msg = text(info, "msg");
    if (name == null) {
      name = "";
    }
    switch (name) {
      case "MainReportVersion" -> {
        String v = text(data, "version");
        if (v == null && msg != null) {
          Matcher m = LogParser.RUNNING_WITH.matcher(msg);
          v = m.find() ? m.group(1) : null;
        }
        if (v != null) {
          inv.version = v.startsWith("=") ? v.substring(1) : v;
          parser.lastVersion = inv.version;
        }
      }
      case "MainReportArgs" -> {
        JsonNode args = data.path("args");
        String cmd = text(args, "invocation_command");
        if (cmd == null) {
          cmd = text(args, "which");
        }
        if (cmd != null && inv.command == null) {
          inv.command = cmd.replaceFirst("^\\S*[/\\\\](dbt(?:\\.exe)?) ", "$1 ");
          inv.args.putAll(LogArguments.fromCommandLine(inv.command));
        }
      }
      case "AdapterRegistered" -> {
        String a = text(data, "adapter_name");
        if (a != null) {
          inv.adapter = a;
        }
      }
      case "CommandCompleted" -> {
        inv.completed = true;
        String c = text(data, "command");
        if (inv.command == null && c != null) {
          inv.command = c;
        }
      }
      case "StatsLine" -> {
        JsonNode st = data.path("stats");
        inv.summary = new LogSummary(st.path("pass").asInt(0), st.path("warn").asInt(0), st.path("error").asInt(0),
            st.path("skip").asInt(0), st.has("noop") ? OptionalInt.of(st.path("noop").asInt(0)) : OptionalInt.empty(),
            st.path("total").asInt(0));
        inv.completed = true;
      }
      case "EndOfRunSummary" -> {
        inv.completed = true;
        if (data.path("keyboard_interrupt").asBoolean(false) && inv.killSignal == null) {
          inv.killSignal = "KeyboardInterrupt (Ctrl-C)";
        }
      }
      case "MainEncounteredError", "MainStackTrace" -> {
        String exc = text(data, "exc");
        if (exc != null && inv.error == null) {
          inv.error = firstLines(exc, 6);
        }
      }
      case "MainKeyboardInterrupt" -> inv.killSignal = "KeyboardInterrupt (Ctrl-C)";
      default -> jsonNodeEvent(inv, name, data, msg);
    }
  }

  private void jsonNodeEvent(InvocationState inv, String name, JsonNode data, String msg) {
    JsonNode nodeInfo = data.get("node_info");
    if (nodeInfo == null || !nodeInfo.isObject()) {
      return;
    }
    String uid = text(nodeInfo, "unique_id");
    if (uid == null) {
      return;
    }
    boolean start = name.equals("NodeStart") || name.equals("LogStartLine") || name.equals("LogHookStartLine");
    boolean finish = name.equals("NodeFinished");
    boolean result = name.startsWith("Log") && name.endsWith("Result") || name.equals("LogHookEndLine")
        || name.equals("LogSkipLine") || name.equals("SkippingDetails") || name.equals("LogNodeNoOpResult");
    boolean errorText = name.equals("RunResultError") || name.equals("RunResultFailure")
        || name.equals("RunResultWarningMessage") || name.equals("RunResultErrorNoMessage");
    if (!start && !finish && !result && !errorText) {
      return;
    }
    NodeState n = inv.nodes.get(uid);
    if (n == null) {
      if (errorText) {
        return;
      }
      String desc = text(data, "description");
      n = new NodeState(data.path("index").asInt(0), data.path("total").asInt(0), desc == null ? uid : desc);
      n.uniqueId = uid;
      n.resourceType = text(nodeInfo, "resource_type");
      String nodeName = text(nodeInfo, "node_name");
      n.name = nodeName == null ? LogParser.lastSegment(uid) : nodeName;
      JsonNode rel = nodeInfo.path("node_relation");
      String schema = text(rel, "schema");
      String alias = text(rel, "alias");
      if (schema != null && alias != null && !"operation".equals(n.resourceType)) {
        n.relation = schema + "." + alias;
      }
      n.hook = "operation".equals(n.resourceType);
      n.status = LogNodeStatus.STARTED;
      inv.nodes.put(uid, n);
    } else if (n.index == 0 && data.has("index")) {
      n.index = data.path("index").asInt(0);
      n.total = data.path("total").asInt(0);
    }
    if (start) {
      String desc = text(data, "description");
      if (desc != null) {
        n.description = desc;
      }
      return;
    }
    if (errorText) {
      String m = text(data, "msg");
      if (m == null) {
        m = msg;
      }
      if (n.message == null && m != null) {
        n.message = firstLines(m, LogParser.MAX_MESSAGE_LINES);
      }
      return;
    }
    LogNodeStatus st = LogParser.status(String.valueOf(text(nodeInfo, "node_status")));
    if (name.equals("LogSkipLine") || name.equals("SkippingDetails")) {
      st = LogNodeStatus.SKIPPED;
    }
    if (st == null && result) {
      String ds = text(data, "status");
      st = ds == null ? null : LogParser.status(ds);
    }
    if (st != null) {
      n.status = st;
    }
    JsonNode time = finish ? data.path("run_result").path("execution_time") : data.path("execution_time");
    if (time.isNumber()) {
      n.executionTime = time.asDouble();
    }
    if (finish) {
      String m = text(data.path("run_result"), "message");
      if (m != null && n.message == null && n.status != LogNodeStatus.SUCCESS && n.status != LogNodeStatus.PASS) {
        n.message = firstLines(m, LogParser.MAX_MESSAGE_LINES);
        n.errorClass = jsonErrorClass(n, m);
      }
    }
  }

  private static ErrorClass jsonErrorClass(NodeState n, String message) {
    if (n.status == LogNodeStatus.FAIL || n.status == LogNodeStatus.WARN) {
      return "source".equals(n.resourceType) ? ErrorClass.FRESHNESS : ErrorClass.TEST;
    }
    String m = message.stripLeading();
    if (m.startsWith("Database Error")) {
      return ErrorClass.DATABASE;
    }
    if (m.startsWith("Compilation Error")) {
      return ErrorClass.COMPILATION;
    }
    if (m.startsWith("Runtime Error")) {
      return ErrorClass.RUNTIME;
    }
    if (m.startsWith("Dependency Error")) {
      return ErrorClass.DEPENDENCY;
    }
    // a source whose freshness check errored without an error header is stale (dbt's ERROR STALE)
    return "source".equals(n.resourceType) ? ErrorClass.FRESHNESS : null;
  }

  private static String firstLines(String s, int max) {
    String[] lines = s.split("\n", max + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(max, lines.length) && b.length() < LogParser.MAX_MESSAGE_CHARS; i++) {
      if (i > 0) {
        b.append('\n');
      }
      b.append(LogParser.clean(lines[i]));
    }
    return b.length() > LogParser.MAX_MESSAGE_CHARS ? b.substring(0, LogParser.MAX_MESSAGE_CHARS) : b.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
