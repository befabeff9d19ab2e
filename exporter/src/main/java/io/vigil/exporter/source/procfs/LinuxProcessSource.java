package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import io.vigil.exporter.source.ProcessSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Processes from {@code /proc}: {@code [pid]/stat}, {@code cmdline} and the {@code exe} link for every process;
 * {@code status}, {@code io}, the entries of {@code fd/} and {@code limits} for group members only. Boot time
 * ({@code btime} of {@code /proc/stat}), USER_HZ and the page size are read once.
 *
 * <p>Thread safety: for one collector thread at a time.
 */
public final class LinuxProcessSource implements ProcessSource {

  private static final Logger LOG = Logger.getLogger(LinuxProcessSource.class.getName());

  private final ProcFs proc;
  private final double bootTime;
  private final int userHz;
  private final long pageSize;
  private final UserNames users;

  public LinuxProcessSource(ProcFs proc, HostPaths paths, double bootTime, int userHz, long pageSize) {
    this.proc = proc;
    this.bootTime = bootTime;
    this.userHz = userHz;
    this.pageSize = pageSize;
    this.users = new UserNames(paths.rootfsPath("/etc/passwd"));
  }

  /** Reads boot time and page size from {@code proc}. */
  public static LinuxProcessSource create(ProcFs proc, HostPaths paths) throws IOException {
    ProcStat stat = ProcStat.parse(proc.path("stat"), proc.read("stat"), ProcStat.LINUX_USER_HZ);
    double btime = stat.bootTimeSeconds().orElseThrow(
        () -> new MalformedFileException(proc.path("stat"), 0, null, "no btime line"));
    return new LinuxProcessSource(proc, paths, btime, ProcStat.LINUX_USER_HZ, Auxv.pageSize(proc));
  }

  @Override
  public List<ProcessInfo> processes() throws IOException {
    List<ProcessInfo> out = new ArrayList<>();
    for (long pid : ProcPids.pids(proc)) {
      Optional<ProcPidStat> stat;
      try {
        stat = ProcPids.stat(proc, pid);
      } catch (MalformedFileException e) {
        LOG.fine(() -> "collector=process_groups skipping pid " + pid + ": " + e.getMessage());
        continue;
      }
      if (stat.isEmpty()) {
        continue;
      }
      ProcPidStat s = stat.get();
      out.add(new ProcessInfo(
          pid,
          s.ppid(),
          s.comm(),
          s.state(),
          exe(pid),
          cmdline(pid),
          bootTime + (double) s.startTimeTicks() / userHz,
          s.numThreads(),
          (double) s.utimeTicks() / userHz,
          (double) s.stimeTicks() / userHz,
          s.minflt(),
          s.majflt(),
          s.rssPages() * pageSize,
          s.vsizeBytes()));
    }
    return out;
  }

  @Override
  public Optional<ProcessDetails> details(ProcessInfo p) {
    String pid = Long.toString(p.pid());
    ProcPidStatus status;
    try {
      status = ProcPidStatus.parse(proc.path(pid, "status"), proc.read(pid, "status"));
    } catch (IOException gone) {
      return Optional.empty(); // exited since processes()
    }
    OptionalLong read = OptionalLong.empty();
    OptionalLong write = OptionalLong.empty();
    try {
      ProcPidIo io = ProcPidIo.parse(proc.path(pid, "io"), proc.read(pid, "io"));
      read = io.readBytes();
      write = io.writeBytes();
    } catch (IOException notPermitted) {
      // another user's io without CAP_SYS_PTRACE: left absent
    }
    OptionalLong maxFds = OptionalLong.empty();
    try {
      maxFds = ProcPidLimits.parse(proc.path(pid, "limits"), proc.read(pid, "limits")).maxOpenFiles();
    } catch (IOException gone) {
      // exited, or unreadable: left absent
    }
    return Optional.of(new ProcessDetails(
        status.realUid().isPresent() ? Optional.of(users.name(status.realUid().getAsLong())) : Optional.empty(),
        status.vmSwapBytes(),
        status.voluntaryCtxtSwitches(),
        status.nonvoluntaryCtxtSwitches(),
        read,
        write,
        openFds(proc.path(pid, "fd")),
        maxFds));
  }

  private static OptionalLong openFds(Path dir) {
    long n = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path ignored : entries) {
        n++;
      }
      return OptionalLong.of(n);
    } catch (IOException notPermitted) {
      return OptionalLong.empty();
    }
  }

  private Optional<String> exe(long pid) {
    try {
      String target = Files.readSymbolicLink(proc.path(Long.toString(pid), "exe")).toString();
      return Optional.of(target.endsWith(" (deleted)") ? target.substring(0, target.length() - 10) : target);
    } catch (IOException | UnsupportedOperationException unreadable) {
      return Optional.empty(); // kernel thread, zombie, or another user's process
    }
  }

  private List<String> cmdline(long pid) {
    String text;
    try {
      text = proc.read(Long.toString(pid), "cmdline");
    } catch (IOException gone) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == 0) {
        args.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      args.add(text.substring(start)); // a process that rewrote its arguments without a final NUL
    }
    return args;
  }
}
