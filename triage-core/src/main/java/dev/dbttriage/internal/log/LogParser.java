package dev.dbttriage.internal.log;

import dev.dbttriage.artifact.ArtifactWarning;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.WarningCode;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.log.DbtLog;
import dev.dbttriage.log.LogFormat;
import dev.dbttriage.log.LogInvocation;
import dev.dbttriage.log.LogNode;
import dev.dbttriage.log.LogNodeStatus;
import dev.dbttriage.log.LogSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine that turns the lines of a dbt log into invocations. One instance reads one log; feed it
 * line by line with {@link #accept(String)}, then call {@link #finish()}. Memory is bounded by the number of
 * invocations and nodes, never by the size of the log: SQL, tracebacks and event dictionaries are read and
 * dropped, and a message is kept to {@link #MAX_MESSAGE_CHARS}.
 *
 * <p>Not thread-safe; {@link dev.dbttriage.log.LogReader} creates one per read.
 */
public final class LogParser {
  static final int MAX_MESSAGE_CHARS = 4_000;
  static final int MAX_MESSAGE_LINES = 40;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final Pattern HEADER = Pattern.compile(
      "^=+ (\\S+(?: \\S+)?) \\| ([0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}) =+\\s*$");
  private static final Pattern AIRFLOW = Pattern.compile(
      "^\\[(\\d{4}-\\d\\d-\\d\\d[T ][\\d:.,]+(?:[+-]\\d\\d:?\\d\\d|Z)?)\\] \\{([^}]*)\\} ([A-Z]+) - ?(.*)$");
  private static final Pattern FILE_LINE = Pattern.compile(
      "^(\\d\\d:\\d\\d:\\d\\d\\.\\d+) \\[(\\w+)\\s*\\] \\[([^\\]]*)\\]: ?(.*)$");
  private static final Pattern FUSION_LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d+) \\[(\\w+)\\s*\\]: ?(.*)$");
  private static final Pattern LEGACY_LINE = Pattern.compile(
      "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[.,]\\d+) \\(([^)]*)\\): ?(.*)$");
  private static final Pattern CONSOLE_LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d)(?:  (.*)| ?\\| ?(.*)|\\s*)$");
  private static final Pattern EMBEDDED = Pattern.compile(
      "(?:\\s|\\|\\s|-\\s|:\\s)(\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+ \\[\\w+\\s*\\](?: \\[[^\\]]*\\])?: |  ))");
  private static final Pattern CLOCK_BAR = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d \\| ?");
  static final Pattern RUNNING_WITH = Pattern.compile("Running with dbt(?:-fusion)?=(\\S+)");
  private static final Pattern FUSION_VERSION = Pattern.compile("^dbt-fusion (\\S+)");
  private static final Pattern RPC_REQUEST = Pattern.compile("^handling (\\S+) request$");
  private static final Set<String> RPC_NOT_INVOCATIONS = Set.of(
      "poll", "status", "ps", "kill", "gc", "list", "compile_sql", "run_sql", "get-manifest", "get_manifest");
  private static final Pattern REGISTERED_ADAPTER = Pattern.compile("Registered adapter: (\\w+)");
  private static final Pattern ACQUIRING = Pattern.compile("^Acquiring new (\\w+) connection");
  private static final Pattern INVOCATION_COMMAND = Pattern.compile("'invocation_command': '((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern WHICH_DICT = Pattern.compile("'which': '([^']*)'");
  private static final Pattern WHICH_NAMESPACE = Pattern.compile("\\bwhich='([^']*)'");
  private static final Pattern NODE_LINE = Pattern.compile(
      "^(\\d+) of (\\d+) (START|OK|ERROR|FAIL|WARN|PASS|SKIP|NO-OP|REUSED|RUNTIME ERROR)\\b ?(.*)$");
  private static final Pattern TRAILER = Pattern.compile("\\s*\\[([^\\[\\]]*)\\]\\s*$");
  private static final Pattern IN_SECONDS = Pattern.compile("\\bin ([\\d.]+)s$");
  private static final Pattern DOTS = Pattern.compile("\\s*\\.{2,}\\s*$");
  private static final Pattern ERROR_HEADER = Pattern.compile(
      "^(Database Error|Compilation Error|Runtime Error|Dependency Error|Failure|Warning) in "
          + "(sql operation|unit test|[a-z_]+) (\\S+?)(?: \\(([^)]*)\\))?\\s*:?\\s*$");
  private static final Pattern SUMMARY_PAIR = Pattern.compile("([A-Z-]+)=(\\d+)");
  private static final Pattern COMMAND_END = Pattern.compile("^Command `([^`]*)` (failed|succeeded) at (\\S+)");
  private static final Pattern FINISHED_RUNNING_N = Pattern.compile("^Finished running \\d+ ");
  private static final Pattern COMPLETED = Pattern.compile("^Completed (successfully|with \\d+ (?:errors?|warnings?))");
  private static final Pattern FUSION_STARTED = Pattern.compile("^Started running ([a-z_]+) (\\S+)\\s*$");
  private static final Pattern FUSION_FINISHED = Pattern.compile(
      "^Finished running \\[\\s*([\\d.]+)s\\] ([a-z_]+) (\\S+) \\[([a-zA-Z -]+)\\]\\s*$");
  private static final Pattern FUSION_STATUS = Pattern.compile(
      "^(Succeeded|Passed|Failed|Errored|Warned|Skipped|Reused|No-?op)\\s+\\[\\s*([\\d.]+)s\\]\\s+([a-z_]+)\\s+(\\S+)"
          + "(?:\\s+\\([^)]*\\))?\\s*$");
  private static final Pattern FUSION_ERROR = Pattern.compile("^error: (dbt\\d+): (.*)$");
  private static final Pattern FUSION_END = Pattern.compile("^Finished '([\\w-]+)'");
  private static final Pattern NEW_CMD = Pattern.compile("^NEW CMD = (.+)$");
  private static final Pattern RUNNING_COMMAND = Pattern.compile("Running command: (.*)$");
  private static final Pattern DBT_IN_COMMAND = Pattern.compile("(?:^|[\\s'\"&;/])(dbt(?:\\.exe)? (?![&;|])[^'\"]*?)['\"]?\\]?\\s*$");
  private static final Pattern BEGAN_NODE = Pattern.compile("^Began running node (\\S+)");
  private static final Pattern FINISHED_NODE = Pattern.compile("^Finished running node (\\S+)");


  private final String source;
  private final List<InvocationState> invocations = new ArrayList<>();
  private final JsonLogEvents jsonLines = new JsonLogEvents(this);
  private final List<ArtifactWarning> warnings = new ArrayList<>();
  InvocationState current;
  private long lineNo;
  private String pendingStart;
  private long pendingStartLine;
  private String pendingCommand;
  private Capture capture;
  private InvocationState encountered;
  private int encounteredLines;
  String lastVersion;
  boolean sawDbtLine;

  /**
   * Creates a parser.
   *
   * @param source the file name or stream description, for warnings and errors
   */
  public LogParser(String source) {
    this.source = source;
  }

  /** Returns true once a line in one of dbt's formats has been read. */
  public boolean sawDbtLine() {
    return sawDbtLine;
  }

  /** Records that a line was longer than the reader keeps and was cut. */
  public void lineTruncated(long line, int kept) {
    if (warnings.stream().noneMatch(w -> w.code() == WarningCode.LOG_LINE_TRUNCATED)) {
      warnings.add(new ArtifactWarning(source, "line " + line,
          "a line longer than " + kept + " characters was cut (the first such line; later ones are cut too)",
          WarningCode.LOG_LINE_TRUNCATED));
    }
  }

  /**
   * Reads one line (without its line terminator).
   *
   * @param raw the line
   */
  public void accept(String raw) {
    lineNo++;
    String s = clean(raw);
    if (pendingStart != null) {
      if (s.isBlank()) {
        return;
      }
      String held = pendingStart;
      long heldLine = pendingStartLine;
      pendingStart = null;
      Matcher h = HEADER.matcher(s);
      if (h.matches()) {
        boundary(headerFormat(h.group(1)), heldLine);
        header(h);
        return;
      }
      process(held, heldLine);
    }
    if (s.contains("'label': 'start'") && s.contains("'action': 'invocation'") && s.contains("Sending event")) {
      pendingStart = s;
      pendingStartLine = lineNo;
      sawDbtLine = true;
      return;
    }
    process(s, lineNo);
  }

  static String clean(String raw) {
    String s = raw;
    if (!s.isEmpty() && s.charAt(s.length() - 1) == '\r') {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.indexOf('\u001B') >= 0) {
      s = ANSI.matcher(s).replaceAll("");
    }
    return s;
  }

  private static LogFormat headerFormat(String stamp) {
    if (stamp.contains("T") && stamp.endsWith("Z")) {
      return LogFormat.FUSION;
    }
    return stamp.contains(" ") ? LogFormat.FILE_1_0 : LogFormat.DEBUG_1_5;
  }

  private void header(Matcher h) {
    sawDbtLine = true;
    current.id = h.group(2);
    current.startedAt = h.group(1);
  }

  private void preambleIfNeeded(long line) {
    if (current == null) {
      current = new InvocationState(0, null, line);
      invocations.add(current);
    }
  }

  InvocationState boundary(LogFormat format, long line) {
    endCapture();
    encountered = null;
    InvocationState inv = new InvocationState(invocations.size(), format, line);
    invocations.add(inv);
    current = inv;
    if (pendingCommand != null) {
      inv.args.putAll(LogArguments.fromCommandLine(pendingCommand));
      inv.command = pendingCommand;
      inv.commandFromOrchestrator = true;
      pendingCommand = null;
    }
    return inv;
  }

  private void process(String s, long line) {
    if (!s.isEmpty() && s.charAt(0) == '{') {
      jsonLines.accept(s, line);
      return;
    }
    if (s.startsWith("====")) {
      Matcher h = HEADER.matcher(s);
      if (h.matches()) {
        boundary(headerFormat(h.group(1)), line);
        header(h);
        return;
      }
    }
    String text = s;
    boolean orchestrated = false;
    if (text.startsWith("[")) {
      Matcher a = AIRFLOW.matcher(text);
      if (a.matches()) {
        String inner = a.group(4);
        boolean taskOutput = a.group(2).startsWith("subprocess.py") || a.group(2).startsWith("bash_operator.py")
            || a.group(2).startsWith("bash.py") || a.group(2).startsWith("logging_mixin.py");
        if (taskOutput && !inner.startsWith("Running command:") && !inner.startsWith("Output:")
            && !inner.startsWith("Command exited with") && !inner.startsWith("Tmp dir root")
            && !inner.startsWith("Sending SIG") || looksLikeDbt(inner)) {
          text = inner;
          orchestrated = true;
        } else {
          preambleIfNeeded(line);
          orchestratorLine(inner, a.group(1));
          return;
        }
      }
    }
    if (!orchestrated && (current == null || current.format == null || current.format == LogFormat.CONSOLE)
        && hasClock(text) && !looksLikeDbt(text)) {
      // Another orchestrator's prefix (GitHub Actions, Kubernetes, Prefect, Dagster): a timestamp and some
      // words, then dbt's own line. Only a line that is otherwise no dbt line is searched.
      Matcher p = EMBEDDED.matcher(text.length() > 200 ? text.substring(0, 200) : text);
      if (p.find() && p.start() > 0 && p.start() <= 160) {
        text = text.substring(p.start(1));
        orchestrated = true;
      }
    }
    Matcher m;
    if ((m = FILE_LINE.matcher(text)).matches()) {
      sawDbtLine = true;
      preambleIfNeeded(line);
      InvocationState target = current;
      if (target.format == null) {
        target.format = LogFormat.DEBUG_1_5;
      }
      message(m.group(4), m.group(3), m.group(1), false, line, target.format);
    } else if ((m = LEGACY_LINE.matcher(text)).matches()) {
      sawDbtLine = true;
      String msg = m.group(3);
      Matcher clock = CLOCK_BAR.matcher(msg);
      if (clock.lookingAt()) {
        msg = msg.substring(clock.end());
      }
      message(msg, m.group(2), m.group(1), false, line, LogFormat.LEGACY_TEXT);
    } else if ((m = FUSION_LINE.matcher(text)).matches()) {
      sawDbtLine = true;
      message(m.group(3), null, m.group(1), false, line, LogFormat.FUSION);
    } else if ((m = CONSOLE_LINE.matcher(text)).matches()) {
      sawDbtLine = true;
      String msg = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
      message(msg, null, m.group(1), false, line, LogFormat.CONSOLE);
    } else {
      message(text, null, null, true, line, orchestrated ? LogFormat.CONSOLE : null);
    }
  }

  /** True when the line's first 160 characters hold an {@code HH:MM:SS} clock: cheap, before any regex. */
  private static boolean hasClock(String text) {
    int n = Math.min(text.length(), 168);
    for (int i = 0; i + 8 <= n; i++) {
      if (text.charAt(i + 2) == ':' && text.charAt(i + 5) == ':' && digit(text, i) && digit(text, i + 1)
          && digit(text, i + 3) && digit(text, i + 4) && digit(text, i + 6) && digit(text, i + 7)) {
        return true;
      }
    }
    return false;
  }

  private static boolean digit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9';
  }

  /** True for a line in one of dbt's own text shapes (file, legacy, Fusion or console line, or a header). */
  private static boolean looksLikeDbt(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    if (c == '=') {
      return HEADER.matcher(text).matches();
    }
    if (c < '0' || c > '9') {
      return false;
    }
    return FILE_LINE.matcher(text).matches() || LEGACY_LINE.matcher(text).matches()
        || FUSION_LINE.matcher(text).matches() || CONSOLE_LINE.matcher(text).matches();
  }

  private void orchestratorLine(String inner, String time) {
    Matcher rc = RUNNING_COMMAND.matcher(inner);
    if (rc.find()) {
      Matcher d = DBT_IN_COMMAND.matcher(rc.group(1));
      if (d.find()) {
        pendingCommand = d.group(1).trim();
      }
      return;
    }
    if (inner.contains("Received SIGTERM") || inner.contains("Received SIGKILL")
        || inner.contains("Terminating instance") && current != null && !current.completed) {
      InvocationState target = openNodeInvocation();
      if (target != null && (target.killSignal == null || inner.contains("Received SIG"))) {
        target.killSignal = inner.contains("Received SIG") ? inner.substring(inner.indexOf("Received SIG")).strip()
            : inner.strip();
      }
    }
  }

  /** The latest invocation that started nodes and did not end, if any. */
  private InvocationState openNodeInvocation() {
    for (int i = invocations.size() - 1; i >= 0; i--) {
      InvocationState inv = invocations.get(i);
      if (!inv.completed && !inv.nodes.isEmpty()) {
        return inv;
      }
    }
    return null;
  }

  /** Where node and summary lines go: the current invocation, unless it only lists and an earlier one runs. */
  private InvocationState route() {
    if (current.nodes.isEmpty() && current.nonNodeCommand()) {
      for (int i = invocations.size() - 2; i >= 0; i--) {
        InvocationState inv = invocations.get(i);
        if (!inv.completed && !inv.nodes.isEmpty()) {
          return inv;
        }
      }
    }
    return current;
  }

  void message(String msg, String thread, String time, boolean continuation, long line,
      LogFormat lineFormat) {
    if (capture != null && current != null) {
      if (continuation || !msg.isEmpty() && Character.isWhitespace(msg.charAt(0)) && !msg.isBlank()) {
        captureLine(msg);
        return;
      }
      endCapture();
    }
    if (encountered != null && current != null) {
      if (!msg.isBlank() && encounteredLines < 6 && (continuation || encounteredLines == 0
          || Character.isWhitespace(msg.charAt(0)))) {
        String t = msg.strip();
        encountered.error = encountered.error == null ? t : encountered.error + "\n" + t;
        encounteredLines++;
        return;
      }
      if (!msg.isBlank() || encounteredLines > 0) {
        encountered = null;
      }
    }
    String t = msg.strip();
    if (t.isEmpty()) {
      preambleIfNeeded(line);
      return;
    }
    if (!continuation && lineFormat != null) {
      if (t.startsWith("Running with dbt") && (lineFormat == LogFormat.LEGACY_TEXT || lineFormat == LogFormat.CONSOLE)) {
        boundary(lineFormat, line);
      } else if (lineFormat == LogFormat.LEGACY_TEXT && t.startsWith("handling ")) {
        Matcher r = RPC_REQUEST.matcher(t);
        if (r.matches() && !RPC_NOT_INVOCATIONS.contains(r.group(1))) {
          InvocationState inv = boundary(LogFormat.LEGACY_TEXT, line);
          inv.command = "rpc " + r.group(1);
          inv.version = lastVersion;
          inv.startedAt = time;
          return;
        }
      }
      preambleIfNeeded(line);
      if (current.format == null || current.nodes.isEmpty() && current.version == null
          && current.format != lineFormat && current.format != LogFormat.FILE_1_0
          && current.format != LogFormat.DEBUG_1_5 && current.format != LogFormat.FUSION) {
        current.format = lineFormat;
      }
      if (time != null) {
        if (current.startedAt == null) {
          current.startedAt = time;
        }
        current.endedAt = time;
      }
    }
    boolean fusionConsole = continuation && t.startsWith("dbt-fusion ") && FUSION_VERSION.matcher(t).find();
    if (fusionConsole && current == null) {
      boundary(LogFormat.FUSION, line);
    }
    preambleIfNeeded(line);
    InvocationState target = current;
    Matcher m;
    if (t.contains("Running with dbt")) {
      m = RUNNING_WITH.matcher(t);
      if (m.find()) {
        target.version = m.group(1);
        lastVersion = m.group(1);
        sawDbtLine = true;
        return;
      }
    }
    if (fusionConsole && (current.version != null || !current.nodes.isEmpty() || current.format != LogFormat.FUSION)) {
      // Fusion's console output has no timestamps: its version line begins an invocation
      boundary(LogFormat.FUSION, line);
      target = current;
    }
    if ((lineFormat == LogFormat.FUSION || continuation) && t.startsWith("dbt-fusion ")) {
      m = FUSION_VERSION.matcher(t);
      if (m.find() && target.version == null) {
        target.version = m.group(1);
        lastVersion = target.version;
        sawDbtLine = true;
      }
      return;
    }
    if (t.startsWith("running dbt with arguments")) {
      commandFromArguments(target, t);
      return;
    }
    if (t.startsWith("NEW CMD = ")) {
      m = NEW_CMD.matcher(t);
      if (m.matches()) {
        pendingCommand = m.group(1).strip();
      }
      return;
    }
    if (target.adapter == null) {
      if ((m = REGISTERED_ADAPTER.matcher(t)).find() || (m = ACQUIRING.matcher(t)).find()) {
        target.adapter = m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    if (thread != null) {
      if (t.startsWith("Began running node ")) {
        m = BEGAN_NODE.matcher(t);
        if (m.find()) {
          route().began.put(thread, m.group(1));
        }
        return;
      }
      if (t.startsWith("Finished running node ")) {
        m = FINISHED_NODE.matcher(t);
        if (m.find()) {
          InvocationState r = route();
          NodeState last = r.lastResultByThread.remove(thread);
          if (last != null && last.uniqueId == null && sameNode(last, m.group(1))) {
            last.uniqueId = m.group(1);
          }
        }
        return;
      }
    }
    char c0 = t.charAt(0);
    if (c0 >= '0' && c0 <= '9' && (m = NODE_LINE.matcher(t)).matches()) {
      nodeLine(m, thread);
      return;
    }
    if (lineFormat == LogFormat.FUSION || continuation && current.format == LogFormat.FUSION) {
      if (fusionLine(t)) {
        return;
      }
    }
    if (t.contains(" in ") && (m = ERROR_HEADER.matcher(t)).matches()) {
      startCapture(m);
      return;
    }
    if (t.startsWith("Encountered an error")) {
      encountered = route();
      encounteredLines = 0;
      String rest = t.substring("Encountered an error".length()).replaceFirst("^[^:]*:\\s*", "");
      if (!rest.isEmpty()) {
        encountered.error = rest;
        encounteredLines = 1;
      }
      return;
    }
    endMarkers(t);
  }

  private void endMarkers(String t) {
    Matcher m;
    if (t.startsWith("Done.")) {
      InvocationState r = route();
      r.completed = true;
      if (t.contains("TOTAL=")) {
        r.summary = summary(t);
      }
    } else if (t.startsWith("Finished running ") && FINISHED_RUNNING_N.matcher(t).find()) {
      route().completed = true;
    } else if (t.startsWith("Completed ") && COMPLETED.matcher(t).find()) {
      route().completed = true;
    } else if (t.startsWith("Command `") && (m = COMMAND_END.matcher(t)).find()) {
      InvocationState r = current;
      r.completed = true;
      if (r.command == null) {
        r.command = m.group(1);
      }
    } else if (t.contains("KeyboardInterrupt") || t.equalsIgnoreCase("ctrl-c") || t.startsWith("Cancelling query")
        || t.contains("The bash command was cancelled") || t.startsWith("Received SIGTERM")) {
      InvocationState r = route();
      if (r.killSignal == null) {
        r.killSignal = t.contains("KeyboardInterrupt") || t.equalsIgnoreCase("ctrl-c")
            ? "KeyboardInterrupt (Ctrl-C)" : t;
      }
    }
  }

  private static LogSummary summary(String t) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher p = SUMMARY_PAIR.matcher(t);
    while (p.find()) {
      counts.put(p.group(1), Integer.parseInt(p.group(2).length() > 9 ? "999999999" : p.group(2)));
    }
    Integer noOp = counts.get("NO-OP");
    return new LogSummary(counts.getOrDefault("PASS", 0), counts.getOrDefault("WARN", 0),
        counts.getOrDefault("ERROR", 0), counts.getOrDefault("SKIP", 0),
        noOp == null ? OptionalInt.empty() : OptionalInt.of(noOp), counts.getOrDefault("TOTAL", 0));
  }

  private void commandFromArguments(InvocationState target, String t) {
    if (target.commandFromOrchestrator) {
      return;
    }
    Map<String, Object> printed = LogArguments.fromPrinted(t.length() > 20_000 ? t.substring(0, 20_000) : t);
    printed.forEach(target.args::putIfAbsent);
    Matcher m = INVOCATION_COMMAND.matcher(t);
    if (m.find()) {
      target.command = m.group(1).replace("\\'", "'").replace("\\\\", "\\");
      target.args.putAll(LogArguments.fromCommandLine(target.command));
      return;
    }
    m = WHICH_DICT.matcher(t);
    if (m.find()) {
      target.command = m.group(1);
      return;
    }
    m = WHICH_NAMESPACE.matcher(t);
    if (m.find() && target.command == null) {
      target.command = m.group(1);
    }
  }

  private boolean fusionLine(String t) {
    Matcher m;
    if ((m = FUSION_STATUS.matcher(t)).matches()) {
      InvocationState r = current;
      String type = m.group(3);
      String desc = type + " " + m.group(4);
      NodeState n = r.nodes.computeIfAbsent("f:" + desc, k -> new NodeState(0, 0, desc));
      n.resourceType = type;
      n.relation = m.group(4);
      n.name = lastSegment(m.group(4));
      boolean test = type.equals("test") || type.equals("unit_test");
      n.status = switch (m.group(1)) {
        case "Succeeded" -> LogNodeStatus.SUCCESS;
        case "Passed" -> LogNodeStatus.PASS;
        case "Failed" -> test ? LogNodeStatus.FAIL : LogNodeStatus.ERROR;
        case "Warned" -> LogNodeStatus.WARN;
        case "Skipped" -> LogNodeStatus.SKIPPED;
        case "Reused" -> LogNodeStatus.REUSED;
        case "Errored" -> LogNodeStatus.ERROR;
        default -> LogNodeStatus.NO_OP;
      };
      if (n.status == LogNodeStatus.FAIL) {
        n.errorClass = ErrorClass.TEST;
      }
      n.executionTime = parseSeconds(m.group(2));
      sawDbtLine = true;
      r.lastFusionFailure = n.status == LogNodeStatus.ERROR || n.status == LogNodeStatus.FAIL ? n : r.lastFusionFailure;
      return true;
    }
    if (t.startsWith("error: dbt") && (m = FUSION_ERROR.matcher(t)).matches()) {
      InvocationState r = current;
      NodeState n = r.lastFusionFailure;
      if (n != null && n.message == null) {
        n.message = m.group(1) + ": " + m.group(2);
      } else if (n == null && r.error == null) {
        r.error = m.group(1) + ": " + m.group(2);
      }
      return true;
    }
    if (t.startsWith("Started running ") && (m = FUSION_STARTED.matcher(t)).matches()) {
      InvocationState r = current;
      String desc = m.group(1) + " " + m.group(2);
      NodeState n = r.nodes.computeIfAbsent("f:" + desc, k -> new NodeState(0, 0, desc));
      n.resourceType = m.group(1);
      n.relation = m.group(2);
      n.name = lastSegment(m.group(2));
      n.status = LogNodeStatus.STARTED;
      return true;
    }
    if (t.startsWith("Finished running [") && (m = FUSION_FINISHED.matcher(t)).matches()) {
      InvocationState r = current;
      String desc = m.group(2) + " " + m.group(3);
      NodeState n = r.nodes.computeIfAbsent("f:" + desc, k -> new NodeState(0, 0, desc));
      n.resourceType = m.group(2);
      n.relation = m.group(3);
      n.name = lastSegment(m.group(3));
      n.status = status(m.group(4));
      n.executionTime = parseSeconds(m.group(1));
      return true;
    }
    if (t.startsWith("Finished '") && (m = FUSION_END.matcher(t)).find()) {
      current.completed = true;
      if (current.command == null) {
        current.command = m.group(1);
      }
      return true;
    }
    if (t.startsWith("==") && t.contains("Execution Summary")) {
      current.completed = true;
      return true;
    }
    return false;
  }

  private void nodeLine(Matcher m, String thread) {
    int index = parseInt(m.group(1));
    int total = parseInt(m.group(2));
    String word = m.group(3);
    String rest = m.group(4);
    InvocationState target = route();
    if (word.equals("START")) {
      String desc = stripTrailer(rest);
      boolean hook = desc.startsWith("hook: ") || desc.startsWith("hook:");
      String key = key(hook, index, total);
      NodeState n = new NodeState(index, total, desc);
      n.hook = hook;
      describe(n, desc);
      n.status = LogNodeStatus.STARTED;
      n.thread = thread;
      if (thread != null) {
        String uid = target.began.get(thread);
        if (uid != null && sameNode(n, uid)) {
          n.uniqueId = uid;
        }
      }
      NodeState old = target.nodes.put(key, n);
      if (old != null && old.status != LogNodeStatus.STARTED) {
        // The same number twice in one invocation (a hook list and a node list of equal size): keep both.
        target.nodes.put(key, old);
        target.nodes.put(key + "#" + target.nodes.size(), n);
      }
      return;
    }
    // A result line.
    Matcher tr = TRAILER.matcher(rest);
    String trailer = tr.find() ? tr.group(1) : "";
    String body = tr.find(0) ? rest.substring(0, tr.start()) : rest;
    body = DOTS.matcher(body).replaceAll("").strip();
    LogNodeStatus status = switch (word) {
      case "OK" -> LogNodeStatus.SUCCESS;
      case "PASS" -> LogNodeStatus.PASS;
      case "WARN" -> LogNodeStatus.WARN;
      case "FAIL" -> LogNodeStatus.FAIL;
      case "SKIP" -> LogNodeStatus.SKIPPED;
      case "NO-OP" -> LogNodeStatus.NO_OP;
      case "REUSED" -> LogNodeStatus.REUSED;
      default -> LogNodeStatus.ERROR;
    };
    boolean stale = word.equals("ERROR") && body.startsWith("STALE");
    String desc = resultDescription(word, body);
    boolean hook = desc.startsWith("hook:");
    String key = key(hook, index, total);
    NodeState n = findStarted(target, key, desc);
    if (n == null) {
      n = new NodeState(index, total, desc);
      n.hook = hook;
      describe(n, desc);
      target.nodes.put(target.nodes.containsKey(key) ? key + "#" + target.nodes.size() : key, n);
    }
    n.status = status;
    Matcher sec = IN_SECONDS.matcher(trailer);
    if (sec.find()) {
      n.executionTime = parseSeconds(sec.group(1));
    }
    if (stale) {
      n.errorClass = ErrorClass.FRESHNESS;
      if (n.message == null) {
        n.message = "ERROR STALE";
      }
    }
    if (thread != null) {
      target.lastResultByThread.put(thread, n);
    }
  }

  private static String resultDescription(String word, String body) {
    String b = body;
    if (word.equals("FAIL") || word.equals("WARN")) {
      b = b.replaceFirst("^\\d+\\s+", "");
    }
    if (word.equals("ERROR") && b.startsWith("STALE ")) {
      b = b.substring("STALE ".length());
    }
    for (String verb : new String[] {"created ", "creating ", "loaded ", "loading ", "snapshotted ",
        "snapshotting ", "inserted ", "executed "}) {
      if (b.startsWith(verb)) {
        return b.substring(verb.length());
      }
    }
    return b;
  }

  /** The started node a result line finishes: in the target invocation, else in an earlier open one. */
  private NodeState findStarted(InvocationState target, String key, String desc) {
    NodeState n = target.nodes.get(key);
    if (n != null && n.status == LogNodeStatus.STARTED && compatible(n, desc)) {
      return n;
    }
    for (int i = invocations.size() - 1; i >= 0; i--) {
      InvocationState inv = invocations.get(i);
      if (inv == target || inv.completed) {
        continue;
      }
      NodeState o = inv.nodes.get(key);
      if (o != null && o.status == LogNodeStatus.STARTED && compatible(o, desc)) {
        return o;
      }
    }
    return n != null && n.status == LogNodeStatus.STARTED ? n : null;
  }

  private static boolean compatible(NodeState started, String resultDesc) {
    String name = lastSegment(lastWord(resultDesc));
    return started.description.endsWith(name) || started.name.equals(name) || resultDesc.isEmpty();
  }

  private static String key(boolean hook, int index, int total) {
    return (hook ? "h" : "n") + index + "/" + total;
  }

  /** Fills resource type, name and relation from a description such as {@code sql table model dev.orders}. */
  private static void describe(NodeState n, String desc) {
    String d = desc;
    if (d.startsWith("hook:")) {
      n.resourceType = "operation";
      n.name = d.substring(5).strip();
      return;
    }
    String last = lastWord(d);
    String head = d.length() > last.length() ? d.substring(0, d.length() - last.length()).strip() : "";
    String type = null;
    if (head.endsWith("model")) {
      type = "model";
    } else if (head.equals("test") || head.endsWith(" test")) {
      type = "test";
    } else if (head.startsWith("seed")) {
      type = "seed";
    } else if (head.startsWith("snapshot")) {
      type = "snapshot";
    } else if (head.equals("freshness of")) {
      type = "source";
    } else if (head.equals("unit_test") || head.equals("unit test")) {
      type = "unit_test";
    } else if (head.equals("exposure")) {
      type = "exposure";
    } else if (head.equals("relation")) {
      type = null;
    } else if (head.equals("function") || head.endsWith(" function")) {
      type = "function";
    }
    n.resourceType = type;
    if (type != null && (type.equals("test") || type.equals("unit_test"))) {
      n.name = last;
    } else if ("source".equals(type)) {
      n.name = last;
      n.relation = last;
    } else {
      n.name = lastSegment(last);
      if (last.contains(".")) {
        n.relation = last;
      }
    }
  }

  private static boolean sameNode(NodeState n, String uniqueId) {
    String[] parts = uniqueId.split("\\.");
    if (parts.length < 3) {
      return false;
    }
    String name = parts[2];
    if (n.resourceType != null && !n.resourceType.equals(parts[0])) {
      return n.resourceType.equals("source") && parts[0].equals("source");
    }
    if (parts[0].equals("source") && parts.length >= 4) {
      return n.name.equals(parts[2] + "." + parts[3]) || n.name.endsWith("." + parts[3]);
    }
    return n.name.equals(name) || n.name.equalsIgnoreCase(parts[parts.length - 1])
        || n.name.equalsIgnoreCase(name);
  }

  private static String stripTrailer(String rest) {
    String s = rest;
    Matcher tr = TRAILER.matcher(s);
    if (tr.find()) {
      s = s.substring(0, tr.start());
    }
    return DOTS.matcher(s).replaceAll("").strip();
  }

  private static String lastWord(String s) {
    int i = s.lastIndexOf(' ');
    return i < 0 ? s : s.substring(i + 1);
  }

  static String lastSegment(String s) {
    int i = s.lastIndexOf('.');
    return i < 0 ? s : s.substring(i + 1);
  }

  private static int parseInt(String s) {
    return s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
  }

  private static Double parseSeconds(String s) {
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static LogNodeStatus status(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "success", "ok" -> LogNodeStatus.SUCCESS;
      case "pass" -> LogNodeStatus.PASS;
      case "warn" -> LogNodeStatus.WARN;
      case "fail" -> LogNodeStatus.FAIL;
      case "skipped", "skip" -> LogNodeStatus.SKIPPED;
      case "no-op", "noop", "no op" -> LogNodeStatus.NO_OP;
      case "reused" -> LogNodeStatus.REUSED;
      case "error", "runtime error", "runtimeerr", "errored" -> LogNodeStatus.ERROR;
      default -> null;
    };
  }

  // --- Error sections -------------------------------------------------------------------------------------

  private void startCapture(Matcher m) {
    String header = m.group(1);
    String type = m.group(2).replace(' ', '_');
    Capture c = new Capture(route(), type, m.group(3));
    c.errorClass = headerClass(header, type);
    c.outerFailure = header.equals("Failure") && !type.equals("test");
    c.warning = header.equals("Warning");
    capture = c;
  }

  private static ErrorClass headerClass(String header, String type) {
    return switch (header) {
      case "Database Error" -> ErrorClass.DATABASE;
      case "Compilation Error" -> ErrorClass.COMPILATION;
      case "Runtime Error" -> ErrorClass.RUNTIME;
      case "Dependency Error" -> ErrorClass.DEPENDENCY;
      default -> type.equals("test") || type.equals("unit_test") ? ErrorClass.TEST : null;
    };
  }

  private void captureLine(String line) {
    Capture c = capture;
    String t = line.strip();
    if (c.outerFailure && c.lines == 0) {
      Matcher inner = ERROR_HEADER.matcher(t);
      if (inner.matches()) {
        ErrorClass cls = headerClass(inner.group(1), inner.group(2).replace(' ', '_'));
        if (cls != null) {
          c.errorClass = cls;
        }
        c.outerFailure = false;
        return;
      }
    }
    if (c.lines >= MAX_MESSAGE_LINES || c.body.length() >= MAX_MESSAGE_CHARS) {
      return;
    }
    if (c.body.length() > 0) {
      c.body.append('\n');
    }
    int room = MAX_MESSAGE_CHARS - c.body.length();
    c.body.append(line.length() > room ? line.substring(0, room) : line);
    c.lines++;
  }

  void endCapture() {
    Capture c = capture;
    if (c == null) {
      return;
    }
    capture = null;
    if (c.warning) {
      return;
    }
    String body = c.body.toString().stripIndent().strip();
    NodeState target = null;
    for (NodeState n : c.inv.nodes.values()) {
      if (matches(n, c.type, c.name)) {
        target = n;
        if (n.status != LogNodeStatus.SUCCESS && n.status != LogNodeStatus.PASS) {
          break;
        }
      }
    }
    if (target == null) {
      if (c.inv.nodes.isEmpty() && c.inv.error == null && !body.isEmpty()) {
        c.inv.error = c.header() + "\n" + body;
      }
      return;
    }
    if (target.errorClass == null && c.errorClass != null) {
      target.errorClass = c.errorClass;
    }
    if (target.message == null && !body.isEmpty()) {
      target.message = body;
    }
  }

  private static boolean matches(NodeState n, String type, String name) {
    if (n.uniqueId != null) {
      String[] parts = n.uniqueId.split("\\.");
      if (parts.length >= 3 && parts[0].equals(type) && parts[2].equals(name)) {
        return true;
      }
      if (parts[0].equals("source") && parts.length >= 4 && type.equals("source")
          && name.equals(parts[2] + "." + parts[3])) {
        return true;
      }
    }
    if (n.resourceType != null && !n.resourceType.equals(type)) {
      return false;
    }
    return n.name.equals(name) || n.name.equalsIgnoreCase(name) || n.description.endsWith(" " + name)
        || n.relation != null && n.relation.equalsIgnoreCase(name);
  }

  // --- Result ---------------------------------------------------------------------------------------------

  /**
   * Ends the read and returns the log.
   *
   * @return the log
   */
  public DbtLog finish() {
    if (pendingStart != null) {
      String held = pendingStart;
      pendingStart = null;
      process(held, pendingStartLine);
    }
    endCapture();
    if (jsonLines.badLines() > 0) {
      warnings.add(new ArtifactWarning(source, "line " + jsonLines.firstBadLine(),
          jsonLines.badLines() + " line(s) starting with '{' are not dbt JSON log events and were skipped (the first at line "
              + jsonLines.firstBadLine() + ")", WarningCode.LOG_LINE_UNREADABLE));
    }
    LogFormat fallback = null;
    for (InvocationState inv : invocations) {
      if (inv.format != null) {
        fallback = inv.format;
        break;
      }
    }
    List<LogInvocation> out = new ArrayList<>(invocations.size());
    for (InvocationState inv : invocations) {
      List<LogNode> nodes = new ArrayList<>(inv.nodes.size());
      boolean started = false;
      for (NodeState n : inv.nodes.values()) {
        started |= n.status == LogNodeStatus.STARTED;
        nodes.add(n.build());
      }
      LogFormat format = inv.format != null ? inv.format : fallback != null ? fallback : LogFormat.CONSOLE;
      boolean killed = !inv.completed && started;
      if (killed && inv.killSignal == null && inv != current && !invocations.isEmpty()) {
        // Another invocation began while this one had nodes running: the process is gone.
        inv.killSignal = null;
      }
      if (!inv.args.containsKey("which") && inv.command != null && !inv.command.startsWith("rpc ")
          && !inv.command.contains(" ")) {
        inv.args.put("which", inv.command);
      }
      out.add(new LogInvocation(inv.index, format, Optional.ofNullable(inv.id), Optional.ofNullable(inv.version),
          Optional.ofNullable(inv.adapter), Optional.ofNullable(inv.command),
          inv.args.isEmpty() ? InvocationArgs.NONE : InvocationArgs.of(inv.args),
          Optional.ofNullable(inv.startedAt),
          Optional.ofNullable(inv.endedAt), nodes, Optional.ofNullable(inv.summary), inv.completed, killed,
          Optional.ofNullable(inv.killSignal), Optional.ofNullable(inv.error), inv.firstLine));
    }
    return new DbtLog(source, out, warnings);
  }

  // --- Mutable state --------------------------------------------------------------------------------------





  private static final class Capture {
    final InvocationState inv;
    final String type;
    final String name;
    ErrorClass errorClass;
    boolean outerFailure;
    boolean warning;
    final StringBuilder body = new StringBuilder();
    int lines;

    Capture(InvocationState inv, String type, String name) {
      this.inv = inv;
      this.type = type;
      this.name = name;
    }

    String header() {
      return (errorClass == null ? "Error" : errorClass.name()) + " in " + type + " " + name;
    }
  }
}
