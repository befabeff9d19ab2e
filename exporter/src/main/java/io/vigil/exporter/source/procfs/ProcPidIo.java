package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * {@code /proc/[pid]/io} (proc(5)): {@code read_bytes} and {@code write_bytes}, the bytes the process caused to be
 * fetched from and sent to storage. Readable only by the owner or with {@code CAP_SYS_PTRACE}.
 */
public record ProcPidIo(OptionalLong readBytes, OptionalLong writeBytes) {

  public static ProcPidIo parse(Path path, String text) throws MalformedFileException {
    OptionalLong read = OptionalLong.empty();
    OptionalLong write = OptionalLong.empty();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      try {
        if (key.equals("read_bytes")) {
          read = OptionalLong.of(Long.parseLong(line.substring(colon + 1).strip()));
        } else if (key.equals("write_bytes")) {
          write = OptionalLong.of(Long.parseLong(line.substring(colon + 1).strip()));
        }
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected a number for " + key);
      }
    }
    return new ProcPidIo(read, write);
  }
}
