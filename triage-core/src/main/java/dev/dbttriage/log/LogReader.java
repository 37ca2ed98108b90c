package dev.dbttriage.log;

import dev.dbttriage.internal.log.LogParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads dbt logs of every format: {@code logs/dbt.log} of dbt 0.x to 1.12 and dbt Fusion, JSON lines, and
 * console output as an orchestrator captures it (Airflow's prefixes included). The format is detected from the
 * lines, per invocation, since a log that lived through an upgrade mixes formats.
 *
 * <p>A log is read line by line: memory grows with the number of invocations and nodes, not with the size of
 * the file (SQL, tracebacks and event dictionaries are dropped as they are read; a line is kept to
 * {@value #MAX_LINE_CHARS} characters). Bytes that are not UTF-8 are replaced, never rejected.
 *
 * <pre>{@code
 * DbtLog log = LogReader.read(Path.of("logs/dbt.log"));
 * log.incident().ifPresent(inv -> System.out.println(inv.command() + " killed=" + inv.killed()));
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class LogReader {
  /** The longest line kept, in characters; the rest of a longer line is skipped. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  private LogReader() {}

  /**
   * Reads a log file.
   *
   * @param file the file
   * @return the log
   * @throws LogException if the file is missing, empty, binary, or not a dbt log
   */
  public static DbtLog read(Path file) {
    Objects.requireNonNull(file, "file");
    String name = String.valueOf(file.getFileName());
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new LogException(name + ": no such file", name, null);
    } catch (IOException e) {
      throw new LogException(name + ": could not be read (" + e.getClass().getSimpleName() + ")", name, e);
    }
  }

  /**
   * Reads a log from a stream, which is not closed.
   *
   * @param in the stream
   * @param name the name to use in warnings and errors
   * @return the log
   * @throws LogException if the stream is empty, binary, or not a dbt log
   */
  public static DbtLog read(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    try {
      buffered.mark(8192);
      byte[] head = buffered.readNBytes(8192);
      buffered.reset();
      if (head.length == 0) {
        throw new LogException(name + ": empty: expected a dbt log", name, null);
      }
      for (byte b : head) {
        if (b == 0) {
          throw new LogException(name + ": binary data (a NUL byte in the first 8 KiB): expected a dbt log",
              name, null);
        }
      }
      Reader reader = new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
      return read(reader, name);
    } catch (IOException e) {
      throw new LogException(name + ": could not be read (" + e.getClass().getSimpleName() + ")", name, e);
    }
  }

  /**
   * Reads a log held in memory, such as console output pasted into a chat or an orchestrator's task log.
   *
   * @param text the log's text
   * @param name the name to use in warnings and errors
   * @return the log
   * @throws LogException if the text is empty or not a dbt log
   */
  public static DbtLog parse(String text, String name) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    if (text.isEmpty()) {
      throw new LogException(name + ": empty: expected a dbt log", name, null);
    }
    try {
      return read(new StringReader(text), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DbtLog read(Reader reader, String name) throws IOException {
    LogParser parser = new LogParser(name);
    char[] buf = new char[1 << 15];
    StringBuilder line = new StringBuilder(256);
    boolean dropping = false;
    long lineNo = 0;
    int n;
    while ((n = reader.read(buf)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          if (!dropping) {
            int room = MAX_LINE_CHARS - line.length();
            if (i - start > room) {
              line.append(buf, start, room);
              parser.lineTruncated(lineNo + 1, MAX_LINE_CHARS);
            } else {
              line.append(buf, start, i - start);
            }
          }
          lineNo++;
          parser.accept(line.toString());
          line.setLength(0);
          dropping = false;
          start = i + 1;
        }
      }
      if (!dropping && start < n) {
        int room = MAX_LINE_CHARS - line.length();
        int len = n - start;
        if (len > room) {
          line.append(buf, start, room);
          dropping = true;
          parser.lineTruncated(lineNo + 1, MAX_LINE_CHARS);
        } else {
          line.append(buf, start, len);
        }
      }
    }
    if (line.length() > 0) {
      parser.accept(line.toString());
    }
    if (!parser.sawDbtLine()) {
      throw new LogException(name + ": not a dbt log: no line is in one of dbt's log formats (file log, "
          + "JSON lines, console output)", name, null);
    }
    return parser.finish();
  }
}
