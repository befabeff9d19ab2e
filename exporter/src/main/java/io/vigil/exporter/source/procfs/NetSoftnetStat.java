package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-CPU packet processing statistics: {@code /proc/net/softnet_stat} (net/core/net-procfs.c
 * {@code softnet_seq_show}; described in kernel Documentation/networking/scaling.rst and
 * Documentation/admin-guide/sysctl/net.rst). One line per online CPU of hexadecimal columns: packets processed,
 * dropped (backlog full), times the budget or time ran out ("squeezed"), then columns that vary by kernel (9 up to
 * 2.6.34, 10 with received_rps, 11 with flow_limit_count, 13 with the backlog length and CPU index in 5.10, 15 in
 * 6.x).
 *
 * @param cpus the lines in file order
 */
public record NetSoftnetStat(List<NetSoftnetStat.Cpu> cpus) {

  /** The oldest layout has nine columns; fewer means the file is cut short. */
  private static final int MIN_COLUMNS = 9;

  public NetSoftnetStat {
    cpus = List.copyOf(cpus);
  }

  /**
   * One line.
   *
   * @param processed packets processed
   * @param dropped packets dropped because the backlog queue was full
   * @param timeSqueezed times net_rx_action stopped with work left (budget or time exhausted)
   */
  public record Cpu(long processed, long dropped, long timeSqueezed) {}

  /** Reads and parses {@code <procfs>/net/softnet_stat}. */
  public static NetSoftnetStat read(ProcFs proc) throws IOException {
    return parse(proc.path("net", "softnet_stat"), proc.read("net", "softnet_stat"));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a line with fewer than nine columns or a column that is not hexadecimal
   */
  public static NetSoftnetStat parse(Path path, String text) throws MalformedFileException {
    List<Cpu> cpus = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() < MIN_COLUMNS) {
        throw new MalformedFileException(
            path, lineNo, line, "expected at least " + MIN_COLUMNS + " columns, found " + f.size());
      }
      try {
        cpus.add(new Cpu(Long.parseLong(f.get(0), 16), Long.parseLong(f.get(1), 16), Long.parseLong(f.get(2), 16)));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected hexadecimal counters");
      }
    }
    return new NetSoftnetStat(cpus);
  }
}
