package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mount table of a mount namespace: {@code /proc/<pid>/mountinfo} (Documentation/filesystems/proc.rst, section
 * 3.5): {@code 51 47 0:40 / /srv/backup rw,relatime shared:31 - nfs4 nas:/export rw,vers=4.2,...,addr=10.0.0.5}.
 * Only what the mountstats collector needs is kept; fields are split on single spaces as the kernel writes them.
 *
 * @param mounts in file order
 */
public record Mountinfo(List<Mount> mounts) {

  public Mountinfo {
    mounts = List.copyOf(mounts);
  }

  /**
   * One line.
   *
   * @param mountPoint the mount point
   * @param fsType the filesystem type
   * @param source the mount source
   * @param superOptions the per-superblock options after the separator, {@code name} or {@code name=value}
   */
  public record Mount(String mountPoint, String fsType, String source, Map<String, String> superOptions) {
    public Mount {
      superOptions = OrderedMaps.copyOf(superOptions);
    }

    public Optional<String> superOption(String name) {
      return Optional.ofNullable(superOptions.get(name));
    }
  }

  /** Reads and parses {@code <procfs>/self/mountinfo}. */
  public static Mountinfo readSelf(ProcFs proc) throws IOException {
    Path path = proc.path("self", "mountinfo");
    return parse(path, ProcFs.readText(path));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a line with fewer than 10 fields, without the {@code -} separator before the
   *     last three fields, or with a mount id that is not a number
   */
  public static Mountinfo parse(Path path, String text) throws MalformedFileException {
    List<Mount> mounts = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ", -1);
      int n = f.length;
      if (n < 10 || !f[n - 4].equals("-") || !isNumber(f[0]) || !isNumber(f[1])) {
        throw new MalformedFileException(path, lineNo, line,
            "expected \"<id> <parent> <major:minor> <root> <mount point> <options> [optional...] - <type> <source>"
                + " <super options>\"");
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (String option : f[n - 1].split(",")) {
        int eq = option.indexOf('=');
        if (eq < 0) {
          options.put(option, "");
        } else {
          int next = option.indexOf('=', eq + 1);
          options.put(option.substring(0, eq), option.substring(eq + 1, next < 0 ? option.length() : next));
        }
      }
      mounts.add(new Mount(f[4], f[n - 3], f[n - 2], options));
    }
    return new Mountinfo(mounts);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
