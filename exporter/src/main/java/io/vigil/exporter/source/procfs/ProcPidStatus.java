package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * {@code /proc/[pid]/status} (proc(5)), the fields Vigil uses; kernel threads have no {@code Vm*} lines.
 *
 * @param realUid first value of {@code Uid:}
 * @param vmSwapBytes {@code VmSwap} (kB converted to bytes)
 * @param voluntaryCtxtSwitches {@code voluntary_ctxt_switches}
 * @param nonvoluntaryCtxtSwitches {@code nonvoluntary_ctxt_switches}
 */
public record ProcPidStatus(
    OptionalLong realUid, OptionalLong vmSwapBytes, OptionalLong voluntaryCtxtSwitches,
    OptionalLong nonvoluntaryCtxtSwitches) {

  public static ProcPidStatus parse(Path path, String text) throws MalformedFileException {
    OptionalLong uid = OptionalLong.empty();
    OptionalLong swap = OptionalLong.empty();
    OptionalLong voluntary = OptionalLong.empty();
    OptionalLong nonvoluntary = OptionalLong.empty();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      try {
        switch (key) {
          case "Uid" -> uid = OptionalLong.of(Long.parseLong(value.split("\\s+")[0]));
          case "VmSwap" -> swap = OptionalLong.of(kilobytes(value));
          case "voluntary_ctxt_switches" -> voluntary = OptionalLong.of(Long.parseLong(value));
          case "nonvoluntary_ctxt_switches" -> nonvoluntary = OptionalLong.of(Long.parseLong(value));
          default -> {
            // other fields are not used
          }
        }
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected a number for " + key);
      }
    }
    return new ProcPidStatus(uid, swap, voluntary, nonvoluntary);
  }

  private static long kilobytes(String value) {
    String v = value.endsWith(" kB") ? value.substring(0, value.length() - 3) : value;
    return Long.parseLong(v.strip()) * 1024;
  }
}
