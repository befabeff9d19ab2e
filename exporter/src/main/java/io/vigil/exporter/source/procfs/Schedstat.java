package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduler statistics: {@code /proc/schedstat} (kernel Documentation/scheduler/sched-stats.rst; needs
 * CONFIG_SCHEDSTATS). Only the per-CPU lines are kept: {@code "cpu<N>"} and nine counters, of which the last three
 * are the time spent running tasks, the time tasks spent waiting to run (both in nanoseconds) and the number of
 * timeslices run. {@code version} and {@code timestamp} lines are skipped, and so are the {@code domain<N>} lines
 * (load balancing per scheduling domain) once checked for a consistent length, so a file cut short there is noticed.
 *
 * @param cpus the CPU lines in file order
 */
public record Schedstat(List<Schedstat.Cpu> cpus) {

  /** Fields of a {@code cpu<N>} line since schedstat version 15 (Linux 2.6.x onwards). */
  private static final int CPU_FIELDS = 9;

  public Schedstat {
    cpus = List.copyOf(cpus);
  }

  /**
   * One CPU.
   *
   * @param cpu the number after {@code cpu}
   * @param runningNanoseconds time this CPU spent running tasks
   * @param waitingNanoseconds time tasks spent waiting on this CPU's run queue
   * @param timeslices timeslices run on this CPU
   */
  public record Cpu(String cpu, long runningNanoseconds, long waitingNanoseconds, long timeslices) {

    public double runningSeconds() {
      return runningNanoseconds / 1e9;
    }

    public double waitingSeconds() {
      return waitingNanoseconds / 1e9;
    }
  }

  /** Reads and parses {@code <procfs>/schedstat}; NoSuchFileException on kernels without CONFIG_SCHEDSTATS. */
  public static Schedstat read(ProcFs proc) throws IOException {
    return parse(proc.path("schedstat"), proc.read("schedstat"));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a {@code cpu<N>} line with fewer than nine counters or a non-integer counter,
   *     a {@code domain<N>} line shorter or longer than the first, or a file without any CPU line (empty or cut
   *     short)
   */
  public static Schedstat parse(Path path, String text) throws MalformedFileException {
    List<Cpu> cpus = new ArrayList<>();
    int lineNo = 0;
    int domainFields = -1;
    for (String line : text.lines().toList()) {
      lineNo++;
      if (line.startsWith("domain")) {
        int n = Tokens.fields(line).size();
        if (domainFields >= 0 && n != domainFields) {
          throw new MalformedFileException(path, lineNo, line, "expected " + domainFields + " fields as on the first"
              + " domain line, found " + n);
        }
        domainFields = n;
        continue;
      }
      if (!line.startsWith("cpu")) {
        continue;
      }
      List<String> f = Tokens.fields(line);
      String cpu = f.get(0).substring("cpu".length());
      if (cpu.isEmpty() || !cpu.chars().allMatch(Character::isDigit) || f.size() < 1 + CPU_FIELDS) {
        throw new MalformedFileException(path, lineNo, line, "expected \"cpu<N>\" and " + CPU_FIELDS + " counters");
      }
      try {
        cpus.add(new Cpu(cpu, Long.parseUnsignedLong(f.get(7)), Long.parseUnsignedLong(f.get(8)),
            Long.parseUnsignedLong(f.get(9))));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected integer counters");
      }
    }
    if (cpus.isEmpty()) {
      throw new MalformedFileException(path, 0, null, "no cpu<N> lines");
    }
    return new Schedstat(cpus);
  }
}
