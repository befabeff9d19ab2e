package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import io.vigil.exporter.source.ProcessSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Processes through OSHI's {@code OSProcess} (macOS, Windows, BSD). One {@code getProcesses()} call per scrape
 * (~0.15 ms per process) fills both the list and the details. Not available through OSHI, so absent: swapped memory,
 * context switches, and on some platforms I/O bytes and fd counts (OSHI reports 0 or -1 there, which are taken as
 * absent).
 *
 * <p>Thread safety: for one collector thread at a time (the details of the last listing are kept).
 */
public final class OshiProcesses implements ProcessSource {

  private final OperatingSystem os;
  private Map<Long, OSProcess> lastListing = Map.of();

  public OshiProcesses(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public List<ProcessInfo> processes() {
    List<OSProcess> all = os.getProcesses();
    Map<Long, OSProcess> byPid = new HashMap<>();
    List<ProcessInfo> out = new java.util.ArrayList<>(all.size());
    for (OSProcess p : all) {
      byPid.put((long) p.getProcessID(), p);
      String path = p.getPath();
      String cmd = p.getCommandLine();
      out.add(new ProcessInfo(
          p.getProcessID(),
          p.getParentProcessID(),
          p.getName(),
          state(p.getState()),
          path == null || path.isEmpty() ? Optional.empty() : Optional.of(path),
          p.getArguments().isEmpty() && cmd != null && !cmd.isEmpty() ? List.of(cmd.split(" ")) : p.getArguments(),
          p.getStartTime() / 1000.0,
          p.getThreadCount(),
          p.getUserTime() / 1000.0,
          p.getKernelTime() / 1000.0,
          Math.max(0, p.getMinorFaults()),
          Math.max(0, p.getMajorFaults()),
          p.getResidentMemory(),
          p.getVirtualSize()));
    }
    lastListing = byPid;
    return out;
  }

  @Override
  public Optional<ProcessDetails> details(ProcessInfo process) {
    OSProcess p = lastListing.get(process.pid());
    if (p == null) {
      return Optional.empty();
    }
    return Optional.of(new ProcessDetails(
        Optional.ofNullable(p.getUser()).filter(u -> !u.isEmpty()),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        positive(p.getBytesRead()),
        positive(p.getBytesWritten()),
        positive(p.getOpenFiles()),
        positive(p.getSoftOpenFileLimit())));
  }

  private static OptionalLong positive(long v) {
    return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
  }

  /** OSHI's states in proc(5) letters, so process-exporter's state names come out the same. */
  static char state(OSProcess.State s) {
    return switch (s) {
      case RUNNING -> 'R';
      case SLEEPING -> 'S';
      case WAITING -> 'D';
      case ZOMBIE -> 'Z';
      case STOPPED -> 'T';
      default -> '?';
    };
  }
}
