package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * {@code /proc/[pid]/limits} (proc(5)): the soft limit of {@code Max open files}; absent when {@code unlimited}.
 */
public record ProcPidLimits(OptionalLong maxOpenFiles) {

  private static final String KEY = "Max open files";

  public static ProcPidLimits parse(Path path, String text) throws MalformedFileException {
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.startsWith(KEY)) {
        String[] f = line.substring(KEY.length()).strip().split("\\s+");
        if (f.length < 1 || f[0].isEmpty()) {
          throw new MalformedFileException(path, lineNo, line, "expected a soft limit");
        }
        if (f[0].equals("unlimited")) {
          return new ProcPidLimits(OptionalLong.empty());
        }
        try {
          return new ProcPidLimits(OptionalLong.of(Long.parseLong(f[0])));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, lineNo, line, "expected a number or unlimited");
        }
      }
    }
    return new ProcPidLimits(OptionalLong.empty());
  }
}
