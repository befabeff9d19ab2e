package io.vigil.exporter.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One process as every process is seen on each scrape: identity and the cheap counters. On Linux from
 * {@code /proc/[pid]/stat}, {@code cmdline} and the {@code exe} link (proc(5)); elsewhere from OSHI's
 * {@code OSProcess}.
 *
 * @param state the one-letter state of proc(5) ({@code R}, {@code S}, {@code D}, {@code Z}, {@code T}, {@code I},
 *     ...)
 * @param exe the executable's path; empty when unreadable (another user's process without privileges, a kernel
 *     thread)
 * @param cmdline arguments; empty for kernel threads and zombies
 * @param startTimeSeconds start time, seconds since the epoch
 * @param residentBytes resident set size
 * @param virtualBytes virtual memory size
 */
public record ProcessInfo(
    long pid,
    long ppid,
    String comm,
    char state,
    Optional<String> exe,
    List<String> cmdline,
    double startTimeSeconds,
    long threads,
    double userSeconds,
    double systemSeconds,
    long minorFaults,
    long majorFaults,
    long residentBytes,
    long virtualBytes) {

  public ProcessInfo {
    Objects.requireNonNull(comm);
    Objects.requireNonNull(exe);
    cmdline = List.copyOf(cmdline);
  }
}
