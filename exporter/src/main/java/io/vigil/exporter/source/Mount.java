package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One mounted filesystem: a line of {@code /proc/1/mounts} on Linux (see proc(5), fstab(5)); an OSHI file store
 * elsewhere.
 *
 * @param device the mount source ({@code /dev/sda1}, {@code server:/export}, {@code tmpfs}), octal escapes decoded
 * @param mountPoint where it is mounted, as the host sees it (without the rootfs prefix), octal escapes decoded
 * @param fsType the filesystem type ({@code ext4}, {@code nfs4})
 * @param options mount options ({@code rw}, {@code ro}, {@code relatime}, ...)
 */
public record Mount(String device, String mountPoint, String fsType, List<String> options) {

  public Mount {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(mountPoint, "mountPoint");
    Objects.requireNonNull(fsType, "fsType");
    options = List.copyOf(options);
  }

  public boolean readOnly() {
    return options.contains("ro");
  }

  /** The same mount seen at another path (used to strip the rootfs prefix). */
  public Mount atMountPoint(String otherMountPoint) {
    return new Mount(device, otherMountPoint, fsType, options);
  }

  /**
   * Parses a mount table in {@code /proc/<pid>/mounts} format: {@code device mountpoint fstype options dump pass},
   * one mount per line, where the kernel writes space, tab, newline and backslash in names as octal escapes
   * ({@code \040}, {@code \011}, {@code \012}, {@code \134}).
   *
   * <p>A line with fewer than four fields is skipped and handed to {@code skipped}; when no line of a non-empty table
   * is usable the whole file is malformed.
   *
   * @param path the file, for error messages
   * @param skipped receives each skipped line as an exception naming file, line number and line
   */
  public static List<Mount> parse(Path path, String text, Consumer<MalformedFileException> skipped)
      throws MalformedFileException {
    List<Mount> mounts = new ArrayList<>();
    MalformedFileException firstBad = null;
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] fields = Tokens.fields(line).toArray(String[]::new);
      if (fields.length < 4) {
        MalformedFileException bad =
            new MalformedFileException(
                path, lineNo, line, "expected at least 4 fields (device mountpoint type options)");
        firstBad = firstBad == null ? bad : firstBad;
        skipped.accept(bad);
        continue;
      }
      mounts.add(
          new Mount(
              unescapeOctal(fields[0]), unescapeOctal(fields[1]), unescapeOctal(fields[2]),
              List.of(Tokens.split(fields[3], ','))));
    }
    if (mounts.isEmpty() && firstBad != null) {
      throw firstBad;
    }
    return mounts;
  }

  /**
   * Decodes the kernel's three-digit octal escapes ({@code \040} is a space); a backslash not followed by three octal
   * digits is kept as it is.
   */
  static String unescapeOctal(String s) {
    int backslash = s.indexOf('\\');
    if (backslash < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, backslash);
    int i = backslash;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
        int value = (s.charAt(i + 1) - '0') * 64 + (s.charAt(i + 2) - '0') * 8 + (s.charAt(i + 3) - '0');
        if (value <= 0xFF) {
          out.append((char) value);
          i += 4;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
  }
}
