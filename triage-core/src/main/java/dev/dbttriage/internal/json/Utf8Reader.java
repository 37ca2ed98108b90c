package dev.dbttriage.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as {@code InputStreamReader} does (each malformed sequence becomes U+FFFD, a leading byte order
 * mark is dropped), but counts the replacements so that the reader can say so instead of loading altered text
 * silently. Reads the stream strictly forwards, so pipes and {@code /dev/stdin} work. Not thread-safe.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private boolean eof;
  private boolean started;
  private long bytesRead;
  private long replaced;
  private long firstBadOffset = -1;

  Utf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
  }

  /** Returns how many malformed sequences were replaced by U+FFFD so far. */
  long replaced() {
    return replaced;
  }

  /** Returns the 0-based byte offset of the first malformed sequence, or -1. */
  long firstBadOffset() {
    return firstBadOffset;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!started) {
      started = true;
      fill();
      if (bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
          && (bytes.get(2) & 0xFF) == 0xBF) {
        bytes.position(3);
      }
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    int start = out.position();
    for (;;) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        if (!out.hasRemaining()) {
          break;
        }
        if (firstBadOffset < 0) {
          firstBadOffset = bytesRead - bytes.remaining();
        }
        replaced++;
        bytes.position(bytes.position() + r.length());
        out.put('\uFFFD');
        continue;
      }
      if (r.isOverflow() || eof || out.position() > start) {
        break;
      }
      fill();
    }
    int n = out.position() - start;
    return n == 0 && eof && !bytes.hasRemaining() ? -1 : n;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
      bytesRead += n;
    }
    bytes.flip();
  }

  @Override
  public void close() {
    // The stream belongs to the caller.
  }
}
