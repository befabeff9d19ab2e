package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cgroup controllers: {@code /proc/cgroups} (kernel/cgroup/cgroup-v1.c {@code proc_cgroupstats_show}; see
 * cgroups(7)). A {@code #subsys_name hierarchy num_cgroups enabled} header, then one tab-separated line per
 * controller. On a cgroup v2 only host every controller has hierarchy 0 and the same count.
 *
 * @param subsystems the controllers in file order
 */
public record Cgroups(List<Cgroups.Subsystem> subsystems) {

  public Cgroups {
    subsystems = List.copyOf(subsystems);
  }

  /**
   * One controller.
   *
   * @param name {@code cpu}, {@code memory}, {@code pids}, ...
   * @param hierarchy the v1 hierarchy it is mounted in, 0 for none or v2
   * @param cgroups how many cgroups use it
   * @param enabled 1, or 0 when disabled (for example with {@code cgroup_disable=memory})
   */
  public record Subsystem(String name, long hierarchy, long cgroups, long enabled) {}

  /** Reads and parses {@code <procfs>/cgroups}. */
  public static Cgroups read(ProcFs proc) throws IOException {
    return parse(proc.path("cgroups"), proc.read("cgroups"));
  }

  /**
   * Parses the file; lines starting with {@code #} are headers.
   *
   * @throws MalformedFileException on a line with fewer than four fields or a non-integer column
   */
  public static Cgroups parse(Path path, String text) throws MalformedFileException {
    List<Subsystem> subsystems = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> f = Tokens.fields(line);
      if (f.isEmpty() || f.get(0).startsWith("#")) {
        continue;
      }
      if (f.size() < 4) {
        throw new MalformedFileException(path, lineNo, line, "expected subsys_name, hierarchy, num_cgroups, enabled");
      }
      try {
        subsystems.add(new Subsystem(
            f.get(0), Long.parseLong(f.get(1)), Long.parseLong(f.get(2)), Long.parseLong(f.get(3))));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected integer columns");
      }
    }
    return new Cgroups(subsystems);
  }
}
