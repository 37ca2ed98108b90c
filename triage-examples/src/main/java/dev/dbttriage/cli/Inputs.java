package dev.dbttriage.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the commands open the files they are given: {@code -} is standard input everywhere; a pipe, FIFO or
 * {@code /dev/stdin} is read front to back without seeking (copied to a temporary file when a reader needs a
 * file); opening a FIFO that has no writer waits at most {@code DBT_TRIAGE_OPEN_TIMEOUT} seconds (default 10)
 * and then fails with a clear error instead of blocking forever.
 */
final class Inputs {
  /** The size of the biggest input read so far, for the out-of-memory message. */
  private static volatile long biggestInput;
  private static volatile String biggestName = "";

  private Inputs() {}

  static long biggestInput() {
    return biggestInput;
  }

  static String biggestName() {
    return biggestName;
  }

  static void noteSize(String name, long bytes) {
    if (bytes > biggestInput) {
      biggestInput = bytes;
      biggestName = name;
    }
  }

  /** Whether the argument names standard input. */
  static boolean isStdin(String arg) {
    return "-".equals(arg);
  }

  /**
   * Opens a file argument for reading front to back.
   *
   * @param arg the argument as given ({@code -} for standard input)
   * @param what what the file is, for messages (such as {@code --batch})
   * @param context the streams and working directory
   * @return the stream; the caller closes it
   * @throws CliUsageException when it is missing, a directory, or a FIFO nobody writes to
   */
  static InputStream open(String arg, String what, CliContext context) {
    if (isStdin(arg)) {
      return context.in();
    }
    Path p = context.workingDirectory().resolve(arg);
    if (Files.isDirectory(p)) {
      throw new CliUsageException(what + " '" + arg + "' is a directory, not a file");
    }
    if (!Files.exists(p)) {
      throw new CliUsageException(what + " '" + arg + "' is not a readable file");
    }
    try {
      if (Files.isRegularFile(p)) {
        noteSize(arg, Files.size(p));
        return Files.newInputStream(p);
      }
      return openSpecial(p, arg, what, context);
    } catch (IOException e) {
      throw new CliUsageException("cannot read " + what + " '" + arg + "': " + e.getMessage());
    }
  }

  /**
   * Returns a regular file holding the argument's bytes: the file itself when it is one, else a temporary copy
   * of standard input, a pipe or a FIFO (deleted when the JVM exits), for readers that take a path.
   */
  static Path asFile(String arg, String what, CliContext context) {
    if (!isStdin(arg)) {
      Path p = context.workingDirectory().resolve(arg);
      if (Files.isRegularFile(p) || Files.isDirectory(p) || !Files.exists(p)) {
        if (Files.isRegularFile(p)) {
          try {
            noteSize(arg, Files.size(p));
          } catch (IOException e) {
            // the reader reports it
          }
        }
        return p;
      }
    }
    try (InputStream in = open(arg, what, context)) {
      Path tmp = Files.createTempFile("dbt-triage-", ".json");
      tmp.toFile().deleteOnExit();
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      noteSize(isStdin(arg) ? "standard input" : arg, Files.size(tmp));
      return tmp;
    } catch (IOException e) {
      throw new CliUsageException("cannot read " + (isStdin(arg) ? "standard input" : what + " '" + arg + "'")
          + ": " + e.getMessage());
    }
  }

  private static InputStream openSpecial(Path p, String arg, String what, CliContext context)
      throws IOException {
    long seconds = timeoutSeconds(context);
    CompletableFuture<FileInputStream> opening = CompletableFuture.supplyAsync(() -> {
      try {
        return new FileInputStream(p.toFile());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, r -> {
      Thread t = new Thread(r, "dbt-triage-open");
      t.setDaemon(true); // a FIFO open that never returns must not keep the JVM alive
      t.start();
    });
    try {
      return opening.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new CliUsageException(what + " '" + arg + "' is a FIFO or device with no writer: nothing opened it "
          + "for writing within " + seconds + " s (set DBT_TRIAGE_OPEN_TIMEOUT to wait longer)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
      throw new IOException(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening", e);
    }
  }

  private static long timeoutSeconds(CliContext context) {
    String v = context.env().get("DBT_TRIAGE_OPEN_TIMEOUT");
    if (v != null) {
      try {
        return Math.max(1, Long.parseLong(v.strip()));
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return 10;
  }

  /** One line of a line-oriented input: its number and text, or why its bytes are not UTF-8. */
  record Line(int number, String text, String error) {}

  /** Reads lines ({@code \n} or {@code \r\n}); each line is decoded on its own, so one bad byte spoils one line. */
  static final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private int number;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    LineReader(InputStream in) {
      this.in = in;
    }

    /** Returns the next line, or null at the end. */
    Line next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean any = false;
      while (true) {
        if (pos == len) {
          len = in.read(buf);
          pos = 0;
          if (len <= 0) {
            len = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < len && buf[pos] != '\n') {
          pos++;
        }
        line.write(buf, start, pos - start);
        if (pos < len) {
          pos++; // the newline
          break;
        }
      }
      number++;
      byte[] bytes = line.toByteArray();
      int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      try {
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, n));
        return new Line(number, chars.toString(), null);
      } catch (CharacterCodingException e) {
        return new Line(number, null, "line " + number + " is not valid UTF-8 (byte 0x"
            + String.format(Locale.ROOT, "%02X", bytes[firstBad(bytes, n)] & 0xff) + " at column "
            + (firstBad(bytes, n) + 1) + ")");
      }
    }

    private static int firstBad(byte[] bytes, int n) {
      CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer bb = ByteBuffer.wrap(bytes, 0, n);
      CharBuffer cb = CharBuffer.allocate(n + 1);
      d.decode(bb, cb, true);
      return Math.min(bb.position(), n - 1);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
