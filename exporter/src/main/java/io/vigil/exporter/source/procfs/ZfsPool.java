package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kstats of one imported ZFS pool: {@code /proc/spl/kstat/zfs/<pool>/} with {@code io} (I/O totals as a
 * KSTAT_TYPE_IO: a header row {@code nread nwritten reads writes wtime ...} and one value row; OpenZFS before 2.2),
 * {@code objset-<id>} (one per mounted dataset, see {@link ZfsKstat}) and {@code state} ({@code ONLINE},
 * {@code DEGRADED}, ...; OpenZFS 0.8+).
 *
 * @param name the pool
 * @param io the {@code io} kstat's fields, in file order; absent without the file
 * @param objsets the datasets' kstats, sorted by file name
 * @param state the state, lower-cased; absent without the file
 */
public record ZfsPool(String name, Optional<Map<String, Long>> io, List<ZfsKstat> objsets, Optional<String> state) {

  public ZfsPool {
    io = io.map(OrderedMaps::copyOf);
    objsets = List.copyOf(objsets);
  }

  /** Reads every pool directory under {@code dir} ({@code <procfs>/spl/kstat/zfs}), sorted by name. */
  public static List<ZfsPool> readAll(Path dir) throws IOException {
    List<ZfsPool> pools = new ArrayList<>();
    for (Path pool : SysfsDirs.subdirectories(dir)) {
      Path ioFile = pool.resolve("io");
      Optional<Map<String, Long>> io = Files.isRegularFile(ioFile)
          ? Optional.of(parseIo(ioFile, ProcFs.readText(ioFile))) : Optional.empty();
      List<Path> objsetFiles = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(pool, "objset-*")) {
        entries.forEach(objsetFiles::add);
      }
      objsetFiles.sort(null);
      List<ZfsKstat> objsets = new ArrayList<>();
      for (Path file : objsetFiles) {
        objsets.add(ZfsKstat.read(file));
      }
      Path stateFile = pool.resolve("state");
      Optional<String> state = Files.isRegularFile(stateFile)
          ? Optional.of(firstLine(ProcFs.readText(stateFile)).toLowerCase(Locale.ROOT)) : Optional.empty();
      pools.add(new ZfsPool(pool.getFileName().toString(), io, objsets, state));
    }
    return List.copyOf(pools);
  }

  /**
   * Parses an {@code io} kstat: the header row starting with {@code nread} (12 columns on every OpenZFS that has the
   * file) and the value row after it.
   *
   * @throws MalformedFileException without the header row, or with a value row that is short or not unsigned
   *     integers
   */
  public static Map<String, Long> parseIo(Path path, String text) throws MalformedFileException {
    List<String> header = null;
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      List<String> fields = TextFields.split(line);
      if (header == null) {
        if (fields.size() >= 12 && fields.get(0).equals("nread")) {
          header = fields;
        }
        continue;
      }
      if (fields.isEmpty()) {
        continue;
      }
      if (fields.size() < header.size()) {
        throw new MalformedFileException(path, lineNo, line, "expected " + header.size() + " values");
      }
      Map<String, Long> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        try {
          values.put(header.get(i), Uint64.parse(fields.get(i)));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, lineNo, line, "expected unsigned integers");
        }
      }
      return values;
    }
    if (header == null) {
      throw new MalformedFileException(path, 0, null, "no \"nread nwritten reads writes ...\" header");
    }
    return Map.of();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
