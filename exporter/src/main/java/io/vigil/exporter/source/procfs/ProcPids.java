package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numeric entries of {@code /proc} (one per process) and of {@code /proc/[pid]/task} (one per thread), and
 * their {@code stat} files. A process or thread that exits while it is read is left out, never an error: the
 * process table changes under every reader.
 *
 * <p>Thread safety: stateless.
 */
public final class ProcPids {

  private ProcPids() {}

  /** PIDs of {@code <procfs>}, ascending. Throws when {@code /proc} itself cannot be listed. */
  public static List<Long> pids(ProcFs proc) throws IOException {
    List<Long> pids = numericEntries(proc.root());
    pids.sort(null); // directory order is the filesystem's; ascending PIDs make group creation order stable
    return pids;
  }

  /** TIDs of {@code <procfs>/<pid>/task}; empty when the process has gone. */
  public static List<Long> tids(ProcFs proc, long pid) {
    try {
      return numericEntries(proc.path(Long.toString(pid), "task"));
    } catch (IOException gone) {
      return List.of();
    }
  }

  /** {@code <procfs>/<pid>/stat}, or empty when the process has gone or its file is unreadable. */
  public static Optional<ProcPidStat> stat(ProcFs proc, long pid) throws MalformedFileException {
    return stat(proc.path(Long.toString(pid), "stat"));
  }

  /** {@code <procfs>/<pid>/task/<tid>/stat}, or empty when the thread has gone. */
  public static Optional<ProcPidStat> threadStat(ProcFs proc, long pid, long tid) throws MalformedFileException {
    return stat(proc.path(Long.toString(pid), "task", Long.toString(tid), "stat"));
  }

  private static Optional<ProcPidStat> stat(Path file) throws MalformedFileException {
    String text;
    try {
      text = ProcFs.readText(file);
    } catch (MalformedFileException e) {
      throw e;
    } catch (IOException gone) {
      return Optional.empty(); // ENOENT or ESRCH: exited while we looked
    }
    if (text.isEmpty()) {
      return Optional.empty(); // a process reaped between open and read reads as empty
    }
    return Optional.of(ProcPidStat.parse(file, text));
  }

  private static List<Long> numericEntries(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        if (!name.isEmpty() && name.length() < 19 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
          out.add(Long.parseLong(name));
        }
      }
    }
    return out;
  }
}
