package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a short sysfs attribute the way node_exporter 1.5 does for hwmon, thermal and DMI files: at most
 * {@value #MAX_BYTES} bytes (it issues one {@code read(2)} into a 128-byte buffer, so longer values are cut there),
 * decoded as Go's {@code strings.ToValidUTF8}. Reading a directory fails with an {@link IOException}, as
 * {@code read(2)} does with EISDIR.
 *
 * <p>Thread safety: stateless.
 */
public final class AttributeFile {

  /** node_exporter's buffer size for one attribute read. */
  public static final int MAX_BYTES = 128;

  private AttributeFile() {}

  /** The attribute's first {@value #MAX_BYTES} bytes as text, untrimmed. */
  public static String read(Path file) throws IOException {
    byte[] buf = new byte[MAX_BYTES];
    int len = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while (len < buf.length && (n = in.read(buf, len, buf.length - len)) > 0) {
        len += n;
      }
    }
    return GoStrings.toValidUtf8(buf, 0, len);
  }
}
