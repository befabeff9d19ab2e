package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;

/**
 * {@code /proc/[pid]/stat} (proc(5)), the fields Vigil uses. {@code comm} is in parentheses and may itself contain
 * spaces and parentheses, so the fields after it are counted from the last {@code )}.
 *
 * @param state field 3
 * @param ppid field 4
 * @param minflt field 10
 * @param majflt field 12
 * @param utimeTicks field 14, USER_HZ ticks
 * @param stimeTicks field 15, USER_HZ ticks
 * @param numThreads field 20
 * @param startTimeTicks field 22, USER_HZ ticks after boot
 * @param vsizeBytes field 23
 * @param rssPages field 24
 */
public record ProcPidStat(
    long pid,
    String comm,
    char state,
    long ppid,
    long minflt,
    long majflt,
    long utimeTicks,
    long stimeTicks,
    long numThreads,
    long startTimeTicks,
    long vsizeBytes,
    long rssPages) {

  public static ProcPidStat parse(Path path, String text) throws MalformedFileException {
    String line = text.strip();
    int open = line.indexOf(" (");
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 > line.length()) {
      throw new MalformedFileException(path, 1, line, "expected \"pid (comm) state ...\"");
    }
    String[] f = line.substring(close + 2).split(" ");
    // f[0] is field 3 (state); field n is f[n - 3]
    if (f.length < 22 || f[0].length() != 1) {
      throw new MalformedFileException(path, 1, line, "expected at least 24 fields");
    }
    try {
      return new ProcPidStat(
          Long.parseLong(line.substring(0, open)),
          line.substring(open + 2, close),
          f[0].charAt(0),
          Long.parseLong(f[1]),
          Long.parseLong(f[7]),
          Long.parseLong(f[9]),
          Long.parseLong(f[11]),
          Long.parseLong(f[12]),
          Long.parseLong(f[17]),
          Long.parseLong(f[19]),
          Long.parseLong(f[20]),
          Long.parseLong(f[21]));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, line, "expected numeric fields after comm");
    }
  }
}
