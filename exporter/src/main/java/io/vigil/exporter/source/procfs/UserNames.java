package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by uid from the host's {@code /etc/passwd} (under the root prefix), re-read when the file changes. A uid
 * without an entry (LDAP users, a container's own uids) is shown as the number.
 *
 * <p>Thread safety: synchronized.
 */
final class UserNames {

  private final Path passwd;
  private FileTime loadedAt;
  private Map<Long, String> names = Map.of();

  UserNames(Path passwd) {
    this.passwd = passwd;
  }

  synchronized String name(long uid) {
    try {
      FileTime mtime = Files.getLastModifiedTime(passwd);
      if (!mtime.equals(loadedAt)) {
        names = parse(Files.readString(passwd, StandardCharsets.UTF_8));
        loadedAt = mtime;
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      names = Map.of(); // no passwd file (a minimal container): numbers only
    }
    return names.getOrDefault(uid, Long.toString(uid));
  }

  static Map<Long, String> parse(String text) {
    Map<Long, String> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length >= 3 && !line.startsWith("#")) {
        try {
          out.putIfAbsent(Long.parseLong(f[2]), f[0]);
        } catch (NumberFormatException ignored) {
          // a malformed line is skipped, as getpwuid(3) does
        }
      }
    }
    return out;
  }
}
