package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Software RAID status: {@code /proc/mdstat} (drivers/md/md.c {@code md_seq_show}; format described at
 * https://raid.wiki.kernel.org/index.php/Mdstat). The file exists only while the md driver is loaded.
 *
 * <p>Each array is a device line ({@code md0 : active raid1 sdb1[1] sda1[0]}), a status line
 * ({@code 3906885440 blocks super 1.2 [2/2] [UU]}), an optional sync line ({@code [==>...]  recovery = 12.6%
 * (493358976/3906885120) finish=318.3min speed=178722K/sec} or {@code resync=DELAYED}), an optional bitmap line and
 * a separator. Parsed as node_exporter 1.5 does (prometheus/procfs {@code MDStat}), including its quirks: a resync
 * in progress reports the member-device blocks already synced, not array blocks.
 *
 * @param arrays in file order
 */
public record Mdstat(List<Array> arrays) {

  public Mdstat {
    arrays = List.copyOf(arrays);
  }

  /**
   * One md array.
   *
   * @param name {@code md0}
   * @param activityState {@code active} or {@code inactive} from the device line, replaced by {@code recovering},
   *     {@code checking} or {@code resyncing} while a sync runs (or is pending)
   * @param disksActive members in sync ({@code [n/m]}'s m); for raid0/linear the member count; 0 when inactive
   * @param disksTotal members the array needs ({@code [n/m]}'s n); as above for raid0/linear and inactive arrays
   * @param disksFailed members marked {@code (F)}
   * @param disksSpare members marked {@code (S)}
   * @param blocksTotal array size in 1 KiB blocks
   * @param blocksSynced blocks synced: the sync line's done count while a sync runs, 0 while it is delayed or
   *     pending, otherwise {@code blocksTotal}
   */
  public record Array(
      String name,
      String activityState,
      long disksActive,
      long disksTotal,
      long disksFailed,
      long disksSpare,
      long blocksTotal,
      long blocksSynced) {}

  /** Reads and parses {@code <procfs>/mdstat}. */
  public static Mdstat read(ProcFs proc) throws IOException {
    Path path = proc.path("mdstat");
    return parse(path, ProcFs.readText(path));
  }

  /**
   * Parses {@code /proc/mdstat}.
   *
   * @throws MalformedFileException on a device line with fewer than three fields, an array cut short (fewer than
   *     three lines after its device line), a status line without a block count or {@code [n/m] [U_]} where one is
   *     required, or a sync line without its {@code (done/total)} blocks, percentage, finish time or speed
   */
  public static Mdstat parse(Path path, String text) throws MalformedFileException {
    // split like Go's strings.Split: a trailing newline leaves an empty last line, which counts below
    String[] lines = text.split("\n", -1);
    List<Array> arrays = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.charAt(0) == ' ' || line.startsWith("Personalities") || line.startsWith("unused")) {
        continue;
      }
      List<String> fields = TextFields.split(line);
      if (fields.size() < 3) {
        throw new MalformedFileException(path, i + 1, line, "expected \"mdN : <state> ...\"");
      }
      String name = fields.get(0);
      if (lines.length <= i + 3) {
        throw new MalformedFileException(path, i + 1, line, "array " + name + " is cut short");
      }
      long failed = count(line, "(F)");
      long spare = count(line, "(S)");
      Status status = status(path, i + 2, line, lines[i + 1]);

      int syncIndex = lines[i + 2].contains("bitmap") ? i + 3 : i + 2;
      String sync = lines[syncIndex];
      boolean recovering = sync.contains("recovery");
      boolean resyncing = sync.contains("resync");
      boolean checking = sync.contains("check");
      String state = fields.get(2);
      long synced = status.blocks();
      if (recovering || resyncing || checking) {
        state = recovering ? "recovering" : checking ? "checking" : "resyncing";
        synced = sync.contains("PENDING") || sync.contains("DELAYED") ? 0 : syncedBlocks(path, syncIndex + 1, sync);
      }
      arrays.add(new Array(name, state, status.active(), status.total(), failed, spare, status.blocks(), synced));
    }
    return new Mdstat(arrays);
  }

  private record Status(long active, long total, long blocks) {}

  /** The status line: its leading block count, and the member counts where the personality has them. */
  private static Status status(Path path, int lineNo, String deviceLine, String line)
      throws MalformedFileException {
    List<String> fields = TextFields.split(line);
    long blocks;
    try {
      blocks = Long.parseLong(fields.isEmpty() ? "" : fields.get(0));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected \"<blocks> blocks ...\"");
    }
    if (deviceLine.contains("raid0") || deviceLine.contains("linear")) {
      // no [n/m] here: every "[" on the device line belongs to a member
      long members = count(deviceLine, "[");
      return new Status(members, members, blocks);
    }
    if (deviceLine.contains("inactive")) {
      return new Status(0, 0, blocks);
    }
    long[] counts = memberCounts(line);
    if (counts == null) {
      throw new MalformedFileException(path, lineNo, line, "expected \"<blocks> blocks ... [n/m] [U_]\"");
    }
    return new Status(counts[1], counts[0], blocks);
  }

  /**
   * {@code [n/m] [UU_]} after {@code "<digits> blocks "}: the last such pair on the line (the upstream regex
   * {@code (\d+) blocks .*\[(\d+)/(\d+)\] \[([U_]+)\]} is greedy), or null.
   */
  private static long[] memberCounts(String line) {
    int blocks = line.indexOf(" blocks ");
    while (blocks > 0 && !Character.isDigit(line.charAt(blocks - 1))) {
      blocks = line.indexOf(" blocks ", blocks + 1);
    }
    if (blocks < 0) {
      return null;
    }
    int after = blocks + " blocks ".length();
    for (int open = line.lastIndexOf('['); open >= after; open = line.lastIndexOf('[', open - 1)) {
      int slash = line.indexOf('/', open);
      int close = line.indexOf(']', open);
      if (slash < 0 || close < slash || !digits(line, open + 1, slash) || !digits(line, slash + 1, close)
          || !line.startsWith(" [", close + 1)) {
        continue;
      }
      int flags = close + 3; // after "] ["
      int flagsEnd = line.indexOf(']', flags);
      if (flagsEnd <= flags || !onlyUpOrDown(line, flags, flagsEnd)) {
        continue;
      }
      return new long[] {
        Long.parseLong(line.substring(open + 1, slash)), Long.parseLong(line.substring(slash + 1, close))
      };
    }
    return null;
  }

  /**
   * The done count of {@code (done/total)} on a sync line. Like upstream, the line must also carry a percentage
   * ({@code = 12.6%}), a finish estimate ({@code finish=318.3min}) and a speed ({@code speed=178722K/sec}).
   */
  private static long syncedBlocks(Path path, int lineNo, String line) throws MalformedFileException {
    Long done = null;
    for (int open = line.indexOf('('); open >= 0 && done == null; open = line.indexOf('(', open + 1)) {
      int slash = line.indexOf('/', open);
      int close = line.indexOf(')', open);
      if (slash > open + 1 && close > slash + 1 && digits(line, open + 1, slash) && digits(line, slash + 1, close)) {
        done = Long.parseLong(line.substring(open + 1, slash));
      }
    }
    if (done == null
        || !isNumber(between(line, "= ", "%"))
        || !isNumber(between(line, "finish=", "min"))
        || !isNumber(speed(line))) {
      throw new MalformedFileException(
          path, lineNo, line, "expected \"... = <pct>% (<done>/<total>) finish=<min>min speed=<n>K/sec\"");
    }
    return done;
  }

  /** The text from after the first {@code start} to the last {@code end} after it (a greedy {@code (.+)}). */
  private static String between(String line, String start, String end) {
    int from = line.indexOf(start);
    if (from < 0) {
      return null;
    }
    from += start.length();
    int to = line.lastIndexOf(end);
    return to > from ? line.substring(from, to).trim() : null;
  }

  /** {@code speed=(.+)[A-Z]}: up to the last upper-case letter after {@code speed=}. */
  private static String speed(String line) {
    int from = line.indexOf("speed=");
    if (from < 0) {
      return null;
    }
    from += "speed=".length();
    for (int i = line.length() - 1; i > from; i--) {
      char c = line.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return line.substring(from, i);
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyUpOrDown(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != 'U' && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static long count(String s, String what) {
    long n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }
}
