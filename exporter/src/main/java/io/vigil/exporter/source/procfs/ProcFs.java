package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code /proc} tree under a configurable mount point (node_exporter's {@code --path.procfs}).
 *
 * <p>Pseudo-files report a size of 0 or 4096 whatever they hold, so files are read whole into a growing buffer
 * without trusting {@code stat}, capped at {@link #MAX_FILE_BYTES}.
 *
 * <p>Thread safety: immutable; reads use a per-thread buffer.
 */
public final class ProcFs {

  /** Largest pseudo-file we read; larger means something is wrong (or it is not a pseudo-file). */
  public static final int MAX_FILE_BYTES = 4 << 20;

  /** Read buffers up to this size are kept per thread for the next file; larger ones are dropped after use. */
  private static final int KEPT_BUFFER_BYTES = 64 << 10;

  /**
   * One read buffer per thread: a scrape reads ~170 small files, and a fresh 8 KiB array for each was most of the
   * scrape's garbage. Collector and HTTP threads are pooled, so each keeps one buffer.
   */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

  private final Path root;

  public ProcFs(Path root) {
    this.root = root;
  }

  /** Fails fast with a clear message when the root is missing or not a directory. */
  public static ProcFs open(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("procfs root " + root + " is not a directory (check --path.procfs / --path.rootfs)");
    }
    return new ProcFs(root);
  }

  public Path root() {
    return root;
  }

  /** {@code path("net", "dev")} is {@code <root>/net/dev}. */
  public Path path(String first, String... more) {
    Path p = root.resolve(first);
    for (String m : more) {
      p = p.resolve(m);
    }
    return p;
  }

  /**
   * True when {@code file} is known not to exist. For files that are missing on most hosts (a driver not loaded):
   * checking first costs one {@code stat}, while opening a missing file costs a {@code NoSuchFileException} with its
   * stack trace on every scrape. Callers still handle the file vanishing between the check and the read.
   */
  public static boolean missing(Path file) {
    return Files.notExists(file);
  }

  /** Reads a file under the root whole, as UTF-8 text. */
  public String read(String first, String... more) throws IOException {
    return readText(path(first, more));
  }

  /** Reads any pseudo-file whole, as UTF-8 text, without trusting its reported size. */
  public static String readText(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = BUFFER.get();
      int len = 0;
      while (true) {
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          break;
        }
        len += n;
        if (len == buf.length) {
          if (buf.length >= MAX_FILE_BYTES) {
            throw new MalformedFileException(file, 0, null, "larger than " + MAX_FILE_BYTES + " bytes");
          }
          buf = Arrays.copyOf(buf, buf.length * 2);
          if (buf.length <= KEPT_BUFFER_BYTES) {
            BUFFER.set(buf);
          }
        }
      }
      return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
  }
}
